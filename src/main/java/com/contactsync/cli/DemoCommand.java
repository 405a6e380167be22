package com.contactsync.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** {@code demo}: the embedded default (being written). */
@Command(name = "demo", description = "Embedded PostgreSQL + Flink MiniCluster: fill, backfill, verify.")
final class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
