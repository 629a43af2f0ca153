package dev.weir.streaming.api.checkpoint;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.plan.DefaultConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A job's main class running in a child JVM, for tests that kill it with SIGKILL and restart it from its checkpoints:
 * started with this JVM's classpath and a small heap, its output in a log file that every failed wait prints. The
 * main class prints {@code RUNNING <job id>} once its job runs.
 */
public final class ChildJob {
    private final Process process;
    private final Path log;

    private ChildJob(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with {@code args}, its output (and errors) into {@code log}. */
    public static ChildJob start(Class<?> main, Path log, List<String> args) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path")));
        // The process's default configuration (e.g. state.backend.type when a suite runs on RocksDB) holds in the child too.
        DefaultConfiguration.load().toMap().forEach((key, value) -> command.add(2, "-D" + key + "=" + value));
        command.add(main.getName());
        command.addAll(args);
        return new ChildJob(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start(), log);
    }

    /**
     * The child's side, at the end of its {@code main}: prints {@code RUNNING <job id>}, waits for the job, then prints
     * {@code FINISHED} and exits 0, or prints the failure and exits 1 (the engine's threads would keep the JVM alive; the
     * test reads the exit code and the log).
     */
    public static void runToTheEnd(dev.weir.core.execution.JobClient client) {
        System.out.println("RUNNING " + client.getJobID());
        System.out.flush();
        try {
            client.getJobExecutionResult().get();
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.out.flush();
            System.exit(1);
        }
        System.out.println("FINISHED");
        System.out.flush();
        System.exit(0);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** What the child printed so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Waits for the child's job to run and returns its job id. */
    public String awaitRunning() throws Exception {
        Pattern running = Pattern.compile("RUNNING (\\S+)");
        String[] jobId = new String[1];
        awaitLog("its job ran", text -> {
            Matcher m = running.matcher(text);
            if (m.find()) {
                jobId[0] = m.group(1);
                return true;
            }
            return false;
        });
        return jobId[0];
    }

    /** Waits until the child's log satisfies {@code condition} (what is awaited, for the failure message). */
    public void awaitLog(String what, Predicate<String> condition) throws Exception {
        await(what, () -> condition.test(log()));
    }

    /**
     * Waits until the child's job completed a checkpoint in its own folder ({@code jobFolder}), so a kill always loses
     * progress to restore.
     */
    public void awaitACompletedCheckpoint(Path jobFolder) throws Exception {
        await("its job completed a checkpoint in " + jobFolder, () -> holdsACompletedCheckpoint(jobFolder));
    }

    /**
     * Polls {@code done} for up to 120 s, failing with the child's log when it ends first or time runs out (a first
     * checkpoint took 18 s at load 50 with two modules' tests at once, where it takes 1 s idle).
     */
    private void await(String what, Condition done) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(120);
        while (!done.holds()) {
            assertThat(isAlive()).as("the child JVM ended before %s; its log:%n%s", what, log()).isTrue();
            assertThat(System.nanoTime()).as("the child JVM: %s within 120 s", what).isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    /** A condition that may read files. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** SIGKILL, and waits for the process to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, SECONDS)).as("the child JVM ended after SIGKILL").isTrue();
    }

    /** Waits for the child to end by itself and returns its exit code; kills it after {@code seconds}. */
    public int awaitExit(long seconds) throws Exception {
        try {
            assertThat(process.waitFor(seconds, SECONDS)).as("the child JVM finished within %d s; its log:%n%s", seconds, log()).isTrue();
        } finally {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    /**
     * The killed run's own job folder ({@code <checkpoints>/<job name>-<job id>}), to restore the next run from; fails
     * naming it when it holds no completed checkpoint. Never the folder of another run picked by checkpoint id: a job
     * that ended before the kill deleted its folder, and "the newest" was then an earlier run's, whose restore replays
     * output the later runs had already committed.
     */
    public static Path killedRunsFolder(Path jobFolder) throws IOException {
        assertThat(holdsACompletedCheckpoint(jobFolder)).as("the killed run's checkpoint folder %s holds a completed checkpoint"
                + " (it holds none: the job ended and deleted its checkpoints before the kill, or never completed one; hold"
                + " the child's job open until the kill)", jobFolder).isTrue();
        return jobFolder;
    }

    /** Whether {@code jobFolder} holds a {@code chk-<id>} folder with its {@code _metadata}, the mark of a completed one. */
    static boolean holdsACompletedCheckpoint(Path jobFolder) throws IOException {
        if (!Files.isDirectory(jobFolder)) {
            return false;
        }
        try (Stream<Path> chks = Files.list(jobFolder)) {
            return chks.anyMatch(chk -> chk.getFileName().toString().startsWith("chk-") && Files.exists(chk.resolve("_metadata")));
        }
    }

    /**
     * The job folder ({@code <checkpoints>/<job name>-<job id>}) holding the highest completed checkpoint: checkpoint ids
     * continue past the restored one, so it is the newest run's that completed any. Only for a test's single restore;
     * a test that kills and restores repeatedly takes {@link #killedRunsFolder} of the run it killed.
     */
    public static Optional<Path> newestJobFolderWithACompletedCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        Path newest = null;
        long newestId = -1;
        try (Stream<Path> jobs = Files.list(checkpoints)) {
            for (Path job : (Iterable<Path>) jobs::iterator) {
                try (Stream<Path> chks = Files.list(job)) {
                    for (Path chk : (Iterable<Path>) chks::iterator) {
                        String name = chk.getFileName().toString();
                        if (name.startsWith("chk-") && Files.exists(chk.resolve("_metadata"))) {
                            long id = Long.parseLong(name.substring(4));
                            if (id > newestId) {
                                newestId = id;
                                newest = job;
                            }
                        }
                    }
                }
            }
        }
        return Optional.ofNullable(newest);
    }
}
