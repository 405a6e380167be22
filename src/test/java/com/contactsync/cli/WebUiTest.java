package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

/** Where the local Web UI is served: always loopback; 8081 or a free port by default; the port asked for; 0 = off. */
class WebUiTest {

    private final JobID job = new JobID();

    @AfterEach
    void backToTheDefault() {
        WebUi.request(null);
    }

    @Test
    void byDefaultTheUiIsOn8081OrAnotherFreePortAndOnLoopbackOnly() throws IOException {
        Configuration cluster = new Configuration();
        String printed = announce(WebUi.configure(cluster));
        assertThat(cluster.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(cluster.get(RestOptions.ADDRESS)).isEqualTo("127.0.0.1");
        int port = Integer.parseInt(cluster.get(RestOptions.BIND_PORT));
        assertThat(port).isPositive();
        assertThat(printed).isEqualTo("Flink Web UI: http://127.0.0.1:" + port + "/#/job/running/" + job + "/overview");
        try (ServerSocket free = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            // the chosen port was free: nothing else holds it
        }
    }

    @Test
    void whenSomethingHolds8081ADifferentFreePortIsChosen() throws IOException {
        ServerSocket holder;
        try {
            holder = new ServerSocket(WebUi.DEFAULT_PORT, 1, InetAddress.getByName("127.0.0.1"));
        } catch (IOException alreadyTaken) {
            holder = null; // something else holds it: the same situation
        }
        try {
            Configuration cluster = new Configuration();
            WebUi.configure(cluster);
            assertThat(cluster.get(RestOptions.BIND_PORT)).isNotEqualTo(String.valueOf(WebUi.DEFAULT_PORT)).isNotEqualTo("0");
        } finally {
            if (holder != null) {
                holder.close();
            }
        }
    }

    @Test
    void thePortAskedForIsUsedAndZeroTurnsTheAnnouncementOff() {
        WebUi.request(18_123);
        Configuration cluster = new Configuration();
        assertThat(announce(WebUi.configure(cluster))).contains("http://127.0.0.1:18123/");
        assertThat(cluster.get(RestOptions.PORT)).isEqualTo(18_123);

        WebUi.request(0);
        Configuration off = new Configuration();
        assertThat(announce(WebUi.configure(off))).isEmpty();
        assertThat(off.get(RestOptions.BIND_PORT)).isEqualTo("0");
        assertThat(off.get(RestOptions.BIND_ADDRESS)).isEqualTo("127.0.0.1");
    }

    @Test
    void aPortOutOfRangeIsRefusedWithTheOptionsName() {
        assertThatThrownBy(() -> WebUi.request(70_000)).hasMessageContaining("--web-ui-port");
    }

    private String announce(WebUi webUi) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        webUi.announce(job, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
