package com.contactsync.cluster;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ConfigurationUtils;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * conf/flink/config.yaml as the test cluster runs it: the real file, read by Flink's own parser,
 * plus only what a test machine needs instead — loopback addresses, free ports, directories under
 * the test's work directory, and faster failure detection. Everything else (checkpointing, RocksDB,
 * restart strategy, generic types and uids, Java 17 opens) is what production gets.
 */
final class ClusterConfiguration {

    static final String LOOPBACK = "127.0.0.1";
    static final String PROMETHEUS_FACTORY = "org.apache.flink.metrics.prometheus.PrometheusReporterFactory";

    private final Path confDir;
    private final Configuration flink;
    private final int restPort;
    private final List<String> dropped;

    private ClusterConfiguration(Path confDir, Configuration flink, int restPort, List<String> dropped) {
        this.confDir = confDir;
        this.flink = flink;
        this.restPort = restPort;
        this.dropped = dropped;
    }

    /** Reads {@code sourceDir/config.yaml}, applies the test overrides and writes the result to {@code workDir/conf}. */
    static ClusterConfiguration prepare(Path sourceDir, Path workDir, ClusterClasspath classpath) throws IOException {
        Configuration flink = GlobalConfiguration.loadConfiguration(sourceDir.toString());
        int rpcPort = freePort();
        int restPort = freePort();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("jobmanager.rpc.address", LOOPBACK);
        overrides.put("jobmanager.rpc.port", String.valueOf(rpcPort));
        overrides.put("jobmanager.bind-host", LOOPBACK);
        overrides.put("taskmanager.host", LOOPBACK);
        overrides.put("taskmanager.bind-host", LOOPBACK);
        overrides.put("rest.address", LOOPBACK);
        overrides.put("rest.bind-address", LOOPBACK);
        overrides.put("rest.port", String.valueOf(restPort));
        overrides.put("high-availability.type", "NONE");
        overrides.put("execution.checkpointing.dir", workDir.resolve("checkpoints").toUri().toString());
        overrides.put("execution.checkpointing.savepoint-dir", workDir.resolve("savepoints").toUri().toString());
        overrides.put("io.tmp.dirs", mkdirs(workDir.resolve("tmp")).toString());
        overrides.put("web.upload.dir", mkdirs(workDir.resolve("uploads")).toString());
        // Memory for a shared 2-core CI machine; the ratios (managed memory for RocksDB) stay.
        overrides.put("jobmanager.memory.process.size", "1024m");
        overrides.put("taskmanager.memory.process.size", "1536m");
        // A killed TaskManager is noticed after two failed heartbeat RPCs rather than a 50 s timeout.
        overrides.put("heartbeat.interval", "2s");
        overrides.put("heartbeat.timeout", "20s");
        // REST metric queries answer from a cache refreshed this often (default 10 s).
        overrides.put("metrics.fetcher.update-interval", "1s");
        overrides.forEach(flink::setString);

        List<String> dropped = new ArrayList<>();
        if (!classpath.provides(PROMETHEUS_FACTORY)) {
            // flink-metrics-prometheus is not in the cluster class path (not resolvable here): drop
            // only that reporter; the REST API still serves every metric the test checks.
            for (String key : flink.keySet()) {
                if (key.startsWith("metrics.reporter.prom.")) {
                    dropped.add(key);
                }
            }
            dropped.forEach(flink::removeKey);
        } else {
            int port = freePort();
            flink.setString("metrics.reporter.prom.port", port + "-" + (port + 20));
        }

        Path confDir = mkdirs(workDir.resolve("conf"));
        Files.write(confDir.resolve(GlobalConfiguration.FLINK_CONF_FILENAME),
                ConfigurationUtils.convertConfigToWritableLines(flink, true));
        Files.copy(sourceDir.resolve("log4j-console.properties"), confDir.resolve("log4j-console.properties"));
        return new ClusterConfiguration(confDir, flink, restPort, List.copyOf(dropped));
    }

    Path confDir() {
        return confDir;
    }

    int restPort() {
        return restPort;
    }

    /** Keys of the real configuration the test cluster could not use (and why is in {@link #prepare}). */
    List<String> dropped() {
        return dropped;
    }

    /**
     * The JVM options Flink's start scripts would pass, split into arguments: {@code env.java.opts.all}
     * (the Java 17 opens) and the process-specific ones, each after its {@code default-opts}.
     */
    List<String> javaOptions(boolean jobManager) {
        List<String> options = new ArrayList<>();
        options.addAll(split(flink.get(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS)));
        options.addAll(split(flink.get(CoreOptions.FLINK_JVM_OPTIONS)));
        options.addAll(split(flink.get(jobManager ? CoreOptions.FLINK_DEFAULT_JM_JVM_OPTIONS : CoreOptions.FLINK_DEFAULT_TM_JVM_OPTIONS)));
        options.addAll(split(flink.get(jobManager ? CoreOptions.FLINK_JM_JVM_OPTIONS : CoreOptions.FLINK_TM_JVM_OPTIONS)));
        return options;
    }

    private static List<String> split(String options) {
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    private static Path mkdirs(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
    }
}
