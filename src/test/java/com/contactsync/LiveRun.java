package com.contactsync;

import com.contactsync.job.JobParts;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.embedded.LiveTrafficSimulator;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.source.change.TopicDrain;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One live-sync run as the demo does it, on the embedded stack and a test MiniCluster: messy
 * profiles (plus TOASTed ones) loaded, the job started in mode both with the production or another
 * sink, live traffic while the backfill runs, then traffic stopped, the topic drained and the
 * tables compared with the source independently of the write path.
 */
final class LiveRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveRun.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final EmbeddedStack stack;
    private final ToastedProfiles toasted;
    private final JobConfig config;
    private final MiniCluster cluster;
    private final long seed;
    private RunningJob job;
    private LiveTrafficSimulator traffic;
    private long changesWhenBackfillFinished = -1;

    private LiveRun(EmbeddedStack stack, ToastedProfiles toasted, JobConfig config, MiniCluster cluster, long seed) {
        this.stack = stack;
        this.toasted = toasted;
        this.config = config;
        this.cluster = cluster;
        this.seed = seed;
    }

    /**
     * Starts the embedded stack with {@code profiles} generated messy profiles and {@code toastedProfiles}
     * large ones; {@code backfillRowsPerSecond} throttles each backfill reader so the traffic meets it.
     */
    static LiveRun prepare(MiniCluster cluster, long seed, int profiles, int toastedProfiles, double backfillRowsPerSecond) {
        ToastedProfiles[] toasted = new ToastedProfiles[1];
        EmbeddedStack stack = EmbeddedStack.start(endpoint -> {
            ProfileTableLoader loader = new ProfileTableLoader(endpoint, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
            loader.createTableIfAbsent();
            loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, IdLayout.dense());
            toasted[0] = ToastedProfiles.insert(endpoint, toastedProfiles, seed);
        }, 2);
        try {
            return new LiveRun(stack, toasted[0], config(stack, seed, profiles, backfillRowsPerSecond), cluster, seed);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /** The demo's settings for this stack, checkpointing every 500 ms and with a throttled backfill. */
    private static JobConfig config(EmbeddedStack stack, long seed, int profiles, double backfillRowsPerSecond) {
        Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
        settings.put("source.country-column", "country");
        settings.put("job.mode", "both");
        settings.put("job.parallelism", "2");
        settings.put("job.checkpoint-interval", "500ms");
        settings.put("backfill.split-rows", String.valueOf(Math.max(1_000, profiles / 10)));
        settings.put("backfill.page-rows", "500");
        settings.put("backfill.max-rows-per-second", String.valueOf(backfillRowsPerSecond));
        settings.put("kafka.group-id", "contactsync-test-" + seed);
        return ConfigLoader.fromMap(settings);
    }

    JobConfig config() {
        return config;
    }

    EmbeddedStack stack() {
        return stack;
    }

    JdbcEndpoint db() {
        return stack.endpoint();
    }

    ToastedProfiles toasted() {
        return toasted;
    }

    RunningJob job() {
        return job;
    }

    /**
     * Prepares the target and the topic's coverage as the job's main does, and submits the
     * production pipeline with {@code sink} (made from this run's config) in mode both.
     */
    LiveRun submit(Function<JobConfig, Sink<ProfileWriteBatch>> sink) throws Exception {
        JobParts parts = ContactSyncJob.prepare(config).withSink(sink.apply(config));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(PipelineRun.liveFlinkConfiguration());
        ContactSyncJob.assemble(env, parts);
        String jobName = "live-sync-test-" + seed;
        job = new RunningJob(env.executeAsync(jobName), cluster, jobName);
        return this;
    }

    /** Starts the simulator's random changes (and the edits of the toasted profiles, one per {@code toastPauseMillis}). */
    LiveRun startTraffic(double changesPerSecond, long toastPauseMillis) {
        traffic = LiveTrafficSimulator.builder(db()).changesPerSecond(changesPerSecond).seed(seed).start();
        toasted.startEditing(toastPauseMillis);
        return this;
    }

    LiveTrafficSimulator traffic() {
        return traffic;
    }

    /** Changes the simulator had made when the backfill was first seen finished. */
    long changesWhenBackfillFinished() {
        return changesWhenBackfillFinished;
    }

    /** Waits until the backfill is done and the simulator made at least {@code changes} changes. */
    void awaitBackfillAndChanges(long changes, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean finished = job.backfillFinished();
            if (finished && changesWhenBackfillFinished < 0) {
                changesWhenBackfillFinished = traffic.changesMade();
                LOG.info("backfill done with {} live changes made so far", changesWhenBackfillFinished);
            }
            if (finished && traffic.changesMade() >= changes) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + timeout + ": backfill finished " + finished
                        + ", " + traffic.changesMade() + " of " + changes + " changes made");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Stops the traffic and waits until the job applied every change and the backfill is done. A
     * failover during the drain may restore a checkpoint taken before the backfill ended (its rows
     * are then read again), so the drain is repeated until one passes without a restart.
     */
    void stopTrafficAndDrain(Duration timeout) throws Exception {
        traffic.stop();
        toasted.stop();
        LOG.info("traffic stopped after {} changes {}; draining", traffic.changesMade(), traffic.counts());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Integer restartsBefore;
            while ((restartsBefore = job.restartsOnceBackfillFinished()) == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the backfill was not done again within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
            TopicDrain.await(config.source(), LiveSettings.from(config), ChangeParserSettings.from(config),
                    Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (restartsBefore.equals(job.restartsOnceBackfillFinished())) {
                return;
            }
            LOG.info("the job restarted while draining: draining again");
        }
    }

    /** See {@link TablesMatchSource#assertExact}. */
    void assertExact(long deadLetters) throws Exception {
        TablesMatchSource.assertExact(db(), new ContactNormalizer(NormalizerSettings.from(config)), deadLetters);
    }

    long count(String sql) throws SQLException {
        return PipelineRun.count(db(), sql);
    }

    @Override
    public void close() throws Exception {
        try {
            if (traffic != null) {
                try {
                    traffic.close();
                } catch (RuntimeException e) {
                    LOG.warn("live traffic had failed", e);
                }
            }
            toasted.close();
            if (job != null) {
                job.cancel();
            }
        } finally {
            stack.close();
        }
    }
}
