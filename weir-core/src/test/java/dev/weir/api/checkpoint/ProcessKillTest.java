package dev.weir.api.checkpoint;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.StreamExecutionEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process kill: {@link StatefulJob} with its exactly-once file sink runs in a child JVM ({@link KillableJobMain}),
 * which is killed with SIGKILL at seeded random moments (after the run's first completed checkpoint, so every run
 * makes progress), each time restarted from the killed run's checkpoint folder, and finally left to finish. What the sink committed over all runs equals
 * the failure-free output exactly. {@code -Dweir.kill.seed=<n>} replays other moments.
 */
@Timeout(150)
class ProcessKillTest {
    private static final long N = 40_000;
    private static final long PER_SECOND = 10_000;
    private static final int KILLS = 3;
    private static final long SEED = Long.getLong("weir.kill.seed", 5L);

    @TempDir
    Path dir;

    @Test
    void aJobKilledThreeTimesBySigkillAndRestartedFromItsCheckpointFolderCommitsExactlyTheFailureFreeOutput() throws Exception {
        List<String> expected = failureFreeOutput();
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(SEED);
        List<String> restoredFrom = new ArrayList<>();

        for (int run = 0; run < KILLS; run++) {
            Optional<Path> restore = newestJobFolderWithACompletedCheckpoint(checkpoints);
            restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
            Path log = dir.resolve("run-" + run + ".log");
            Process child = start(out, checkpoints, restore, log);
            long firstCheckpointMillis;
            int delay;
            try {
                String jobId = awaitRunning(child, log);
                long started = System.nanoTime();
                awaitACompletedCheckpoint(checkpoints.resolve(KillableJobMain.JOB_NAME + "-" + jobId), child, log);
                firstCheckpointMillis = (System.nanoTime() - started) / 1_000_000;
                // Anywhere in the following checkpoint cycles: while writing one, committing one, or between them.
                delay = random.nextInt(700);
                Thread.sleep(delay);
                assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, read(log))
                        .isTrue();
            } finally {
                child.destroyForcibly();
                assertThat(child.waitFor(30, SECONDS)).as("run %d ended after SIGKILL", run).isTrue();
            }
            System.out.printf("ProcessKillTest (seed %d): run %d restored from %s, first checkpoint after %d ms, killed %d ms later; "
                    + "%d lines committed so far%n", SEED, run, restore.map(Path::getFileName).orElse(null), firstCheckpointMillis,
                    delay, CommittedFiles.sortedLines(out).size());
        }

        Optional<Path> restore = newestJobFolderWithACompletedCheckpoint(checkpoints);
        restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
        Path log = dir.resolve("run-last.log");
        Process last = start(out, checkpoints, restore, log);
        try {
            assertThat(last.waitFor(90, SECONDS)).as("the last run finished").isTrue();
        } finally {
            last.destroyForcibly();
        }
        assertThat(last.exitValue()).as("exit code of the last run; its log:%n%s", read(log)).isZero();

        assertThat(restoredFrom).as("every restart restored the killed run's checkpoint folder (seed %d)", SEED)
                .hasSize(KILLS).doesNotHaveDuplicates();
        assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out)))
                .as("committed output after %d kills (seed %d), restored from %s", KILLS, SEED, restoredFrom)
                .isEqualTo("same");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".inprogress")))
                    .as("uncommitted files left by the killed runs").isEmpty();
        }
    }

    private List<String> failureFreeOutput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        StatefulJob.build(env, N, 1_000_000_000, 2, dir.resolve("clean"), true);
        env.execute(KillableJobMain.JOB_NAME);
        List<String> lines = CommittedFiles.sortedLines(dir.resolve("clean"));
        assertThat(lines).hasSizeGreaterThan((int) N);
        return lines;
    }

    private static Process start(Path out, Path checkpoints, Optional<Path> restore, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), KillableJobMain.class.getName(),
                out.toString(), checkpoints.toString(), Long.toString(N), Long.toString(PER_SECOND)));
        restore.ifPresent(folder -> command.add(folder.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits for the child's job to run and returns its job id. */
    private static String awaitRunning(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(60);
        Pattern running = Pattern.compile("RUNNING (\\S+)");
        while (true) {
            Matcher m = running.matcher(read(log));
            if (m.find()) {
                return m.group(1);
            }
            assertThat(child.isAlive()).as("the child JVM ended before its job ran; its log:%n%s", read(log)).isTrue();
            assertThat(System.nanoTime()).as("the child JVM started its job within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Waits until the child's job completed a checkpoint of its own, so the kill always loses progress to restore. */
    private static void awaitACompletedCheckpoint(Path jobFolder, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(60);
        while (!newestJobFolderWithACompletedCheckpoint(jobFolder.getParent()).map(jobFolder::equals).orElse(false)) {
            assertThat(child.isAlive()).as("the child JVM ended before its first checkpoint; its log:%n%s", read(log)).isTrue();
            assertThat(System.nanoTime()).as("the child's job completed a checkpoint within 60 s in %s", jobFolder).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * The job folder ({@code <checkpoints>/<job name>-<job id>}) holding the highest completed checkpoint: checkpoint ids
     * continue past the restored one, so it is the newest run's that completed any.
     */
    static Optional<Path> newestJobFolderWithACompletedCheckpoint(Path checkpoints) throws IOException {
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

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
