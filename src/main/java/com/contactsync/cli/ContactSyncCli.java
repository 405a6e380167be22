package com.contactsync.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./contactsync <command>}: every local command of ContactSync. */
@Command(
        name = "contactsync",
        mixinStandardHelpOptions = true,
        description = "Moves contacts kept as JSON on profile rows into normalized tables, exactly once.",
        subcommands = {DemoCommand.class, StackCommand.class, RunCommand.class, LatencyBenchCommand.class, GenerateCommand.class, BenchCommand.class, PauseCommand.class, VerifyCommand.class, LookupCommand.class,
                EraseCommand.class, DemoDatabaseCommand.class, ShapesCommand.class, CommandLine.HelpCommand.class})
public final class ContactSyncCli {

    public static void main(String[] args) {
        int exit = new CommandLine(new ContactSyncCli())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("contactsync: " + e.getMessage());
                    if (System.getenv("CONTACTSYNC_DEBUG") != null) {
                        e.printStackTrace(cmd.getErr());
                    }
                    return 1;
                })
                .execute(args);
        System.exit(exit);
    }
}
