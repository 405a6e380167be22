package com.contactsync.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The shaded job jar users submit holds the job and nothing of the tools around it: no CLI,
 * embedded servers, generator, bench, verify or privacy code, none of their libraries, and no
 * service registration pointing at a class it does not hold.
 */
class JobJarContentsITCase {

    private static final List<String> TOOL_PACKAGES = List.of(
            "com/contactsync/cli/", "com/contactsync/embedded/", "com/contactsync/generate/",
            "com/contactsync/bench/", "com/contactsync/verify/", "com/contactsync/privacy/", "com/contactsync/runstate/", "com/contactsync/shapes/");
    /** Libraries only the tools use (picocli) or that only the embedded stack brings (all provided scope). */
    private static final List<String> TOOL_LIBRARIES = List.of(
            "picocli/", "io/zonky/", "kafka/server/", "io/debezium/", "org/apache/logging/log4j/core/");

    private static Set<String> entries;
    private static String mainClass;

    @BeforeAll
    static void readJar() throws IOException {
        Path jar = JobJar.requireFresh(Path.of("").toAbsolutePath());
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = new TreeSet<>(Collections.list(file.entries()).stream().map(ZipEntry::getName).toList());
            mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
        }
    }

    @Test
    void entryPointIsTheJobsMain() {
        assertThat(mainClass).isEqualTo("com.contactsync.job.ContactSyncJob");
        assertThat(entries).contains("com/contactsync/job/ContactSyncJob.class", "com/contactsync/job/ContactSyncPipeline.class",
                "com/contactsync/sync/ProfileSyncFunction.class", "com/contactsync/sink/ExactlyOnceProfileSink.class",
                "db/migration/V1__contact_tables.sql");
    }

    @Test
    void holdsNoToolCode() {
        assertThat(entries).filteredOn(e -> TOOL_PACKAGES.stream().anyMatch(e::startsWith)).isEmpty();
    }

    @Test
    void holdsNoToolLibrary() {
        assertThat(entries).filteredOn(e -> TOOL_LIBRARIES.stream().anyMatch(e::startsWith)).isEmpty();
    }

    @Test
    void everyServiceOfOursNamesAClassTheJarHolds() throws IOException {
        Path jar = JobJar.requireFresh(Path.of("").toAbsolutePath());
        List<String> missing = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : entries) {
                if (!entry.startsWith("META-INF/services/") || entry.endsWith("/")) {
                    continue;
                }
                try (InputStream in = file.getInputStream(file.getEntry(entry))) {
                    for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String service = line.replaceAll("#.*", "").trim();
                        if (service.startsWith("com.contactsync.") && !entries.contains(service.replace('.', '/') + ".class")) {
                            missing.add(entry + " -> " + service);
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
