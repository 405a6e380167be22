package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Map;

/** The stack's env file gives `run` defaults; flags still win, and a lone PGUSER is left to libpq. */
class StackDefaultsTest {

    private static final Map<String, String> STACK = Map.of(
            "CONTACTSYNC_JDBC_URL", "jdbc:postgresql://127.0.0.1:5544/postgres",
            "PGUSER", "postgres",
            "PGPASSWORD", "",
            "CONTACTSYNC_KAFKA", "127.0.0.1:39092",
            "CONTACTSYNC_TOPIC", "contactsync.profile.changes");

    @Test
    void theStacksVariablesBecomeSettings() {
        assertThat(StackDefaults.under(Map.of(), STACK)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "source.jdbc-url", "jdbc:postgresql://127.0.0.1:5544/postgres",
                "source.user", "postgres",
                "kafka.bootstrap-servers", "127.0.0.1:39092",
                "kafka.topic", "contactsync.profile.changes"));
    }

    @Test
    void setFlagsWinOverTheStack() {
        assertThat(StackDefaults.under(Map.of("kafka.topic", "other"), STACK))
                .containsEntry("kafka.topic", "other")
                .containsEntry("kafka.bootstrap-servers", "127.0.0.1:39092");
    }

    @Test
    void pgUserAloneIsNotTheSourceUser() {
        assertThat(StackDefaults.under(Map.of(), Map.of("PGUSER", "someone"))).isEmpty();
    }
}
