package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.JdbcEndpoint;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./contactsync stack} as a real process: it fills {@code profile}, writes the env file once
 * ready, publishes a committed change to the topic the file names, and on SIGTERM stops everything
 * (ports closed, env file removed).
 */
class StackCommandITCase {

    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final int PROFILES = 5;

    @TempDir
    Path dir;

    private Process stack;

    @AfterEach
    void killStack() throws InterruptedException {
        if (stack != null && stack.isAlive()) {
            stack.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void servesPostgresAndTheChangeTopicUntilSigtermThenStopsCleanly() throws Exception {
        Path envFile = dir.resolve("stack.env");
        Path log = dir.resolve("stack.log");
        stack = startStack(envFile, log);

        Map<String, String> env = awaitEnvFile(envFile, log);
        assertThat(env).containsKeys("CONTACTSYNC_JDBC_URL", "PGUSER", "PGPASSWORD", "CONTACTSYNC_KAFKA", "CONTACTSYNC_TOPIC");
        assertThat(env.get("CONTACTSYNC_STACK_PID")).isEqualTo(String.valueOf(stack.pid()));
        JdbcEndpoint db = new JdbcEndpoint(env.get("CONTACTSYNC_JDBC_URL"), env.get("PGUSER"), "CONTACTSYNC_TEST_NO_PASSWORD");
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT count(*) FROM profile")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(PROFILES);
        }

        try (KafkaConsumer<String, String> consumer = consumer(env.get("CONTACTSYNC_KAFKA"), env.get("CONTACTSYNC_TOPIC"))) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE profile SET contacts = '{\"emails\":[\"stack-itcase@example.org\"]}' WHERE id = 1");
            }
            assertThat(awaitRecordContaining(consumer, "stack-itcase@example.org")).contains("\"op\":\"u\"");
        }

        int pgPort = Integer.parseInt(env.get("PGPORT"));
        int kafkaPort = Integer.parseInt(env.get("CONTACTSYNC_KAFKA").split(":")[1]);
        stack.destroy(); // SIGTERM
        assertThat(stack.waitFor(2, TimeUnit.MINUTES)).as("the stack exits after SIGTERM").isTrue();
        String output = Files.readString(log);
        assertThat(stack.exitValue()).as("exit code of a JVM ended by SIGTERM after its shutdown hooks ran\n" + output)
                .isEqualTo(143);
        assertThat(output).contains("stack stopped: Debezium closed, Kafka and PostgreSQL shut down").doesNotContain("stopped with an error");
        assertThat(envFile).doesNotExist();
        assertClosed(pgPort);
        assertClosed(kafkaPort);
    }

    private Process startStack(Path envFile, Path log) throws IOException {
        return CliProcess.start(log, List.of("stack", "--profiles", String.valueOf(PROFILES), "--env-file", envFile.toString()));
    }

    private Map<String, String> awaitEnvFile(Path envFile, Path log) throws Exception {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!Files.exists(envFile)) {
            if (!stack.isAlive()) {
                throw new AssertionError("the stack exited with " + stack.exitValue() + " before writing " + envFile
                        + ":\n" + Files.readString(log));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no env file after " + STARTUP + ":\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] kv = line.split("=", 2);
                env.put(kv[0], kv[1]);
            }
        }
        return env;
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", bootstrap,
                "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static String awaitRecordContaining(KafkaConsumer<String, String> consumer, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null && record.value().contains(text)) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("no change event containing " + text + " within 60 s");
    }

    private static void assertClosed(int port) {
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            }
        }).as("port " + port + " is closed").isInstanceOf(ConnectException.class);
    }
}
