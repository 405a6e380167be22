package com.contactsync.cli;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;

import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The flags that say which databases a tool command works on ({@code verify}, {@code lookup},
 * {@code erase}, {@code run}, {@code backfill}): the job's configuration file plus overrides.
 */
final class DatabaseOptions {

    private static final Path DEFAULT_CONFIG = Path.of("conf", "contactsync.yaml");

    @Option(names = "--config", description = "Job configuration (YAML); default conf/contactsync.yaml when it exists.")
    Path config;

    @Option(names = "--jdbc-url", description = "Overrides source.jdbc-url (the target defaults to the same database).")
    String jdbcUrl;

    @Option(names = "--user", description = "Overrides source.user (password from the environment, e.g. PGPASSWORD).")
    String user;

    @Option(names = "--set", description = "Any option as key=value, e.g. --set target.jdbc-url=jdbc:postgresql://...")
    Map<String, String> settings = new LinkedHashMap<>();

    JobConfig load() {
        return load(Map.of());
    }

    /** The configuration with these flags applied, then the command's own overrides. */
    JobConfig load(Map<String, String> commandOverrides) {
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        if (jdbcUrl != null) {
            overrides.put("source.jdbc-url", jdbcUrl);
        }
        if (user != null) {
            overrides.put("source.user", user);
        }
        overrides.putAll(commandOverrides);
        if (config != null && !Files.isRegularFile(config)) {
            throw new IllegalArgumentException("no configuration file " + config);
        }
        Path file = config != null ? config : Files.isRegularFile(DEFAULT_CONFIG) ? DEFAULT_CONFIG : null;
        return ConfigLoader.load(file, overrides);
    }
}
