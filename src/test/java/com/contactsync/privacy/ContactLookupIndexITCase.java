package com.contactsync.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.TargetSchema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The reverse lookup on a large target: it takes well under 10 ms and its plan uses the index.
 * 200,000 profiles by default (fast enough for CI); {@code -Dcontactsync.lookup.profiles=1000000}
 * for the figure the README quotes.
 */
class ContactLookupIndexITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int PROFILES = Integer.getInteger("contactsync.lookup.profiles", 200_000);
    private static final int LOOKUPS = 200;
    /** One address shared by every 1,000th profile: a big answer must stay fast too. */
    private static final String SHARED = "info@shared.example";
    private static JdbcEndpoint db;

    @BeforeAll
    static void largeTarget() throws SQLException {
        db = POSTGRES.newDatabase();
        TargetSchema.migrate(db);
        long started = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO profile_email (profile_id, email, email_raw, domain, type, is_valid, position)"
                    + " SELECT g, 'user' || g || '@d' || (g % 50) || '.example', 'User' || g || '@d' || (g % 50) || '.example',"
                    + " 'd' || (g % 50) || '.example', 'home', true, 0 FROM generate_series(1, " + PROFILES + ") g");
            s.execute("INSERT INTO profile_email (profile_id, email, email_raw, domain, is_valid, position)"
                    + " SELECT g, '" + SHARED + "', '" + SHARED + "', 'shared.example', true, 1"
                    + " FROM generate_series(1000, " + PROFILES + ", 1000) g");
            s.execute("INSERT INTO profile_phone (profile_id, phone, phone_raw, country, is_valid, position)"
                    + " SELECT g, '+1415' || lpad(g::text, 7, '0'), '(415) ' || lpad(g::text, 7, '0'), 'US', true, 0"
                    + " FROM generate_series(1, " + PROFILES + ") g");
            s.execute("ANALYZE profile_email");
            s.execute("ANALYZE profile_phone");
        }
        System.out.printf("loaded %,d profiles (%,d email rows, %,d phone rows) in %.1f s%n", PROFILES,
                PROFILES + PROFILES / 1000, PROFILES, (System.nanoTime() - started) / 1e9);
    }

    @Test
    void emailLookupUsesTheIndexAndTakesUnderTenMilliseconds() throws SQLException {
        SplittableRandom random = new SplittableRandom(1);
        double[] millis = time(i -> {
            int profile = 1 + random.nextInt(PROFILES);
            return new ContactKey(ContactKey.Kind.EMAIL, "user" + profile + "@d" + profile % 50 + ".example");
        }, 1);
        String plan = plan(new ContactKey(ContactKey.Kind.EMAIL, "user50@d0.example"));
        report("email", millis, plan);

        assertThat(percentile(millis, 50)).isLessThan(10.0);
        assertThat(plan).containsAnyOf("\"Index Scan\"", "\"Index Only Scan\"", "\"Bitmap Index Scan\"")
                .contains("profile_email_email_idx");
    }

    @Test
    void phoneLookupUsesTheIndexAndTakesUnderTenMilliseconds() throws SQLException {
        SplittableRandom random = new SplittableRandom(2);
        double[] millis = time(i -> new ContactKey(ContactKey.Kind.PHONE,
                String.format("+1415%07d", 1 + random.nextInt(PROFILES))), 1);
        String plan = plan(new ContactKey(ContactKey.Kind.PHONE, "+14150000050"));
        report("phone", millis, plan);

        assertThat(percentile(millis, 50)).isLessThan(10.0);
        assertThat(plan).containsAnyOf("\"Index Scan\"", "\"Index Only Scan\"", "\"Bitmap Index Scan\"")
                .contains("profile_phone_phone_idx");
    }

    @Test
    void anAddressSharedByManyProfilesIsFoundWholeAndFast() throws SQLException {
        double[] millis = time(i -> new ContactKey(ContactKey.Kind.EMAIL, SHARED), PROFILES / 1000);
        report("shared email (" + PROFILES / 1000 + " profiles)", millis, plan(new ContactKey(ContactKey.Kind.EMAIL, SHARED)));

        assertThat(percentile(millis, 50)).isLessThan(10.0);
    }

    /** Milliseconds of each of {@link #LOOKUPS} lookups on one connection, after a warm-up; checks each answer's size. */
    private static double[] time(java.util.function.IntFunction<ContactKey> keys, int expectedRows) throws SQLException {
        try (Connection c = db.connect()) {
            for (int i = 0; i < 20; i++) {
                ContactLookup.find(c, keys.apply(i));
            }
            double[] millis = new double[LOOKUPS];
            for (int i = 0; i < LOOKUPS; i++) {
                ContactKey key = keys.apply(i);
                long started = System.nanoTime();
                List<ContactLookup.Holding> found = ContactLookup.find(c, key);
                millis[i] = (System.nanoTime() - started) / 1e6;
                assertThat(found).as("rows for %s", key).hasSize(expectedRows);
            }
            Arrays.sort(millis);
            return millis;
        }
    }

    private static String plan(ContactKey key) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + ContactLookup.sql(key.kind()))) {
            s.setString(1, key.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void report(String what, double[] sortedMillis, String plan) {
        String node = plan.replaceAll("(?s).*?\"Node Type\": \"([^\"]*(Index|Seq)[^\"]*)\".*?\"Index Name\": \"([^\"]+)\".*", "$1 on $3");
        String execution = plan.replaceAll("(?s).*\"Execution Time\": ([0-9.]+).*", "$1");
        System.out.printf("lookup %s on %,d profiles: p50 %.3f ms, p99 %.3f ms, max %.3f ms over %d lookups;"
                        + " plan: %s, server execution %s ms%n", what, PROFILES, percentile(sortedMillis, 50),
                percentile(sortedMillis, 99), sortedMillis[sortedMillis.length - 1], sortedMillis.length, node, execution);
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
