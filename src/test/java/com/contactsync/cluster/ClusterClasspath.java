package com.contactsync.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The class path of the cluster's JVMs, standing in for a Flink distribution's {@code lib/}:
 * flink-runtime, -clients, -runtime-web (REST job submission), -streaming-java, -connector-base,
 * the RocksDB state backend and log4j, as Maven resolved them into
 * {@code target/cluster-classpath.txt} (a maven-dependency-plugin build-classpath execution).
 */
final class ClusterClasspath {

    static final String FILE = "target/cluster-classpath.txt";

    /** Jar name prefixes the cluster cannot start or take a job without. */
    private static final List<String> REQUIRED = List.of(
            "flink-runtime-2", "flink-clients-", "flink-runtime-web-", "flink-streaming-java-",
            "flink-connector-base-", "flink-statebackend-rocksdb-", "log4j-core-", "log4j-slf4j-impl-");

    private final List<Path> jars;

    private ClusterClasspath(List<Path> jars) {
        this.jars = List.copyOf(jars);
    }

    static ClusterClasspath read(Path projectDir) throws IOException {
        Path file = projectDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: it is written by the pom's cluster-classpath"
                    + " execution (maven-dependency-plugin build-classpath); run `mvn verify`");
        }
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(file).trim().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(file + " names " + jar + ", which does not exist: rebuild it");
            }
            jars.add(jar);
        }
        for (String prefix : REQUIRED) {
            if (jars.stream().noneMatch(j -> j.getFileName().toString().startsWith(prefix))) {
                throw new IllegalStateException(file + " lacks " + prefix + "*.jar: add it to the pom (provided scope)");
            }
        }
        return new ClusterClasspath(jars);
    }

    String asArgument() {
        return String.join(File.pathSeparator, jars.stream().map(Path::toString).toList());
    }

    /** Whether some jar holds the class, e.g. an optional metric reporter. */
    boolean provides(String className) throws IOException {
        String entry = className.replace('.', '/') + ".class";
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.getEntry(entry) != null) {
                    return true;
                }
            }
        }
        return false;
    }
}
