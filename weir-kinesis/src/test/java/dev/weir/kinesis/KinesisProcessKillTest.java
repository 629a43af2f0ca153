package dev.weir.kinesis;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.kinesis.local.Kinesalite;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Process kill of a Kinesis job: {@link KinesisKillableJobMain} (Kinesis in, a running count per key, an exactly-once
 * file sink) runs in a child JVM while this JVM keeps putting records into a two-shard stream on kinesalite. It is killed
 * with SIGKILL at seeded random moments after a checkpoint of its own committed output, restarted each time from the newest
 * completed checkpoint, and the last run is left until every record put is committed. Each record is committed exactly
 * once and with the count it has in a failure-free run: no record lost, none read twice, the keyed state restored with
 * the shards' sequence numbers. {@code -Dweir.kill.seed=<n>} replays other moments.
 */
// Against hangs only: kill tests ran past their old limits at load 50 with two modules' tests at once.
@Timeout(480)
class KinesisProcessKillTest {
    private static final String STREAM = "killed";
    private static final int KILLS = 2;
    private static final int KEYS = 10;
    private static final long SEED = Long.getLong("weir.kill.seed", 23L);

    @TempDir
    Path dir;

    @Test
    void aKinesisJobKilledBySigkillMidRunAndRestoredFromItsCheckpointsCommitsEveryRecordOnceWithItsExactCount() throws Exception {
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(SEED);
        List<String> restoredFrom = new ArrayList<>();
        long total;
        try (Kinesalite kinesis = TestKinesis.start(); KinesisClient client = kinesis.client()) {
            kinesis.createStream(STREAM, 2);
            Producer producer = new Producer(client);
            Thread producing = new Thread(producer, "kinesis-kill-test-producer");
            producing.start();
            try {
                for (int run = 0; run < KILLS; run++) {
                    Optional<Path> restore = ChildJob.newestJobFolderWithACompletedCheckpoint(checkpoints);
                    restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
                    int committedBefore = committed(out);
                    ChildJob child = start(kinesis, out, checkpoints, restore, dir.resolve("run-" + run + ".log"));
                    int delay;
                    try {
                        String jobId = child.awaitRunning();
                        child.awaitACompletedCheckpoint(checkpoints.resolve(KinesisKillableJobMain.JOB_NAME + "-" + jobId));
                        awaitCommitted(child, committedBefore + 1, "run " + run + " committed lines of its own");
                        delay = random.nextInt(700);
                        Thread.sleep(delay);
                        assertThat(child.isAlive()).as("run %d (seed %d) was still running when killed; its log:%n%s", run, SEED,
                                child.log()).isTrue();
                    } finally {
                        child.kill();
                    }
                    System.out.printf("KinesisProcessKillTest (seed %d): run %d restored from %s, killed %d ms after its first "
                                    + "commit; %d records put, %d lines committed so far%n", SEED, run, restore.orElse(null), delay,
                            producer.produced, CommittedFiles.sortedLines(out).size());
                }
            } finally {
                producer.stop.set(true);
                producing.join(60_000);
            }
            assertThat(producer.failure.get()).as("the producer's failure").isNull();
            total = producer.produced;
            Optional<Path> restore = ChildJob.newestJobFolderWithACompletedCheckpoint(checkpoints);
            restore.ifPresent(folder -> restoredFrom.add(folder.getFileName().toString()));
            ChildJob last = start(kinesis, out, checkpoints, restore, dir.resolve("run-last.log"));
            try {
                awaitCommitted(last, total, "all " + total + " records committed");
            } finally {
                last.kill();
            }
        }
        assertThat(restoredFrom).as("every restart restored a killed run's job folder (seed %d)", SEED)
                .hasSize(KILLS).doesNotHaveDuplicates();
        assertThat(CommittedFiles.difference(expected(total), CommittedFiles.sortedLines(out)))
                .as("committed output of %d records after %d kills (seed %d), restored from %s", total, KILLS, SEED, restoredFrom)
                .isEqualTo("same");
    }

    /** {@code key<i % 10>,<i>,<i / 10 + 1>}: per key, the records arrive in order, so the count is the record's rank. */
    private static List<String> expected(long total) {
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            lines.add("key" + (i % KEYS) + "," + i + "," + (i / KEYS + 1));
        }
        lines.sort(null);
        return lines;
    }

    /** Waits until the sink committed at least {@code lines} lines, failing with the child's log if it ends first. */
    private void awaitCommitted(ChildJob child, long lines, String what) throws Exception {
        Path out = dir.resolve("out");
        long deadline = System.nanoTime() + SECONDS.toNanos(120);
        while (committed(out) < lines) {
            assertThat(child.isAlive()).as("the child JVM ended before %s; its log:%n%s", what, child.log()).isTrue();
            assertThat(System.nanoTime()).as("%s within 120 s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static int committed(Path out) {
        try {
            return CommittedFiles.sortedLines(out).size();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // a part file renamed while listed: read again at the next poll
        }
    }

    private static ChildJob start(Kinesalite kinesis, Path out, Path checkpoints, Optional<Path> restore, Path log) throws IOException {
        List<String> args = new ArrayList<>(List.of(out.toString(), checkpoints.toString(), kinesis.endpoint(), STREAM));
        restore.ifPresent(folder -> args.add(folder.toString()));
        return ChildJob.start(KinesisKillableJobMain.class, log, args);
    }

    /**
     * Puts {@code key<i % 10>,<i>} in order, 20 records a call with a pause between calls, until stopped: records keep
     * arriving while the child runs, so every kill has records in flight. Each key's records go to one shard in order.
     */
    private static final class Producer implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile long produced;
        private final KinesisClient client;

        Producer(KinesisClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    List<PutRecordsRequestEntry> entries = new ArrayList<>();
                    for (long i = produced; i < produced + 20; i++) {
                        entries.add(PutRecordsRequestEntry.builder().partitionKey("key" + (i % KEYS))
                                .data(SdkBytes.fromString("key" + (i % KEYS) + "," + i, StandardCharsets.UTF_8)).build());
                    }
                    var response = client.putRecords(b -> b.streamName(STREAM).records(entries));
                    if (response.failedRecordCount() != null && response.failedRecordCount() > 0) {
                        throw new IllegalStateException("kinesalite rejected " + response.failedRecordCount() + " records at " + produced);
                    }
                    produced += 20;
                    Thread.sleep(25); // paces the input so it spans the runs; correctness never depends on it
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }
    }
}
