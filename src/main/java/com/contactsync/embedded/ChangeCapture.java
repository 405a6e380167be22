package com.contactsync.embedded;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.JsonByteArray;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams the committed changes of PostgreSQL tables into one Kafka topic, in WAL order and at least
 * once, with Debezium's embedded PostgreSQL engine; a new capture on the same slot and offset file
 * resumes where the last one stopped.
 *
 * <p>The captured tables must exist before {@link #start}, and the topic too (the embedded broker
 * does not create topics on demand). The database role needs the REPLICATION attribute.
 */
public final class ChangeCapture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeCapture.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChangeCaptureSettings settings;
    private final ChangeCaptureSlot slot;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch engineDone = new CountDownLatch(1);
    private ChangeCapturePublisher publisher;
    private DebeziumEngine<ChangeEvent<byte[], byte[]>> engine;
    private ExecutorService engineThread;
    private boolean closed;

    public ChangeCapture(ChangeCaptureSettings settings) {
        this.settings = settings;
        this.slot = new ChangeCaptureSlot(settings.endpoint(), settings.slotName(), settings.publicationName());
    }

    /** {@link #start(Duration)} waiting at most a minute. */
    public void start() {
        start(START_TIMEOUT);
    }

    /**
     * Starts the engine and returns once it streams from its replication slot: every change
     * committed after this returns reaches the topic. Creates the slot and publication if absent.
     */
    public synchronized void start(Duration timeout) {
        if (engine != null || closed) {
            throw new IllegalStateException("a change capture starts once; create a new one on the same slot to resume");
        }
        requireTopic();
        try {
            Files.createDirectories(settings.offsetDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the offset directory " + settings.offsetDirectory(), e);
        }
        long started = System.nanoTime();
        publisher = new ChangeCapturePublisher(settings.bootstrapServers(), "contactsync-cdc-" + settings.slotName(),
                settings.topic(), ChangeCaptureProperties.tableDestinations(settings));
        engine = DebeziumEngine.create(JsonByteArray.class)
                .using(ChangeCaptureProperties.of(settings))
                .using(this::engineFinished)
                .notifying(publisher)
                .build();
        engineThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "contactsync-cdc-" + settings.slotName());
            thread.setDaemon(true);
            return thread;
        });
        engineThread.execute(engine);
        try {
            slot.awaitActive(timeout, failure::get);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while starting change capture on slot " + settings.slotName(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("change capture streams {} into topic {} (slot {}, publication {}) after {} ms",
                settings.tables(), settings.topic(), settings.slotName(), settings.publicationName(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    public String slotName() {
        return settings.slotName();
    }

    public String publicationName() {
        return settings.publicationName();
    }

    public String topic() {
        return settings.topic();
    }

    /** Table change events (including tombstones) acknowledged by Kafka so far. */
    public long recordsPublished() {
        return publisher == null ? 0 : publisher.published();
    }

    /** Why the engine stopped on its own, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The slot's confirmed flush LSN ({@code 0/1A2B3C8}); the server keeps WAL from there on. */
    public Optional<String> confirmedFlushLsn() {
        return slot.confirmedFlushLsn();
    }

    /** Stops the engine (flushing its offsets) and the producer; drops the slot if so configured. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopEngine();
            if (publisher != null) {
                publisher.close();
            }
            if (settings.dropSlotOnClose()) {
                slot.drop(STOP_TIMEOUT);
            } else {
                // Lets a new capture take the slot over at once.
                slot.awaitInactive(STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping change capture on slot " + settings.slotName(), e);
        }
        LOG.info("change capture on slot {} stopped after publishing {} events", settings.slotName(), recordsPublished());
    }

    /** Drops the replication slot and the publication of a closed capture: its position is gone for good. */
    public synchronized void dropSlot() {
        if (!closed) {
            throw new IllegalStateException("close the change capture before dropping its slot " + settings.slotName());
        }
        try {
            slot.drop(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dropping slot " + settings.slotName(), e);
        }
    }

    private void stopEngine() throws InterruptedException {
        if (engine == null) {
            return;
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (engineDone.getCount() > 0) {
            try {
                engine.close();
                break;
            } catch (IllegalStateException e) {
                // The engine refuses to stop while its tasks start (or while it already stops itself).
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("change capture on slot " + settings.slotName() + " did not stop", e);
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop change capture on slot " + settings.slotName(), e);
            }
        }
        if (!engineDone.await(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("change capture on slot {} did not report its end within {}", settings.slotName(), STOP_TIMEOUT);
        }
        engineThread.shutdown();
        if (!engineThread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            engineThread.shutdownNow();
        }
    }

    private void engineFinished(boolean success, String message, Throwable error) {
        if (!success) {
            failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
            LOG.error("change capture on slot {} stopped: {}", settings.slotName(), message, error);
        }
        engineDone.countDown();
    }

    private void requireTopic() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "contactsync-cdc-admin"))) {
            admin.describeTopics(List.of(settings.topic())).allTopicNames().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                throw new IllegalStateException("topic " + settings.topic() + " does not exist on "
                        + settings.bootstrapServers() + ": create it first (e.g. EmbeddedKafkaBroker.createTopic)");
            }
            throw new IllegalStateException("could not check topic " + settings.topic(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + settings.bootstrapServers() + " did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking topic " + settings.topic(), e);
        }
    }
}
