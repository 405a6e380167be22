package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.source.backfill.ResnapshotRequestTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** {@code backfill request | status | cancel} against a real database; a bad predicate records nothing. */
class BackfillRequestCommandITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @TempDir
    Path dir;

    @Test
    void requestsAreRecordedListedAndCancelledAndBadPredicatesRefused() throws Exception {
        JdbcEndpoint source = POSTGRES.newDatabase();
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE profile (id bigint PRIMARY KEY, contacts jsonb, country text)");
        }

        assertThat(run(source, "request", "--ids", "1-100,500").exitCode()).isZero();
        assertThat(run(source, "request", "--where", "country = 'DE'").exitCode()).isZero();
        assertThat(run(source, "request", "--all").exitCode()).isZero();
        assertThat(run(source, "request", "--where", "country = ").exitCode()).as("syntax error").isNotZero();
        assertThat(run(source, "request", "--where", "true) UNION SELECT 1, 'x', 'y' WHERE (true").exitCode()).isNotZero();
        assertThat(run(source, "request", "--ids", "1-5", "--all").exitCode()).as("one selector").isNotZero();
        assertThat(run(source, "cancel", "2").exitCode()).isZero();
        assertThat(run(source, "cancel", "2").exitCode()).as("already cancelled").isEqualTo(2);
        CliRun status = run(source, "status");

        List<ResnapshotRequestTable.Row> rows = new ResnapshotRequestTable(source, SqlIdentifier.of(ResnapshotRequestTable.DEFAULT_NAME)).list(10);
        assertThat(rows).extracting(ResnapshotRequestTable.Row::status).containsExactly("pending", "cancelled", "pending");
        assertThat(rows.get(2).ids()).isEqualTo("1-100,500-500");
        assertThat(status.output()).contains("--ids 1-100,500-500", "--where (predicate)", "--all", "cancelled")
                .doesNotContain("'DE'");
        assertThat(run(source, "pause").exitCode()).as("pause still works beside the subcommands").isZero();
    }

    private CliRun run(JdbcEndpoint source, String... args) throws Exception {
        Path config = dir.resolve("empty.yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, "{}\n");
        }
        List<String> all = new ArrayList<>(List.of("backfill"));
        all.addAll(List.of(args));
        all.addAll(CliRun.database(source, config));
        return CliRun.of(all.toArray(String[]::new));
    }
}
