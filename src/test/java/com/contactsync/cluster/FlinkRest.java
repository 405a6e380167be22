package com.contactsync.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The few calls of Flink's REST API (the one behind the web UI and {@code flink run}) that an
 * operator of ContactSync makes: upload and run the job jar, watch the job and its checkpoints,
 * read a metric, stop with a savepoint.
 */
final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code POST /jars/upload} (multipart, field {@code jarfile}); returns the jar id. */
    String uploadJar(Path jar) throws IOException, InterruptedException {
        String boundary = "contactsync-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                + jar.getFileName() + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/jars/upload"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        String filename = send(request).path("filename").asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    /** {@code POST /jars/<id>/run}: runs the jar's main in the JobManager; returns the job id. */
    String runJar(String jarId, String entryClass, List<String> args, String savepointPath)
            throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("entryClass", entryClass);
        body.set("programArgsList", JSON.valueToTree(args));
        if (savepointPath != null) {
            body.put("savepointPath", savepointPath);
            body.put("allowNonRestoredState", false);
        }
        return post("/jars/" + jarId + "/run", body).path("jobid").asText();
    }

    /** {@code POST /jobs/<id>/stop}: stop with a savepoint (sources finish without draining); returns the trigger id. */
    String stopWithSavepoint(String jobId, Path targetDirectory) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("targetDirectory", targetDirectory.toUri().toString());
        body.put("drain", false);
        return post("/jobs/" + jobId + "/stop", body).path("request-id").asText();
    }

    /** The savepoint's location once the trigger completed; empty while in progress; fails if it failed. */
    Optional<String> savepointLocation(String jobId, String triggerId) throws IOException, InterruptedException {
        JsonNode status = get("/jobs/" + jobId + "/savepoints/" + triggerId);
        if (!"COMPLETED".equals(status.path("status").path("id").asText())) {
            return Optional.empty();
        }
        JsonNode operation = status.path("operation");
        if (operation.has("failure-cause")) {
            throw new IllegalStateException("stop-with-savepoint failed: " + operation.get("failure-cause"));
        }
        return Optional.of(operation.path("location").asText());
    }

    String jobState(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Whether the job and every one of its tasks run (a restarting job is RUNNING with tasks still deploying). */
    boolean allTasksRunning(String jobId) throws IOException, InterruptedException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** {@code GET /jobs/<id>/checkpoints}: counts, latest completed and the checkpoint the job was restored from. */
    JsonNode checkpoints(String jobId) throws IOException, InterruptedException {
        return get("/jobs/" + jobId + "/checkpoints");
    }

    int taskManagers() throws IOException, InterruptedException {
        return get("/taskmanagers").path("taskmanagers").size();
    }

    /** A job-level metric (e.g. numRestarts); -1 when not (yet) reported. */
    long jobMetric(String jobId, String name) throws IOException, InterruptedException {
        return value(get("/jobs/" + jobId + "/metrics?get=" + encode(name)), "value");
    }

    /**
     * The sum over all subtasks of the vertex whose name contains {@code vertexName} of the
     * operator metric named {@code metric} (REST ids are {@code <operator name>.<metric>}); -1
     * when no subtask reports it yet.
     */
    long subtaskMetricSum(String jobId, String vertexName, String metric) throws IOException, InterruptedException {
        String base = "/jobs/" + jobId + "/vertices/" + vertexId(jobId, vertexName) + "/subtasks/metrics";
        Optional<String> id = metricId(get(base), metric);
        return id.isEmpty() ? -1 : value(get(base + "?agg=sum&get=" + encode(id.get())), "sum");
    }

    /** A metric of the vertex's operator coordinator on the JobManager (a FLIP-27 split enumerator); -1 if absent. */
    long coordinatorMetric(String jobId, String vertexName, String metric) throws IOException, InterruptedException {
        String base = "/jobs/" + jobId + "/vertices/" + vertexId(jobId, vertexName) + "/jm-operator-metrics";
        Optional<String> id = metricId(get(base), metric);
        return id.isEmpty() ? -1 : value(get(base + "?get=" + encode(id.get())), "value");
    }

    /** Answers 200 once the JobManager's REST endpoint is up. */
    boolean isUp() {
        try {
            get("/overview");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String vertexId(String jobId, String vertexName) throws IOException, InterruptedException {
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            if (vertex.path("name").asText().contains(vertexName)) {
                return vertex.path("id").asText();
            }
        }
        throw new IllegalStateException("job " + jobId + " has no vertex named like '" + vertexName + "'");
    }

    private static Optional<String> metricId(JsonNode available, String metric) {
        for (JsonNode entry : available) {
            String id = entry.path("id").asText();
            if (id.equals(metric) || id.endsWith("." + metric)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static long value(JsonNode metrics, String field) {
        for (JsonNode entry : metrics) {
            if (entry.has(field)) {
                return (long) Double.parseDouble(entry.get(field).asText());
            }
        }
        return -1;
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
