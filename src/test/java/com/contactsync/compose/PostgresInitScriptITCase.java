package com.contactsync.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.PipelineRun;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.TargetSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * conf/postgres/10-contactsync-roles.sql on a real PostgreSQL: each role of the compose stack can
 * do what its service does (the job migrates, reads, writes its tables and its watermark; Debezium
 * streams and runs its heartbeat query; notebooks read) and nothing more.
 */
class PostgresInitScriptITCase {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    /** PostgreSQL's SQLSTATE for "permission denied". */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static JsonNode connector;
    private static JdbcEndpoint superuser;
    private static JdbcEndpoint job;
    private static JdbcEndpoint cdc;
    private static JdbcEndpoint reader;

    @BeforeAll
    static void applyTheInitScript() throws Exception {
        connector = new ObjectMapper().readTree(PROJECT.resolve("conf/kafka-connect/contactsync-cdc.json").toFile());
        superuser = POSTGRES.newDatabase();
        PostgresInitScript.apply(superuser, PROJECT);
        job = PostgresInitScript.asJobRole(superuser);
        cdc = new JdbcEndpoint(superuser.url(), connector.path("database.user").asText(), superuser.passwordEnv());
        reader = new JdbcEndpoint(superuser.url(), "contactsync_reader", superuser.passwordEnv());
        execute(superuser, "INSERT INTO profile (id, contacts) VALUES (1, '{\"emails\": [\"a@example.com\"]}')");
        TargetSchema.migrate(job);
    }

    @Test
    void theJobMigratesIntoItsOwnSchemaAndReadsTheSource() throws Exception {
        assertThat(PipelineRun.count(superuser, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'contactsync' AND table_name IN ('profile_email', 'profile_phone', 'contact_quality_issue')")).isEqualTo(3);
        assertThat(PipelineRun.count(superuser, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema = 'public' AND table_name <> 'profile'")).isZero();
        assertThat(PipelineRun.count(job, "SELECT count(*) FROM profile")).isEqualTo(1);
        execute(job, "INSERT INTO profile_email (profile_id, email, email_raw, is_valid, position)"
                + " VALUES (1, 'a@example.com', 'a@example.com', true, 0)");
    }

    @Test
    void theJobWritesItsWatermarkAsTopicCoverageDoes() throws Exception {
        execute(job, "CREATE TABLE IF NOT EXISTS contactsync_watermark"
                + " (id int PRIMARY KEY, marker text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())");
        execute(job, "INSERT INTO contactsync_watermark (id, marker) VALUES (1, 'm1')"
                + " ON CONFLICT (id) DO UPDATE SET marker = EXCLUDED.marker, written_at = now()");
        assertThat(PipelineRun.count(superuser, "SELECT count(*) FROM contactsync.contactsync_watermark")).isEqualTo(1);
    }

    @Test
    void theJobCannotWriteTheSourceNorCreateOutsideItsSchema() {
        for (String sql : List.of(
                "INSERT INTO profile (id) VALUES (2)",
                "UPDATE profile SET contacts = NULL",
                "DELETE FROM profile",
                "TRUNCATE profile",
                "CREATE TABLE public.contactsync_probe (id int)")) {
            assertDenied(job, sql);
        }
    }

    @Test
    void debeziumCanStreamAndRunItsHeartbeatButNotWrite() throws Exception {
        assertThat(PipelineRun.count(superuser, "SELECT count(*) FROM pg_roles WHERE rolname = '"
                + cdc.user() + "' AND rolreplication AND NOT rolsuper")).isEqualTo(1);
        assertThat(PipelineRun.count(cdc, "SELECT count(*) FROM public.profile")).isEqualTo(1);
        assertThat(PipelineRun.count(cdc, "SELECT count(*) FROM contactsync.contactsync_watermark")).isNotNegative();
        execute(cdc, connector.path("heartbeat.action.query").asText());
        execute(cdc, "SELECT pg_create_logical_replication_slot('contactsync_init_probe', 'pgoutput')");
        execute(cdc, "SELECT pg_drop_replication_slot('contactsync_init_probe')");
        assertThat(PipelineRun.count(superuser, "SELECT count(*) FROM pg_publication_tables WHERE pubname = '"
                + connector.path("publication.name").asText() + "'")).isEqualTo(2);
        assertDenied(cdc, "INSERT INTO profile (id) VALUES (3)");
        assertDenied(cdc, "INSERT INTO contactsync.contactsync_watermark (id, marker) VALUES (9, 'x')");
    }

    @Test
    void notebooksReadTheJobsTablesAndViewsOnly() throws Exception {
        assertThat(PipelineRun.count(reader, "SELECT count(*) FROM profile_email")).isNotNegative();
        assertThat(PipelineRun.count(reader, "SELECT count(*) FROM quality_issue_by_code")).isNotNegative();
        assertThat(PipelineRun.count(reader, "SELECT count(*) FROM profile")).isEqualTo(1);
        assertDenied(reader, "DELETE FROM profile_email");
        assertDenied(reader, "INSERT INTO profile (id) VALUES (4)");
    }

    private static void assertDenied(JdbcEndpoint role, String sql) {
        assertThatThrownBy(() -> execute(role, sql)).as(role.user() + ": " + sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
    }

    private static void execute(JdbcEndpoint role, String sql) throws SQLException {
        try (Connection c = role.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
