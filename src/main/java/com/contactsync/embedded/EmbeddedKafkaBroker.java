package com.contactsync.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one process role) running inside
 * this JVM on loopback, which can be stopped and restarted on the same port and data.
 *
 * <p>A fatal fault inside Kafka (e.g. a corrupt metadata log) halts the JVM, as it does in a real
 * broker: Kafka's exit procedure is global and this class leaves it alone.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final long ADMIN_TIMEOUT_SECONDS = 30;

    private final Path logDir;
    private final boolean deleteLogDirOnClose;
    private final int brokerPort;
    private final KafkaConfig config;
    private KafkaRaftServer server;
    private boolean closed;

    private EmbeddedKafkaBroker(Path logDir, boolean deleteLogDirOnClose, int brokerPort, KafkaConfig config) {
        this.logDir = logDir;
        this.deleteLogDirOnClose = deleteLogDirOnClose;
        this.brokerPort = brokerPort;
        this.config = config;
    }

    /** Starts a broker on free loopback ports with a temporary log directory deleted on close. */
    public static EmbeddedKafkaBroker start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>}; the same across {@link #restart()}. */
    public String bootstrapServers() {
        return LOOPBACK + ":" + brokerPort;
    }

    public Path logDir() {
        return logDir;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Creates a topic with replication factor 1; fails if it exists. */
    public void createTopic(String name, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs >= 1 partition, got " + partitions);
        }
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "contactsync-embedded-admin"))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create topic " + name + " on " + bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /** Shuts the broker down cleanly, keeping its port and data for {@link #restart()}. */
    public synchronized void stop() {
        if (server != null) {
            long started = System.nanoTime();
            server.shutdown();
            server.awaitShutdown();
            server = null;
            LOG.info("Kafka broker on {} stopped in {} ms", bootstrapServers(), millisSince(started));
        }
    }

    /** Starts the broker again on the same port and log directory (stopping it first if it runs). */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException("the broker on " + bootstrapServers() + " is closed: start a new one");
        }
        stop();
        run();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (deleteLogDirOnClose) {
            deleteRecursively(logDir);
        }
    }

    private void run() {
        long started = System.nanoTime();
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            raftServer.shutdown();
            raftServer.awaitShutdown();
            throw new IllegalStateException("could not start the embedded Kafka broker on " + bootstrapServers(), e);
        }
        server = raftServer;
        LOG.info("Kafka broker on {} started in {} ms (data in {})", bootstrapServers(), millisSince(started), logDir);
    }

    private static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("could not delete Kafka log directory {}", dir, e);
        }
    }

    /** Options of an embedded broker; everything has a default. */
    public static final class Builder {

        private Path logDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Keeps the data in {@code dir} (created and formatted if needed, reused if already formatted)
         * and does not delete it on close, so a later broker can start on the same data.
         */
        public Builder logDir(Path dir) {
            this.logDir = dir;
            return this;
        }

        /** Sets any broker property, after the defaults of this class. */
        public Builder brokerProperty(String key, String value) {
            overrides.put(key, value);
            return this;
        }

        public EmbeddedKafkaBroker start() {
            boolean temporary = logDir == null;
            try {
                Path dir = temporary ? Files.createTempDirectory("contactsync-kafka-") : Files.createDirectories(logDir);
                int brokerPort = freeLoopbackPort();
                int controllerPort = freeLoopbackPort();
                Properties props = properties(dir, brokerPort, controllerPort);
                if (!Files.exists(dir.resolve("meta.properties"))) {
                    format(props);
                }
                EmbeddedKafkaBroker broker =
                        new EmbeddedKafkaBroker(dir, temporary, brokerPort, KafkaConfig.fromProps(props, false));
                try {
                    broker.run();
                } catch (RuntimeException e) {
                    broker.close();
                    throw e;
                }
                return broker;
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare the Kafka log directory", e);
            }
        }

        private Properties properties(Path dir, int brokerPort, int controllerPort) {
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", String.valueOf(NODE_ID));
            props.put("controller.quorum.voters", NODE_ID + "@" + LOOPBACK + ":" + controllerPort);
            props.put("listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort + ",CONTROLLER://" + LOOPBACK + ":" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", dir.toAbsolutePath().toString());
            props.put("auto.create.topics.enable", "false");
            props.put("num.partitions", "1");
            props.put("default.replication.factor", "1");
            props.put("min.insync.replicas", "1");
            props.put("offsets.topic.replication.factor", "1");
            // 50 partitions each (the defaults) would make the first group or transaction slow to set up.
            props.put("offsets.topic.num.partitions", "1");
            props.put("transaction.state.log.num.partitions", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            // Flink's exactly-once Kafka sink asks for 1 h transactions; the broker default allows 15 min.
            props.put("transaction.max.timeout.ms", "3600000");
            // The default 128 MB log-cleaner buffer is a lot of heap for a handful of compacted partitions.
            props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
            props.put("num.network.threads", "2");
            props.put("num.io.threads", "4");
            props.put("num.recovery.threads.per.data.dir", "1");
            props.putAll(overrides);
            return props;
        }

        private static void format(Properties props) throws IOException {
            Path file = Files.createTempFile("contactsync-kafka-", ".properties");
            try {
                try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    props.store(out, "embedded broker");
                }
                String clusterId = Uuid.randomUuid().toString();
                // The storage tool reports on a stream; the embedded stack prints nothing of its own.
                PrintStream silent = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
                int status = StorageTool.execute(
                        new String[] {"format", "-t", clusterId, "-c", file.toString()}, silent);
                if (status != 0) {
                    throw new IllegalStateException("formatting the Kafka log directory failed with status " + status);
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }

        private static int freeLoopbackPort() throws IOException {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                return socket.getLocalPort();
            }
        }
    }
}
