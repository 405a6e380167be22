package com.contactsync.cli;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.LoadReport;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code generate}: reproducible messy synthetic profiles, any number, into any PostgreSQL. */
@Command(name = "generate", description = "Fill a profile table with reproducible messy synthetic profiles (password from PGPASSWORD).")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--jdbc-url", required = true, description = "Database to fill, e.g. jdbc:postgresql://127.0.0.1:5432/app.")
    String jdbcUrl;

    @Option(names = "--user", defaultValue = "postgres", description = "Database user (default ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--table", defaultValue = "profile", description = "Table to create if absent and fill (default ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--profiles", defaultValue = "1000000", description = "How many profiles (default ${DEFAULT-VALUE}).")
    long profiles;

    @Option(names = "--seed", defaultValue = "42", description = "Seed: the same seed gives the same profiles (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--first-id", defaultValue = "1", description = "First id, to append to an existing table (default ${DEFAULT-VALUE}).")
    long firstId;

    @Option(names = "--sparse", description = "Leave random gaps between ids, like a table with years of deletes.")
    boolean sparse;

    @Option(names = "--contacts-type", defaultValue = "jsonb", description = "jsonb, json or text (default ${DEFAULT-VALUE}).")
    String contactsType;

    @Override
    public Integer call() {
        JdbcEndpoint endpoint = new JdbcEndpoint(jdbcUrl, user, "PGPASSWORD");
        ProfileTableLoader loader = new ProfileTableLoader(endpoint, SqlIdentifier.of(table), ContactsColumnType.parse(contactsType));
        loader.createTableIfAbsent();
        IdLayout ids = (sparse ? IdLayout.sparse(seed, 0.2, 1_000) : IdLayout.dense()).startingAt(firstId);
        LoadReport report = loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, ids);
        System.out.println(report);
        return 0;
    }
}
