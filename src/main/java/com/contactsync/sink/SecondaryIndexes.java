package com.contactsync.sink;

import com.contactsync.config.JdbcEndpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The secondary indexes of the target tables that the initial backfill builds once at its end
 * instead of maintaining them row by row: dropped when the backfill starts into empty tables,
 * built with {@code CREATE INDEX CONCURRENTLY} from when its last splits are being read, while live
 * sync goes on (a plain build in mode backfill was measured no faster at 1M profiles, and would
 * block erasures). Primary keys are never touched: the sink's upserts need them. The partial index
 * of unmapped contacts (V10) is not deferred: it holds a handful of rows, and building it would scan
 * every issue row.
 */
public final class SecondaryIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(SecondaryIndexes.class);

    /** One deferred index; {@code definition} is what follows the table in {@code pg_indexes.indexdef}. */
    public record SecondaryIndex(String name, String table, String definition) {

        /** As {@code pg_get_indexdef} shows it for the table in {@code schema}. */
        public String indexdef(String schema) {
            return "CREATE INDEX " + name + " ON " + schema + "." + table + " " + definition;
        }

        /** Builds it without blocking writes; must run outside a transaction block. */
        public String createConcurrently() {
            return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + name + " ON " + table + " " + definition;
        }

        /** Removes an INVALID leftover of an interrupted build (IF NOT EXISTS would keep it). */
        public String dropConcurrently() {
            return "DROP INDEX CONCURRENTLY IF EXISTS " + name;
        }

        String drop() {
            return "DROP INDEX IF EXISTS " + name;
        }
    }

    /**
     * What migration V1 creates, in the canonical form PostgreSQL shows them in;
     * {@code SecondaryIndexesITCase} proves the two equal. A migration that adds, changes or drops a
     * secondary index of these tables must change this list (or {@link #KEPT}) too.
     */
    public static final List<SecondaryIndex> CATALOG = List.of(
            new SecondaryIndex("profile_email_email_idx", "profile_email", "USING btree (email)"),
            new SecondaryIndex("profile_email_domain_idx", "profile_email", "USING btree (domain)"),
            new SecondaryIndex("profile_phone_phone_idx", "profile_phone", "USING btree (phone)"));

    /** Secondary indexes of these tables that are maintained row by row even in an initial backfill (see the class comment). */
    public static final List<String> KEPT = List.of("contact_quality_issue_unmapped_idx");

    /** The tables the catalog's indexes are on, whose emptiness means an initial backfill. */
    static final List<String> TABLES = List.of("profile_email", "profile_phone", "contact_quality_issue");

    /**
     * Sorting each index in memory instead of in temporary files; at most one build per table runs
     * at a time, so the target needs up to three times this (and only while the build runs).
     */
    static final String MAINTENANCE_WORK_MEM = "256MB";

    private static final String VALID = "SELECT i.indisvalid AND i.indisready FROM pg_index i"
            + " JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(?) AND c.relname = ?";

    private SecondaryIndexes() {}

    /**
     * When every contact table is empty (a first backfill is about to write them), drops the
     * secondary indexes; with rows in any of them (a resumed or later run) it leaves them alone.
     * Returns the names of the indexes it dropped.
     */
    public static List<String> dropIfInitial(JdbcEndpoint target) {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return List.of();
                    }
                }
            }
            List<String> dropped = new ArrayList<>();
            c.setAutoCommit(false);
            for (SecondaryIndex index : CATALOG) {
                if (exists(c, index)) {
                    s.execute(index.drop());
                    dropped.add(index.name());
                }
            }
            c.commit();
            if (!dropped.isEmpty()) {
                LOG.info("The target tables are empty: dropped their secondary indexes {}; they are built once the"
                        + " initial backfill is cut through (sink.deferred-indexes)", dropped);
            }
            return dropped;
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the secondary indexes of the empty target tables in " + target, e);
        }
    }

    /** The catalog's indexes that are absent, or INVALID (a concurrent build interrupted by a crash leaves one). */
    public static List<SecondaryIndex> missing(JdbcEndpoint target) throws SQLException {
        try (Connection c = target.connect()) {
            return missing(c);
        }
    }

    /** {@link #missing(JdbcEndpoint)} on an open connection. */
    public static List<SecondaryIndex> missing(Connection c) throws SQLException {
        List<SecondaryIndex> missing = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(VALID)) {
            for (SecondaryIndex index : CATALOG) {
                s.setString(1, index.table());
                s.setString(2, index.name());
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        missing.add(index);
                    }
                }
            }
        }
        return missing;
    }

    /**
     * Builds every missing index with {@code CREATE INDEX CONCURRENTLY}, dropping an INVALID leftover
     * first; writes go on meanwhile. The indexes of different tables are built in parallel: builds on
     * one table wait for each other (ShareUpdateExclusiveLock), those on different tables do not, and
     * each build's waits for older transactions (up to a checkpoint interval of the XA sink) then
     * overlap instead of adding up. A build that fails is logged with what to run by hand, never
     * thrown: a missing index makes lookups slow, not wrong. Returns what is still missing.
     */
    public static List<SecondaryIndex> buildMissing(JdbcEndpoint target) throws SQLException, InterruptedException {
        List<SecondaryIndex> missing = missing(target);
        if (missing.isEmpty()) {
            return missing;
        }
        Map<String, List<SecondaryIndex>> byTable = new LinkedHashMap<>();
        missing.forEach(index -> byTable.computeIfAbsent(index.table(), t -> new ArrayList<>()).add(index));
        LOG.info("Building {} secondary indexes with CREATE INDEX CONCURRENTLY: {}", missing.size(),
                missing.stream().map(SecondaryIndex::name).toList());
        long started = System.nanoTime();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(byTable.size(), task -> {
            Thread thread = new Thread(task, "contactsync-index-build-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> builds = new ArrayList<>();
            for (List<SecondaryIndex> indexes : byTable.values()) {
                builds.add(pool.submit(() -> indexes.forEach(index -> build(target, index))));
            }
            for (Future<?> build : builds) {
                build.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a secondary index build failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<SecondaryIndex> still = missing(target);
        LOG.info("Secondary index build done in {} s; {} still missing", seconds(started), still.size());
        return still;
    }

    private static void build(JdbcEndpoint target, SecondaryIndex index) {
        long started = System.nanoTime();
        // CIC cannot run inside a transaction block: the session stays in autocommit.
        try (Connection c = target.connect("contactsync-index-build", "-c maintenance_work_mem=" + MAINTENANCE_WORK_MEM);
             Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute(index.dropConcurrently());
            s.execute(index.createConcurrently());
            LOG.info("Built secondary index {} on {} in {} s", index.name(), index.table(), seconds(started));
        } catch (SQLException e) {
            LOG.error("Could not build the secondary index {} on {} after {} s ({}); lookups through it scan the whole"
                            + " table until it exists. The next start of the job tries again, or run by hand on the target: {}; {};",
                    index.name(), index.table(), seconds(started), e.getMessage(), index.dropConcurrently(),
                    index.createConcurrently());
        }
    }

    private static boolean exists(Connection c, SecondaryIndex index) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, index.name());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
