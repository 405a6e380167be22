package com.contactsync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

class LiveTrafficSimulatorITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int LOADED = 2_000;
    private static final ProfileGenerator GENERATOR = new ProfileGenerator(5, GeneratorSettings.defaults());

    @Test
    void makesAThousandChangesOfEveryKindInFiveSecondsAtTwoHundredPerSecond() throws Exception {
        JdbcEndpoint db = loadedProfileTable(ContactsColumnType.JSONB);
        AtomicLong heard = new AtomicLong();
        AtomicLong lastCommit = new AtomicLong();
        LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(db)
                .changesPerSecond(200)
                .seed(9)
                .generator(GENERATOR)
                .listener((id, kind, committedAt) -> {
                    heard.incrementAndGet();
                    lastCommit.set(committedAt);
                })
                .start();
        Thread.sleep(5_000);
        traffic.stop();
        long stoppedAt = System.currentTimeMillis();

        Map<LiveTrafficKind, Long> counts = traffic.counts();
        assertThat(traffic.changesMade()).isBetween(850L, 1_150L);
        assertThat(counts.values()).allMatch(n -> n > 0);
        assertThat(heard.get()).isEqualTo(traffic.changesMade());
        assertThat(lastCommit.get()).isLessThanOrEqualTo(stoppedAt);
        assertThat(rowCount(db)).isEqualTo(LOADED + counts.get(LiveTrafficKind.INSERT)
                + counts.get(LiveTrafficKind.REINSERT) - counts.get(LiveTrafficKind.DELETE));
        System.out.printf("live traffic: %d changes in 5 s: %s%n", traffic.changesMade(), counts);
    }

    @ParameterizedTest
    @EnumSource(ContactsColumnType.class)
    void writesIntoEveryContactsColumnType(ContactsColumnType type) throws Exception {
        JdbcEndpoint db = loadedProfileTable(type);
        try (LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(db).changesPerSecond(500).seed(3).start()) {
            Thread.sleep(800);
            traffic.stop();
            Map<LiveTrafficKind, Long> counts = traffic.counts();
            assertThat(traffic.changesMade()).isGreaterThan(200);
            assertThat(rowCount(db)).isEqualTo(LOADED + counts.get(LiveTrafficKind.INSERT)
                    + counts.get(LiveTrafficKind.REINSERT) - counts.get(LiveTrafficKind.DELETE));
        }
    }

    @Test
    void stopReportsTheErrorThatEndedTheTraffic() throws Exception {
        JdbcEndpoint db = loadedProfileTable(ContactsColumnType.JSONB);
        LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(db).changesPerSecond(200).start();
        Thread.sleep(200);
        execute(db, "DROP TABLE profile");
        Thread.sleep(200);

        assertThatThrownBy(traffic::stop)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("live traffic failed after")
                .hasCauseInstanceOf(SQLException.class);
        long made = traffic.changesMade();
        Thread.sleep(100);
        assertThat(traffic.changesMade()).isEqualTo(made);
    }

    private static JdbcEndpoint loadedProfileTable(ContactsColumnType type) throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), type);
        loader.createTableIfAbsent();
        loader.load(GENERATOR, LOADED, IdLayout.dense());
        return db;
    }

    private static long rowCount(JdbcEndpoint db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM profile")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(JdbcEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
