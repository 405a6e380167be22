package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A profile table salted with every malformed shape and random bytes: the job finishes, nothing vanishes. */
class BadInputITCase {

    /** Clean contacts: nothing to repair, nothing to report. */
    private static final String GOOD = "{\"emails\":[\"good%d@example.com\"],\"phones\":[\"+16502530000\"]}";

    /** Each must be reported as CONTACTS_MALFORMED or CONTACTS_UNEXPECTED_SHAPE (of the whole value or an entry). */
    private static final List<String> BROKEN_DOCUMENTS = List.of(
            "{not json", "{\"emails\": [\"a@b.co\"", "emails: a@b.co", "[1,2,3]", "[\"a@b.co\"]", "42", "true", "\"just a string\"",
            "{\"emails\": {\"nested\": {\"deep\": true}}}", "{\"phones\": true}", "{\"emails\": 3.14}", "\\x00\\xff",
            "{\"emails\": [\"a@b.co\"]}}", "<xml>a@b.co</xml>", "{'emails': ['single@quotes.io']}", "{\"emails\":[\"a@b.co\",]}",
            "NaN", "{\"emails\": [\"a@b.co\"], \"emails\": }");

    /** Valid JSON with odd shapes inside: entries are reported, the rest of the profile is kept. */
    private static final List<String> ODD_SHAPES = List.of(
            "{\"emails\":[null, 42, [\"nested@x.io\", [\"deeper@x.io\"]], {}, {\"email\": null}], \"phones\": [null, {}, \"no digits\"]}",
            "\"{\\\"emails\\\":[\\\"double@encoded.io\\\"]}\"",
            "{\"email\": \"single@key.io; other@key.io\", \"phone\": 4155550123}",
            "{\"emails\": \"\", \"phones\": []}",
            "{\"EMAILS\": [\"Upper@Keys.IO\"], \"Phones\": [{\"number\": \"+44 20 7946 0958\", \"ext\": \"12\"}]}");

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

    @Test
    void saltedTableFinishesReportsEveryBadProfileAndWritesEveryGoodOne() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        List<Long> broken = new ArrayList<>();
        List<Long> good = new ArrayList<>();
        try (Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE profile (id bigint PRIMARY KEY, contacts text, country text)");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO profile VALUES (?, ?, NULL)")) {
                Random random = new Random(11);
                long id = 0;
                for (int round = 0; round < 40; round++) {
                    for (String document : BROKEN_DOCUMENTS) {
                        broken.add(add(insert, ++id, document));
                    }
                    for (int i = 0; i < 8; i++) {
                        broken.add(add(insert, ++id, randomText(random)));
                    }
                    for (String document : ODD_SHAPES) {
                        add(insert, ++id, document);
                    }
                    for (int i = 0; i < 30; i++) {
                        good.add(add(insert, ++id, String.format(GOOD, id)));
                    }
                }
                insert.executeBatch();
            }
        }
        JobConfig config = PipelineRun.config(db, 700);

        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));

        assertThat(ExpectedTables.actual(db))
                .containsExactlyElementsOf(ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.defaults())));
        long brokenUnreported = PipelineRun.count(db, "SELECT count(*) FROM profile p WHERE NOT EXISTS"
                + " (SELECT 1 FROM contact_quality_issue q WHERE q.profile_id = p.id"
                + " AND q.code IN ('CONTACTS_MALFORMED', 'CONTACTS_UNEXPECTED_SHAPE'))"
                + " AND p.id IN (" + join(broken) + ")");
        assertThat(brokenUnreported).as("broken profiles not reported").isZero();
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM profile_email WHERE profile_id IN (" + join(broken) + ")"))
                .as("rows made up from broken documents").isZero();
        long goodWritten = PipelineRun.count(db, "SELECT count(DISTINCT profile_id) FROM profile_email"
                + " WHERE is_valid AND profile_id IN (" + join(good) + ")");
        assertThat(goodWritten).as("good profiles written").isEqualTo(good.size());
        assertThat(PipelineRun.count(db, "SELECT count(DISTINCT profile_id) FROM contact_quality_issue"
                + " WHERE profile_id IN (" + join(good) + ")")).as("good profiles with issues").isZero();
    }

    private static long add(PreparedStatement insert, long id, String contacts) throws Exception {
        insert.setLong(1, id);
        insert.setString(2, contacts);
        insert.addBatch();
        return id;
    }

    /** Random characters a text column can hold (any code point but NUL and surrogates). */
    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(300);
        while (text.length() < length) {
            int cp = 1 + random.nextInt(random.nextBoolean() ? 0x7F : 0xFFFF);
            if (cp < 0xD800 || cp > 0xDFFF) {
                text.appendCodePoint(cp);
            }
        }
        // Random text could by chance be valid JSON (e.g. a lone digit); make sure it is not.
        return "\u0001" + text;
    }

    private static String join(List<Long> ids) {
        StringBuilder b = new StringBuilder();
        for (Long id : ids) {
            b.append(b.length() == 0 ? "" : ",").append(id);
        }
        return b.toString();
    }
}
