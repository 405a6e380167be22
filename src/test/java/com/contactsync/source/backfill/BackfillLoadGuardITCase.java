package com.contactsync.source.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.ProfileTable;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.SinkFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Pause and resume at runtime through the control row, and backing off while the source is busy. */
class BackfillLoadGuardITCase {

    private static final int ROWS = 20_000;
    private static final int PAGE = 200;
    private static final SqlIdentifier CONTROL = SqlIdentifier.of("contactsync_control");
    private static final AtomicLong READ = new AtomicLong();

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private JdbcEndpoint db;

    @BeforeEach
    void createTable() throws Exception {
        db = POSTGRES.newDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE profile (id bigint PRIMARY KEY, contacts text)");
            s.execute("INSERT INTO profile SELECT g, '{}' FROM generate_series(1, " + ROWS + ") g");
        }
        READ.set(0);
    }

    @Test
    void controlRowPausesAndResumesARunningBackfill() throws Exception {
        BackfillControl.setPaused(db, CONTROL, true);
        JobClient job = start(new LoadGuardSettings(CONTROL, 0, Duration.ZERO, Duration.ofMillis(200)));
        Thread.sleep(3_000);
        assertThat(READ.get()).as("rows read while paused: at most the first page of each reader").isLessThanOrEqualTo(2L * PAGE);

        BackfillControl.setPaused(db, CONTROL, false);
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        assertThat(READ.get()).isEqualTo(ROWS);
    }

    @Test
    void backsOffWhileTheSourceHasTooManyActiveSessions() throws Exception {
        List<Thread> load = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread busy = new Thread(() -> {
                try (Connection c = db.connect(); Statement s = c.createStatement()) {
                    s.execute("SELECT pg_sleep(4)");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            busy.start();
            load.add(busy);
        }
        Thread.sleep(300);
        JobClient job = start(new LoadGuardSettings(CONTROL, 1, Duration.ZERO, Duration.ofMillis(200)));
        Thread.sleep(2_500);
        assertThat(READ.get()).as("rows read while the source was busy").isLessThanOrEqualTo(2L * PAGE);
        for (Thread busy : load) {
            busy.join();
        }
        job.getJobExecutionResult().get(2, TimeUnit.MINUTES);
        assertThat(READ.get()).isEqualTo(ROWS);
    }

    private JobClient start(LoadGuardSettings guard) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        BackfillSettings settings = new BackfillSettings(db, ProfileTable.of("profile", "id", "contacts", null), 5_000, PAGE, 0);
        env.fromSource(new BackfillSource(settings, guard), WatermarkStrategy.noWatermarks(), "backfill")
                .addSink(new CountingSink());
        return env.executeAsync("load-guard-test");
    }

    /** Counts rows in this JVM: the test measures pacing, not results. */
    private static final class CountingSink implements SinkFunction<ProfileEvent> {
        @Override
        public void invoke(ProfileEvent value, Context context) {
            READ.incrementAndGet();
        }
    }
}
