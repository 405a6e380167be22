package com.contactsync.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A Flink standalone session cluster of separate JVMs started from Maven jars the way
 * bin/jobmanager.sh and bin/taskmanager.sh start them (no Flink distribution is needed): the
 * JobManager is {@code StandaloneSessionClusterEntrypoint}, each TaskManager a
 * {@code TaskManagerRunner} with the memory and CPU settings {@code BashJavaUtils} derives from the
 * configuration. Every JVM it started is killed on {@link #close()} (and by a shutdown hook).
 */
final class StandaloneCluster implements AutoCloseable {

    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private final ClusterConfiguration config;
    private final ClusterClasspath classpath;
    private final Path logDir;
    private final List<FlinkProcess> processes = new CopyOnWriteArrayList<>();
    private final Thread shutdownHook = new Thread(this::killAll, "kill-test-cluster");
    private int taskManagersStarted;

    private StandaloneCluster(ClusterConfiguration config, ClusterClasspath classpath, Path logDir) {
        this.config = config;
        this.classpath = classpath;
        this.logDir = logDir;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the JobManager; returns once the JVM is launched (see {@link FlinkRest#awaitReady}). */
    static StandaloneCluster startJobManager(ClusterConfiguration config, ClusterClasspath classpath, Path logDir)
            throws IOException, InterruptedException {
        StandaloneCluster cluster = new StandaloneCluster(config, classpath, Files.createDirectories(logDir));
        cluster.launch("jobmanager", "GET_JM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", true);
        return cluster;
    }

    /** Starts one more TaskManager JVM. */
    FlinkProcess startTaskManager() throws IOException, InterruptedException {
        taskManagersStarted++;
        return launch("taskmanager-" + taskManagersStarted, "GET_TM_RESOURCE_PARAMS",
                "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", false);
    }

    String restUrl() {
        return "http://" + ClusterConfiguration.LOOPBACK + ":" + config.restPort();
    }

    List<FlinkProcess> processes() {
        return List.copyOf(processes);
    }

    private FlinkProcess launch(String name, String resourceCommand, String mainClass, boolean jobManager)
            throws IOException, InterruptedException {
        List<String> resources = resourceParams(resourceCommand);
        List<String> command = new ArrayList<>(java());
        command.addAll(config.javaOptions(jobManager));
        command.addAll(split(resources.get(0))); // -Xmx, -Xms, direct and metaspace limits
        command.add("-Dlog.file=" + logDir.resolve(name + ".log"));
        // As Flink's daemon scripts: the log goes to <name>.log, the console file keeps what the JVM prints.
        command.add("-Dconsole.log.level=OFF");
        command.add("-Dlog4j.configurationFile=" + config.confDir().resolve("log4j-console.properties").toUri());
        command.add("-classpath");
        command.add(classpath.asArgument());
        command.add(mainClass);
        command.add("--configDir");
        command.add(config.confDir().toString());
        command.addAll(split(resources.get(1))); // -D memory sizes (and taskmanager.cpu.cores)
        FlinkProcess process = FlinkProcess.start(name, command, logDir);
        processes.add(process);
        return process;
    }

    /** The two result lines of BashJavaUtils: JVM options, then dynamic configuration ("-D k=v ..."). */
    private List<String> resourceParams(String resourceCommand) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("-Xmx128m", "-Dlog4j2.level=WARN", "-classpath", classpath.asArgument(),
                "org.apache.flink.runtime.util.bash.BashJavaUtils", resourceCommand,
                "--configDir", config.confDir().toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("BashJavaUtils " + resourceCommand + " failed:\n" + output);
        }
        List<String> results = output.lines().filter(l -> l.startsWith(RESULT_PREFIX))
                .map(l -> l.substring(RESULT_PREFIX.length())).toList();
        if (results.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + resourceCommand + " gave no JVM and dynamic parameters:\n" + output);
        }
        return results;
    }

    private static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static List<String> split(String line) {
        return line.isBlank() ? List.of() : List.of(line.trim().split("\\s+"));
    }

    private void killAll() {
        for (FlinkProcess process : processes) {
            if (process.isAlive()) {
                try {
                    process.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }
}
