package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.job.OperatorIds;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./contactsync run --web-ui-port P} serves Flink's Web UI, and a real browser shows the
 * running job's operators in it: headless Chromium (Debian package chromium; .ci/run installs it)
 * renders the job's overview page, its DOM after Angular ran must name every operator of the
 * backfill, and a screenshot is kept in target/web-ui/ as evidence.
 */
class WebUiITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final Path EVIDENCE = Path.of("target", "web-ui");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @AfterEach
    void webUiBackToTheDefault() {
        WebUi.request(null); // --web-ui-port is kept for the following runs of this JVM
    }

    @Test
    void theRunCommandServesTheWebUiWhereABrowserShowsTheJobsOperators() throws Exception {
        Path chromium = Browser.chromium();
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.TEXT);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(5, GeneratorSettings.defaults()), 3_000, IdLayout.dense());
        Files.writeString(dir.resolve("empty.yaml"), "");
        int port = freePort();

        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(CliRun.database(db, dir.resolve("empty.yaml")));
        // Throttled (2 readers × 100 rows/s) so that the job is still running while the browser looks.
        args.addAll(List.of("--mode", "backfill", "--set", "backfill.max-rows-per-second=100",
                "--set", "backfill.split-rows=500", "--web-ui-port", String.valueOf(port)));
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(args.toArray(String[]::new)));

        String jobId = runningJob(port, run);
        String page = "http://127.0.0.1:" + port + "/#/job/running/" + jobId + "/overview";
        Files.createDirectories(EVIDENCE);
        String dom = Browser.dumpDom(chromium, page, dir.resolve("profile-dom"));
        Files.writeString(EVIDENCE.resolve("job-overview.html"), dom);
        // A picture for a person (target/web-ui/): taken after the DOM, when the bounded job may already be
        // ending; Chromium's --screenshot then hung now and then in CI. The assertions are on the DOM above.
        try {
            Browser.screenshot(chromium, page, EVIDENCE.resolve("job-overview.png").toAbsolutePath(), dir.resolve("profile-shot"));
        } catch (AssertionError noPicture) {
            System.out.println("WebUiITCase: no screenshot this time: " + noPicture.getMessage());
        }

        assertThat(dom).contains("Source: " + OperatorIds.BACKFILL_SOURCE.displayName());
        for (OperatorIds operator : List.of(OperatorIds.PROFILE_SYNC, OperatorIds.WRITE_BATCHER, OperatorIds.SINK)) {
            assertThat(dom).as("the job overview names " + operator).contains(html(operator.displayName()));
        }

        CliRun finished = run.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(finished.exitCode()).isZero();
        assertThat(finished.output()).contains("Flink Web UI: " + page);
    }

    /** Polls the UI's REST API until the run's job is RUNNING; returns its id. */
    private static String runningJob(int port, CompletableFuture<CliRun> run) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest jobs = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jobs/overview")).build();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (run.isDone()) {
                throw new AssertionError("the run ended before its job was seen running: " + run.get().output());
            }
            try {
                JsonNode overview = new ObjectMapper().readTree(http.send(jobs, HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode job : overview.path("jobs")) {
                    if (job.path("state").asText().equals("RUNNING") && job.path("tasks").path("running").asInt() == job.path("tasks").path("total").asInt()) {
                        return job.path("jid").asText();
                    }
                }
            } catch (java.net.ConnectException notYet) {
                // the cluster is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no running job on the Web UI's port " + port + " within " + TIMEOUT);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /** Headless Chromium, started as STACK-NOTES says (fresh profile, no background traffic). */
    static final class Browser {

        private Browser() {}

        static Path chromium() {
            for (String name : List.of("chromium", "chromium-browser")) {
                for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                    Path candidate = Path.of(dir, name);
                    if (Files.isExecutable(candidate)) {
                        return candidate;
                    }
                }
            }
            throw new AssertionError("chromium is not on PATH: install it with `apt-get install chromium` (Debian;"
                    + " .ci/run does this) — the Web UI is tested in a real browser");
        }

        static String dumpDom(Path chromium, String url, Path profile) throws Exception {
            return run(chromium, profile, "--dump-dom", url);
        }

        static void screenshot(Path chromium, String url, Path png, Path profile) throws Exception {
            run(chromium, profile, "--screenshot=" + png, "--window-size=1600,1000", url);
        }

        /**
         * Headless Chromium now and then hangs on a loaded machine (seen once in four CI runs, with
         * --screenshot): a hung attempt is killed and the same command runs once more, with a fresh
         * profile; two hangs fail the test.
         */
        private static String run(Path chromium, Path profile, String... args) throws Exception {
            for (int attempt = 1; ; attempt++) {
                String out = runOnce(chromium, attempt == 1 ? profile : Path.of(profile + "-" + attempt), args);
                if (out != null || attempt == 2) {
                    if (out == null) {
                        throw new AssertionError("chromium did not finish within 90 s, twice: " + String.join(" ", args));
                    }
                    return out;
                }
            }
        }

        /** Chromium's standard output, or null when it did not finish within 90 s (then it is killed). */
        private static String runOnce(Path chromium, Path profile, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=10000"));
            command.addAll(List.of(args));
            // Output to a file, not a pipe: chromium's helper processes inherit the pipe and may keep it
            // open after the browser exits, and a read to its end would then wait forever.
            Path output = Files.createTempFile(profile.getParent(), "chromium", ".out");
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close();
            boolean finished;
            try {
                finished = process.waitFor(90, TimeUnit.SECONDS);
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            if (!finished) {
                return null;
            }
            assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
            return Files.readString(output, StandardCharsets.UTF_8);
        }
    }
}
