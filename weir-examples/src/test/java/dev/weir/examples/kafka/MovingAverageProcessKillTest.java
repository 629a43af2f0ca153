package dev.weir.examples.kafka;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.StreamExecutionEnvironment;
import dev.weir.connector.kafka.embedded.EmbeddedKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process kill through a real broker: the broker runs in this JVM, the moving-average job with its exactly-once Kafka
 * sink in a child JVM ({@link KillableMovingAverageMain}), which is killed with SIGKILL at seeded random moments after
 * the run's first completed checkpoint, each time restarted from the killed run's checkpoint folder, and finally left
 * to finish. The last kill lands after the input ended, inside a transaction writing the final averages: the sink's
 * transaction timeout is ten minutes, so only the restart can abort it (the restored final checkpoint's committables
 * are written again under their own ids, and each writer aborts the open transactions its subtask owns). What a
 * read_committed consumer sees, within 20 seconds of the end, equals the failure-free output exactly.
 * {@code -Dweir.kill.seed=<n>} replays other moments.
 */
@Timeout(120)
class MovingAverageProcessKillTest {
    private static final int SENSORS = 10;
    private static final int PER_SENSOR = 2_000;
    private static final int KILLS = 3;
    private static final long SEED = Long.getLong("weir.kill.seed", 7L);

    @TempDir
    Path dir;

