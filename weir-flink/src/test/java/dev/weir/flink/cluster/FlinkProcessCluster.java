package dev.weir.flink.cluster;

import dev.weir.testing.LocalPorts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A standalone Apache Flink session cluster of separate JVMs — one JobManager and {@code n} TaskManagers — started
 * from the Flink jars Maven resolved for this test (flink-dist is not published, so the class path is this JVM's
 * minus Weir's own classes, which jobs ship as their jars, as on a real cluster). Each process logs into its own
 * file under the cluster's directory, and every failed wait names those files. {@link #close()} kills every process
 * it started; a shutdown hook does the same if the test JVM exits first.
 */
public final class FlinkProcessCluster implements AutoCloseable {
    private static final Pattern TASK_MANAGER_ID = Pattern.compile("\"id\"\\s*:\\s*\"taskmanager-\\d+\"");
    private static final List<String> OPENS = List.of("java.util", "java.lang", "java.lang.invoke", "java.time",
            "java.util.concurrent", "java.io", "java.nio", "java.net");

    private final Path dir;
    private final int restPort;
    private final int taskManagers;
    private final List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Process> processes = new TreeMap<>();
    private final Thread killer = new Thread(this::killAll, "flink-process-cluster-killer");
    /** How many times each TaskManager was started again after it died starting. */
    private final Map<Integer, Integer> starts = new TreeMap<>();
    private static final int STARTS_PER_TASK_MANAGER = 3;

    private FlinkProcessCluster(Path dir, int restPort, int taskManagers, List<String> jvmOptions) {
        this.dir = dir;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.restPort = restPort;
        this.taskManagers = taskManagers;
    }

    /**
     * JVM options for a cluster that starts and runs briefly, as in tests: the client compiler only, since on a shared
     * machine C2's work never pays off in a short run. A measurement passes none and gets the JVM's full JIT.
     */
    public static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Starts the processes of a JobManager and {@code taskManagers} TaskManagers with {@code slots} slots each and
     * returns at once, so the caller can prepare while they start; {@link #awaitTaskManagers} waits for them.
     * {@code extraConfig} is added to the cluster's config.yaml, {@code jvmOptions} to each process's command line.
     */
    public static FlinkProcessCluster launch(Path dir, int taskManagers, int slots, Map<String, String> extraConfig,
                                             List<String> jvmOptions) throws Exception {
        int[] ports = LocalPorts.pick(2);
        int rpcPort = ports[0];
        int restPort = ports[1];
        Map<String, String> config = new TreeMap<>();
        config.put("jobmanager.rpc.address", "localhost");
        config.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        config.put("jobmanager.bind-host", "localhost");
        config.put("rest.address", "localhost");
        config.put("rest.bind-address", "localhost");
        config.put("rest.port", Integer.toString(restPort));
        config.put("taskmanager.host", "localhost");
        config.put("taskmanager.bind-host", "localhost");
        config.put("taskmanager.numberOfTaskSlots", Integer.toString(slots));
        // flink's launch scripts compute these from taskmanager.memory.process.size; started directly, a TaskManager
        // needs them set. Small, because this machine runs three JVMs and the test's own.
        config.put("taskmanager.cpu.cores", Integer.toString(slots));
        config.put("taskmanager.memory.task.heap.size", "256m");
        config.put("taskmanager.memory.task.off-heap.size", "0m");
        config.put("taskmanager.memory.network.min", "64m");
        config.put("taskmanager.memory.network.max", "64m");
        config.put("taskmanager.memory.managed.size", "64m");
        config.put("taskmanager.memory.framework.heap.size", "128m");
        config.put("taskmanager.memory.framework.off-heap.size", "128m");
        config.put("taskmanager.memory.jvm-metaspace.size", "256m");
        config.put("taskmanager.memory.jvm-overhead.min", "192m");
        config.put("taskmanager.memory.jvm-overhead.max", "192m");
        config.put("io.tmp.dirs", dir.resolve("tmp").toString());
        // A killed TaskManager is noticed when its connections fail, well before the default 50 s heartbeat timeout.
        config.put("heartbeat.interval", "1000");
        config.put("heartbeat.timeout", "20000");
        // One slot per TaskManager for a job at parallelism 2, so killing either one fails the job over. Flink 2.x
        // knows only the second key (the first is 1.20's deprecated spelling; 2.x would put every task on one TaskManager).
        config.put("cluster.evenly-spread-out-slots", "true");
        config.put("taskmanager.load-balance.mode", "SLOTS");
        config.put("restart-strategy.type", "fixed-delay");
        config.put("restart-strategy.fixed-delay.attempts", "20");
        config.put("restart-strategy.fixed-delay.delay", "1 s");
        config.putAll(extraConfig);
        Files.createDirectories(dir.resolve("tmp"));
        Path confDir = Files.createDirectories(dir.resolve("conf"));
        StringBuilder yaml = new StringBuilder();
        config.forEach((key, value) -> yaml.append(key).append(": ").append(value).append('\n'));
        Files.writeString(confDir.resolve("config.yaml"), yaml);

        FlinkProcessCluster cluster = new FlinkProcessCluster(dir, restPort, taskManagers, jvmOptions);
        Runtime.getRuntime().addShutdownHook(cluster.killer);
        try {
            cluster.start("jobmanager", "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", confDir);
            for (int i = 0; i < taskManagers; i++) {
                cluster.startTaskManager(i);
            }
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * Returns when every TaskManager has registered with the JobManager. A TaskManager process that exits before that
     * is started again, up to {@link #STARTS_PER_TASK_MANAGER} times in all: on this loaded machine one once died while
     * starting (Pekko failed to load one of its own classes), which is not what the tests that use the cluster test.
     */
    public void awaitTaskManagers() throws InterruptedException {
        awaitRest("/taskmanagers", body -> {
            restartTaskManagersThatDiedStarting();
            return count(TASK_MANAGER_ID, body) >= taskManagers;
        }, taskManagers + " TaskManagers registered", Duration.ofSeconds(150));
    }

    private void restartTaskManagersThatDiedStarting() {
        for (int i = 0; i < taskManagers; i++) {
            if (!processes.get("taskmanager-" + i).isAlive() && starts.merge(i, 1, Integer::sum) < STARTS_PER_TASK_MANAGER) {
                try {
                    startTaskManager(i);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not start taskmanager-" + i + " again", e);
                }
            }
        }
    }

    private void startTaskManager(int index) throws IOException {
        start("taskmanager-" + index, "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", dir.resolve("conf"),
                "-D", "taskmanager.resource-id=taskmanager-" + index);
    }

    public int restPort() {
        return restPort;
    }

    /** Kills the TaskManager process {@code index} with SIGKILL (no shutdown hooks, no goodbye to the JobManager). */
    public void killTaskManager(int index) throws InterruptedException {
        Process process = processes.get("taskmanager-" + index);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("taskmanager-" + index + " (pid " + process.pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** GETs {@code path} from the JobManager's REST API, or returns null when it does not answer 200. */
    public String get(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls {@code path} until its body satisfies {@code done}; fails naming {@code what} and the process logs. */
    public String awaitRest(String path, Predicate<String> done, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String body = null;
        while (System.nanoTime() < deadline) {
            body = get(path);
            if (body != null && done.test(body)) {
                return body;
            }
            Process jobManager = processes.get("jobmanager");
            if (!jobManager.isAlive()) {
                throw new AssertionError("The JobManager exited with code " + jobManager.exitValue() + " while waiting for " + what
                        + "; the ends of the cluster's process logs:" + logTails());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + " (GET " + path + "), last answer: " + body
                + "; the ends of the cluster's process logs:" + logTails());
    }

    /** The last lines of every process's log, for a failure message: the test's temporary folder is deleted after it. */
    private String logTails() {
        StringBuilder tails = new StringBuilder();
        for (String name : processes.keySet()) {
            tails.append("\n--- ").append(name).append(".log ---\n");
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name + ".log"));
                tails.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            } catch (IOException e) {
                tails.append("(unreadable: ").append(e.getMessage()).append(')');
            }
        }
        return tails.toString();
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException e) {
            // The JVM is shutting down and runs the hook itself.
        }
    }

    private void killAll() {
        for (Process process : processes.values()) {
            process.destroyForcibly();
        }
        for (Process process : processes.values()) {
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void start(String name, String mainClass, Path confDir, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        for (String open : OPENS) {
            command.add("--add-opens=java.base/" + open + "=ALL-UNNAMED");
        }
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS");
        command.add("-cp");
        command.add(String.join(File.pathSeparator, clusterClassPath()));
        command.add(mainClass);
        command.add("--configDir");
        command.add(confDir.toString());
        command.addAll(List.of(args));
        Path log = dir.resolve(name + ".log");
        // Appended to: a process started again keeps the log of the one before, for the failure message.
        processes.put(name, new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    /**
     * Flink and its dependencies as Maven resolved them for this test: this JVM's class path without Weir's classes and
     * without weir-core's own dependencies, which a real Flink cluster does not have either (the runner ships them).
     */
    static List<String> clusterClassPath() {
        List<String> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar") && !isWeir(entry) && !entry.contains("slf4j-nop") && !isWeirCoreDependency(entry)) {
                path.add(entry);
            }
        }
        // The log binding the build copied aside for the cluster (see weir-flink's pom), so its processes' logs say why.
        String lib = System.getProperty("weir.flink.cluster.lib");
        File[] jars = lib == null ? null : new File(lib).listFiles((folder, name) -> name.endsWith(".jar"));
        if (jars != null) {
            for (File jar : jars) {
                path.add(jar.getPath());
            }
        }
        return path;
    }

    /**
     * Weir's modules: build output folders and jars of this reactor ({@code weir-core-<version>.jar} once a build
     * packaged them, as {@code mvn verify} does) and dev.weir artifacts from a Maven repository.
     */
    static boolean isWeir(String entry) {
        return !entry.endsWith(".jar") || entry.replace(File.separatorChar, '/').contains("/dev/weir/")
                || Path.of(entry).getFileName().toString().startsWith("weir-");
    }

    private static boolean isWeirCoreDependency(String entry) {
        String path = entry.replace(File.separatorChar, '/');
        return path.contains("/org/apache/fory/") || path.contains("/org/ow2/asm/") || path.contains("/com/google/guava/");
    }

    private static int count(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
