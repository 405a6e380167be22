package com.contactsync.cli;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.WebOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Flink's Web UI for runs on a local MiniCluster ({@code demo}, {@code run}): served on 127.0.0.1
 * only, on the port {@code --web-ui-port} asks for; by default on 8081 when it is free, else on a
 * free port; the URL is printed when the job is submitted. Port 0 turns the UI off: nothing is
 * printed and the MiniCluster's REST endpoint, which Flink always starts, takes a random loopback
 * port (Flink has no switch to drop the UI while flink-runtime-web is on the class path).
 */
public final class WebUi {

    private static final Logger LOG = LoggerFactory.getLogger(WebUi.class);
    static final String LOOPBACK = "127.0.0.1";
    static final int DEFAULT_PORT = 8081;

    /** Null = the default (8081 or a free port); 0 = off. */
    private static volatile Integer requestedPort;

    private final int port;

    private WebUi(int port) {
        this.port = port;
    }

    /** Sets the port of the following local runs ({@code --web-ui-port}); 0 turns the UI off; null = the default. */
    static void request(Integer port) {
        if (port == null) {
            requestedPort = null;
            return;
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--web-ui-port must be 0 (off) or a port 1-65535, got " + port);
        }
        requestedPort = port;
    }

    /** Binds the local cluster's REST endpoint (and so the UI) to loopback on the chosen port. */
    public static WebUi configure(Configuration cluster) {
        cluster.set(RestOptions.BIND_ADDRESS, LOOPBACK);
        cluster.set(RestOptions.ADDRESS, LOOPBACK);
        // A local run executes this process's job only: uploading jars through the UI has no use.
        cluster.set(WebOptions.SUBMIT_ENABLE, false);
        Integer requested = requestedPort;
        int port = requested == null ? defaultPort() : requested;
        cluster.set(RestOptions.BIND_PORT, String.valueOf(port));
        if (port > 0) {
            cluster.set(RestOptions.PORT, port);
        }
        return new WebUi(port);
    }

    /** Prints where the UI shows the job (nothing when it is off). */
    public void announce(JobID job, PrintStream out) {
        if (port > 0) {
            String url = "http://" + LOOPBACK + ":" + port + "/#/job/running/" + job + "/overview";
            out.println("Flink Web UI: " + url);
            LOG.info("Flink Web UI of job {} at {}", job, url);
        }
    }

    private static int defaultPort() {
        try (ServerSocket preferred = new ServerSocket(DEFAULT_PORT, 1, InetAddress.getByName(LOOPBACK))) {
            return DEFAULT_PORT;
        } catch (IOException taken) {
            // Another cluster (the compose stack's JobManager, another run) has it; a moment's race
            // with the next process to pick a port is possible, and then the run fails with "address in use".
            try (ServerSocket any = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
                return any.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException("no free loopback port for Flink's Web UI (use --web-ui-port 0 to turn it off)", e);
            }
        }
    }
}