    @Test
    void theCommittedAveragesOfAJobKilledThreeTimesBySigkillEqualTheFailureFreeOnesExactly() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "readings", 4);
            MovingAverage.createTopic(bootstrap, "clean", 2);
            MovingAverage.createTopic(bootstrap, "killed", 2);
            MovingAverage.generate(bootstrap, "readings", SENSORS, PER_SENSOR);
            List<String> expected = failureFreeOutput(bootstrap);

            Path checkpoints = dir.resolve("checkpoints");
            Random random = new Random(SEED);
            List<String> restoredFrom = new ArrayList<>();
            for (int run = 0; run < KILLS; run++) {
                Optional<Path> restore = newestJobFolderWithACompletedCheckpoint(checkpoints);
                restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
                Path log = dir.resolve("run-" + run + ".log");
                Process child = start(bootstrap, checkpoints, restore, log);
                int delay;
                try {
                    String jobId = awaitRunning(child, log);
                    awaitACompletedCheckpoint(checkpoints.resolve(KillableMovingAverageMain.JOB_NAME + "-" + jobId), child, log);
                    if (run == KILLS - 1) {
                        // The final averages are committed when the job ends: the last kill lands among those transactions.
                        awaitInputEnded(child, log);
                        awaitAnOpenTransaction(bootstrap, child, log);
                        delay = random.nextInt(100);
                    } else {
                        // Anywhere in the following checkpoint cycles: while taking one, or between.
                        delay = random.nextInt(700);
                    }
                    Thread.sleep(delay);
                    assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED, read(log))
                            .isTrue();
                } finally {
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, SECONDS)).as("run %d ended after SIGKILL", run).isTrue();
                }
                System.out.printf("MovingAverageProcessKillTest (seed %d): run %d restored from %s, killed %d ms after %s; output topic's"
                        + " last stable offsets %s, ends %s%n", SEED, run, restore.map(Path::getFileName).orElse(null), delay,
                        run == KILLS - 1 ? "its input ended and a transaction was open" : "its first checkpoint",
                        endOffsets(bootstrap, "killed", "read_committed"), endOffsets(bootstrap, "killed", "read_uncommitted"));
            }

            Optional<Path> restore = newestJobFolderWithACompletedCheckpoint(checkpoints);
            restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
            Path log = dir.resolve("run-last.log");
            Process last = start(bootstrap, checkpoints, restore, log);
            try {
                assertThat(last.waitFor(60, SECONDS)).as("the last run finished").isTrue();
            } finally {
                last.destroyForcibly();
            }
            assertThat(last.exitValue()).as("exit code of the last run; its log:%n%s", read(log)).isZero();

            assertThat(restoredFrom).as("every restart restored the killed run's checkpoint folder (seed %d)", SEED)
                    .hasSize(KILLS).doesNotHaveDuplicates();
            List<String> actual = readAllCommitted(bootstrap, "killed");
            assertThat(actual).as("committed averages after %d kills (seed %d), restored from %s", KILLS, SEED, restoredFrom)
                    .isEqualTo(expected);
        }
    }

    private List<String> failureFreeOutput(String bootstrap) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-clean").toString());
        KillableMovingAverageMain.build(env, bootstrap, "clean", "eos-clean");
        env.execute("moving-average-clean");
        List<String> lines = readAllCommitted(bootstrap, "clean");
        // 2,000 readings 10 s apart span 20,000 s: windows end every minute from the first reading to 10 min after the last.
        assertThat(lines).hasSize(SENSORS * (333 + 10));
        return lines;
    }

    private static Process start(String bootstrap, Path checkpoints, Optional<Path> restore, Path log) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), KillableMovingAverageMain.class.getName(),
                bootstrap, "killed", "eos-killed", checkpoints.toString()));
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
    private static Optional<Path> newestJobFolderWithACompletedCheckpoint(Path checkpoints) throws IOException {
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

    /**
     * The sorted committed lines once every transaction in the topic is decided: a commit returns before its markers are
     * written, and a read_committed consumer ends at the first undecided transaction. A transaction a kill left open
     * and no restarted writer aborted stays undecided for the sink's transaction timeout, ten minutes, so it fails here
     * rather than shortening the output.
     */
    private static List<String> readAllCommitted(String bootstrap, String topic) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(20);
        Map<TopicPartition, Long> committedEnd = endOffsets(bootstrap, topic, "read_committed");
        Map<TopicPartition, Long> end = endOffsets(bootstrap, topic, "read_uncommitted");
        while (!committedEnd.equals(end)) {
            assertThat(System.nanoTime()).as("every transaction in %s was decided within 20 s: last stable offsets %s, ends %s",
                    topic, committedEnd, end).isLessThan(deadline);
            Thread.sleep(50);
            committedEnd = endOffsets(bootstrap, topic, "read_committed");
            end = endOffsets(bootstrap, topic, "read_uncommitted");
        }
        return sorted(MovingAverage.readCommitted(bootstrap, topic));
    }

    /** Waits until both of the child's sink subtasks printed that their input ended. */
    private static void awaitInputEnded(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(60);
        while (!(read(log).contains("INPUT ENDED 0") && read(log).contains("INPUT ENDED 1"))) {
            assertThat(child.isAlive()).as("the child JVM ended before its input did; its log:%n%s", read(log)).isTrue();
            assertThat(System.nanoTime()).as("the child's input ended within 60 s").isLessThan(deadline);
            Thread.sleep(2);
        }
    }

    /** Waits until the output topic has a transaction not yet decided: its last stable offsets fall short of its ends. */
    private static void awaitAnOpenTransaction(String bootstrap, Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + SECONDS.toNanos(60);
        try (KafkaConsumer<byte[], byte[]> committed = consumer(bootstrap, "read_committed");
             KafkaConsumer<byte[], byte[]> uncommitted = consumer(bootstrap, "read_uncommitted")) {
            List<TopicPartition> parts = committed.partitionsFor("killed").stream().map(i -> new TopicPartition("killed", i.partition())).toList();
            while (committed.endOffsets(parts).equals(uncommitted.endOffsets(parts))) {
                assertThat(child.isAlive()).as("the child JVM ended before it wrote its final averages; its log:%n%s", read(log)).isTrue();
                assertThat(System.nanoTime()).as("the child wrote its final averages within 60 s").isLessThan(deadline);
            }
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap, String isolation) {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap, "isolation.level", isolation),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic, String isolation) {
        try (KafkaConsumer<byte[], byte[]> c = consumer(bootstrap, isolation)) {
            return c.endOffsets(c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList());
        }
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy;
    }

    private static String read(Path log) throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
