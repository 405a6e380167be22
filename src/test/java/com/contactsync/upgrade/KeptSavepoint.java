package com.contactsync.upgrade;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A savepoint kept in {@code src/test/resources/savepoints/<version>}: taken mid-backfill of a
 * small profile table that its manifest describes (generator seed, size, job settings, what was
 * read and written before it). Every kept version is restored in every build, so a change that
 * makes old state unreadable fails a test instead of a user's upgrade.
 *
 * <p>Regenerate {@link #CURRENT_VERSION} (on purpose only, see README "Operations"):
 * {@code mvn -o test -Dtest=SavepointCompatibilityITCase#regenerateTheKeptSavepoint -Dcontactsync.savepoint.regenerate=true}.
 */
final class KeptSavepoint {

    /** The version a regeneration writes; older versions stay and stay tested until support is dropped. */
    static final String CURRENT_VERSION = "v2";
    static final String SAVEPOINT_DIR = "savepoint";
    static final String MANIFEST = "manifest.properties";

    /** Settings of a regenerated savepoint: small, two readers, splits of 40 rows read in pages of 10. */
    static final int PROFILES = 400;
    static final long SEED = 20_261;
    static final long SPLIT_ROWS = 40;
    static final int PAGE_ROWS = 10;
    static final int PARALLELISM = 2;

    /**
     * Whether the build that wrote this savepoint kept keyed state for profiles only the backfill
     * read: v1 did; from v2 on only profiles changed through the topic have state (a mid-backfill
     * savepoint of mode backfill has none).
     */
    boolean keepsStateForBackfillRows() {
        return "v1".equals(version);
    }

    private final String version;
    private final Path directory;
    private final Properties manifest;

    private KeptSavepoint(String version, Path directory, Properties manifest) {
        this.version = version;
        this.directory = directory;
        this.manifest = manifest;
    }

    /** Every kept savepoint on the test class path, oldest version first. */
    static List<KeptSavepoint> all() {
        URL root = KeptSavepoint.class.getResource("/savepoints");
        if (root == null) {
            throw new IllegalStateException("no kept savepoints on the class path: regenerate " + CURRENT_VERSION);
        }
        try (Stream<Path> versions = Files.list(Path.of(root.toURI()))) {
            List<KeptSavepoint> kept = versions.filter(dir -> Files.exists(dir.resolve(MANIFEST))).sorted()
                    .map(dir -> open(dir.getFileName().toString(), dir)).toList();
            if (kept.isEmpty()) {
                throw new IllegalStateException("no kept savepoints under " + root + ": regenerate " + CURRENT_VERSION);
            }
            return kept;
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("could not list the kept savepoints", e);
        }
    }

    private static KeptSavepoint open(String version, Path directory) {
        Properties manifest = new Properties();
        try (InputStream in = Files.newInputStream(directory.resolve(MANIFEST))) {
            manifest.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KeptSavepoint(version, directory, manifest);
    }

    /** Where a regeneration writes: the source tree, not the copy on the class path. */
    static Path sourceDirectory() {
        return Path.of(System.getProperty("basedir", ".")).resolve("src/test/resources/savepoints").resolve(CURRENT_VERSION);
    }

    String version() {
        return version;
    }

    /** The savepoint directory (holding {@code _metadata}). */
    Path savepoint() {
        return directory.resolve(SAVEPOINT_DIR);
    }

    /** Copies the whole kept savepoint elsewhere: a restore from there proves it is relocatable. */
    KeptSavepoint copyTo(Path target) throws IOException {
        copyTree(directory, target);
        return open(version, target);
    }

    int profiles() {
        return Integer.parseInt(manifest.getProperty("source.profiles"));
    }

    long profilesReadBeforeSavepoint() {
        return Long.parseLong(manifest.getProperty("profiles.read-before-savepoint"));
    }

    /** Profiles that had rows in the target tables when the savepoint was taken. */
    Set<Long> profilesWrittenBeforeSavepoint() {
        return IdRanges.parse(manifest.getProperty("profiles.written-before-savepoint"));
    }

    /** Creates and fills the source table exactly as when the savepoint was taken; checks it by digest. */
    void createSourceTable(JdbcEndpoint db) throws SQLException {
        createSourceTable(db, Long.parseLong(manifest.getProperty("source.seed")), profiles());
        String digest = sourceChecksum(db);
        if (!digest.equals(manifest.getProperty("source.checksum"))) {
            throw new IllegalStateException("the profile table re-created for savepoint " + version + " differs from the one"
                    + " it read (digest " + digest + "): did the generator change? Keep its output stable for seeded tables.");
        }
    }

    /** The job settings of the kept savepoint's job against {@code db}; {@code overrides} for the restored one. */
    JobConfig config(JdbcEndpoint db, Map<String, String> overrides) {
        return config(db, Long.parseLong(manifest.getProperty("backfill.split-rows")),
                Integer.parseInt(manifest.getProperty("backfill.page-rows")),
                Integer.parseInt(manifest.getProperty("job.parallelism")), overrides);
    }

    static void createSourceTable(JdbcEndpoint db, long seed, int profiles) {
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, IdLayout.dense());
    }

    static JobConfig config(JdbcEndpoint db, long splitRows, int pageRows, int parallelism, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", db.url());
        settings.put("source.user", db.user());
        settings.put("source.password-env", db.passwordEnv());
        settings.put("source.country-column", "country");
        settings.put("backfill.split-rows", String.valueOf(splitRows));
        settings.put("backfill.page-rows", String.valueOf(pageRows));
        settings.put("job.parallelism", String.valueOf(parallelism));
        settings.put("job.checkpoint-interval", "300ms");
        settings.putAll(overrides);
        return ConfigLoader.fromMap(settings);
    }

    /** A digest of every source row. */
    static String sourceChecksum(JdbcEndpoint db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT md5(string_agg(id || ':' || coalesce(contacts::text, '-') || ':' || coalesce(country, '-'), ',' ORDER BY id))"
                        + " FROM profile")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Replaces the kept savepoint in {@code target} with {@code savepoint} and its manifest. */
    static void write(Path target, Path savepoint, Properties manifest) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path p : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
        copyTree(savepoint, target.resolve(SAVEPOINT_DIR));
        try (OutputStream out = Files.newOutputStream(target.resolve(MANIFEST))) {
            manifest.store(out, "A kept savepoint of ContactSync: see KeptSavepoint and README, Operations");
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path copy = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        }
    }

    @Override
    public String toString() {
        return "kept savepoint " + version;
    }
}
