package com.contactsync.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;

import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Dead letters are bounded, storable and never print their bytes; the sink never carries the password. */
class DeadLetterTest {

    @Test
    void rawValueIsCappedAndItsLengthKept() {
        byte[] value = new byte[DeadLetter.MAX_RAW_BYTES + 10];
        Arrays.fill(value, (byte) 'x');
        DeadLetter letter = DeadLetter.of("t", 1, 2, "value is not valid JSON", value, 3);
        assertThat(letter.rawValue).hasSize(DeadLetter.MAX_RAW_BYTES);
        assertThat(letter.rawLength).isEqualTo(DeadLetter.MAX_RAW_BYTES + 10);

        DeadLetter small = DeadLetter.of("t", 1, 2, "r", new byte[] {1, 2}, 3);
        assertThat(small.rawValue).containsExactly(1, 2);
        DeadLetter empty = DeadLetter.of("t", 1, 2, "r", null, 3);
        assertThat(empty.rawValue).isNull();
        assertThat(empty.rawLength).isEqualTo(-1);
    }

    @Test
    void reasonIsAlwaysStorableText() {
        assertThat(DeadLetter.of("t", 0, 0, null, null, 0).reason).isEqualTo("unknown reason");
        assertThat(DeadLetter.of("t", 0, 0, " ", null, 0).reason).isEqualTo("unknown reason");
        assertThat(DeadLetter.of("t", 0, 0, "a\u0000b", null, 0).reason).isEqualTo("a?b");
        assertThat(DeadLetter.of("t", 0, 0, "r".repeat(10_000), null, 0).reason).hasSize(DeadLetter.MAX_REASON_CHARS);
    }

    @Test
    void toStringNeverShowsTheRawValue() {
        DeadLetter letter = DeadLetter.of("topic", 1, 2, "unknown op", "a@x.io".getBytes(StandardCharsets.UTF_8), 3);
        assertThat(letter.toString()).contains("topic/1@2", "unknown op").doesNotContain("a@x.io");
    }

    @Test
    void sinkReadsThePasswordWhereItRunsAndNeverSerializesIt() throws Exception {
        // Any variable that is set stands in for the password variable.
        String variable = System.getenv("PATH") != null ? "PATH" : "HOME";
        String secret = System.getenv(variable);
        JdbcEndpoint endpoint = new JdbcEndpoint("jdbc:postgresql://127.0.0.1:1/db", "u", variable);

        assertThat(new EnvPasswordConnectionProvider(endpoint).getProperties().getProperty("password")).isEqualTo(secret);
        byte[] serializedSink = InstantiationUtil.serializeObject(DeadLetterSink.create(endpoint));
        assertThat(new String(serializedSink, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
    }

    @Test
    void withoutAPasswordNoneIsSent() {
        JdbcEndpoint endpoint = new JdbcEndpoint("jdbc:postgresql://127.0.0.1:1/db", "u", "CONTACTSYNC_TEST_NO_PASSWORD");
        assertThat(new EnvPasswordConnectionProvider(endpoint).getProperties())
                .doesNotContainKey("password")
                .containsEntry("user", "u");
    }
}
