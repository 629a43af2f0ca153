package dev.weir.kinesis;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.connector.kinesis.source.KinesisStreamsSource;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.connector.kinesis.source.enumerator.KinesisShardAssigner;
import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import dev.weir.core.execution.JobClient;
import dev.weir.kinesis.local.Kinesalite;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * A merge whose two parents are read by different readers: the enumerator assigns the child only once both parents
 * are read to their end, so one partition key's records come out parents first, then the child; and a job restored
 * (at another parallelism) from a checkpoint taken while the child was being read emits every record exactly once.
 */
@Timeout(240)
class KinesisShardMergeTest {
    private static final ConcurrentLinkedQueue<String> OUT = new ConcurrentLinkedQueue<>();
    /** While true, the chained map takes this long over each record it is told to slow down. */
    static volatile long slowMillis;
    private static Kinesalite kinesis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKinesis() throws Exception {
        kinesis = TestKinesis.shared();
    }

    @Test
    void theChildOfAMergeWaitsForBothParentsReadByDifferentReadersSoOneKeysRecordsStayInOrder() throws Exception {
        OUT.clear();
        try (KinesisClient client = kinesis.client()) {
            List<Shard> parents = mergedStream(client, "merge-order", 5, 5);
            // Reader 1 takes a fifth of a second over each record of parent 1: without waiting for it, reader 0 would
            // read the child right after parent 0 and its records would come out before parent 1's.
            slowMillis = 200;
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.fromSource(source("merge-order", new ByParent(parents.get(0).shardId(), parents.get(1).shardId())),
                            WatermarkStrategy.noWatermarks(), "kinesis")
                    .map(new SlowFor("p1-")).keyBy(line -> line.substring(line.indexOf(',') + 1))
                    .addSink(new Collect()).setParallelism(1);
            JobClient job = env.executeAsync("merge-order");
            try {
                await("15 records read", () -> OUT.size() >= 15);
            } finally {
                job.cancel().get(60, SECONDS);
            }
        }
        List<String> out = new ArrayList<>(OUT);
        assertThat(out).hasSize(15);
        assertThat(out.subList(10, 15)).as("the child's records, last and in order").isEqualTo(lines("c-", 5));
        assertThat(out.subList(0, 10).stream().filter(l -> l.startsWith("p0-")).toList()).isEqualTo(lines("p0-", 5));
        assertThat(out.subList(0, 10).stream().filter(l -> l.startsWith("p1-")).toList()).isEqualTo(lines("p1-", 5));
    }

    @Test
    void aJobRestoredAtAnotherParallelismFromACheckpointTakenWhileTheChildWasReadEmitsEveryRecordOnce() throws Exception {
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        try (KinesisClient client = kinesis.client()) {
            mergedStream(client, "merge-restore", 50, 100);
        }
        slowMillis = 20;
        JobClient first = exactJob(out, checkpoints, null, 2);
        try {
            await("the parents and some of the child committed", () -> committed(out) >= 130);
        } finally {
            first.cancel().get(60, SECONDS);
        }
        int afterFirst = committed(out);
        slowMillis = 0;
        Path restore = ChildJob.newestJobFolderWithACompletedCheckpoint(checkpoints).orElseThrow();
        JobClient second = exactJob(out, checkpoints, restore.toString(), 3);
        try {
            await("every record committed", () -> committed(out) >= 200);
            Thread.sleep(500); // a record read twice would be committed by the next checkpoint, 100 ms on
        } finally {
            second.cancel().get(60, SECONDS);
        }
        System.out.printf("KinesisShardMergeTest: %d of 200 lines committed before the cancel%n", afterFirst);
        assertThat(afterFirst).as("committed by the first run").isBetween(130, 199);
        List<String> expected = new ArrayList<>();
        expected.addAll(lines("p0-", 50));
        expected.addAll(lines("p1-", 50));
        expected.addAll(lines("c-", 100));
        expected.sort(null);
        assertThat(CommittedFiles.difference(expected, CommittedFiles.sortedLines(out))).isEqualTo("same");
    }

    /**
     * A two-shard stream whose parents get {@code perParent} records each ({@code p0-i,k}, {@code p1-i,k}), merged, then
     * {@code inChild} records into the child ({@code c-i,k}), all with partition key {@code k}; returns the parents.
     */
    private static List<Shard> mergedStream(KinesisClient client, String stream, int perParent, int inChild) throws Exception {
        kinesis.createStream(stream, 2);
        List<Shard> parents = client.listShards(b -> b.streamName(stream)).shards();
        for (int p = 0; p < 2; p++) {
            String hashKey = parents.get(p).hashKeyRange().startingHashKey();
            put(client, stream, lines("p" + p + "-", perParent), hashKey);
        }
        client.mergeShards(b -> b.streamName(stream).shardToMerge(parents.get(0).shardId())
                .adjacentShardToMerge(parents.get(1).shardId()));
        Kinesalite.awaitActive(client, stream);
        put(client, stream, lines("c-", inChild), null);
        return parents;
    }

    /** Puts each line with partition key {@code k}, into the shard of {@code explicitHashKey} when it is not null. */
    private static void put(KinesisClient client, String stream, List<String> lines, String explicitHashKey) {
        for (String line : lines) {
            client.putRecord(b -> b.streamName(stream).partitionKey("k").explicitHashKey(explicitHashKey)
                    .data(SdkBytes.fromUtf8String(line)));
        }
    }

    private static List<String> lines(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i + ",k").toList();
    }

    private static KinesisStreamsSource<String> source(String stream, KinesisShardAssigner assigner) {
        Configuration config = Configuration.fromMap(kinesis.clientProperties());
        config.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, InitialPosition.TRIM_HORIZON);
        config.set(KinesisSourceConfigOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200));
        // Small batches: checkpoints fall between them while the child is read slowly.
        config.set(KinesisSourceConfigOptions.SHARD_GET_RECORDS_MAX, 5);
        var builder = KinesisStreamsSource.<String>builder().setStreamArn(Kinesalite.arn(stream)).setSourceConfig(config)
                .setDeserializationSchema(new SimpleStringSchema());
        if (assigner != null) {
            builder.setKinesisShardAssigner(assigner);
        }
        return builder.build();
    }

    private JobClient exactJob(Path out, Path checkpoints, String restore, int parallelism) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restore != null) {
            env.setRestorePath(restore, false);
        }
        env.fromSource(source("merge-restore", null), WatermarkStrategy.noWatermarks(), "kinesis").uid("kinesis")
                .map(new SlowFor("c-")).uid("slow")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build()).uid("files").setParallelism(1);
        return env.executeAsync("merge-restore");
    }

    private static int committed(Path out) {
        try {
            return CommittedFiles.sortedLines(out).size();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // a part file renamed while listed: read again at the next poll
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(120);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 120 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Parent 0 to reader 0, parent 1 to reader 1, the child to reader 0. */
    static final class ByParent implements KinesisShardAssigner {
        private static final long serialVersionUID = 1L;
        private final String parent0;
        private final String parent1;

        ByParent(String parent0, String parent1) {
            this.parent0 = parent0;
            this.parent1 = parent1;
        }

        @Override
        public int assign(KinesisShardSplit split, Context context) {
            assertThat(context.getRegisteredReaders()).hasSize(2);
            return split.getShardId().equals(parent1) ? 1 : 0;
        }
    }

    /** Passes records on, taking {@link #slowMillis} over each that starts with its prefix. */
    static final class SlowFor implements MapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final String prefix;

        SlowFor(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public String map(String line) throws Exception {
            if (line.startsWith(prefix) && slowMillis > 0) {
                Thread.sleep(slowMillis);
            }
            return line;
        }
    }

    /** Collects into {@link #OUT}. */
    static final class Collect implements SinkFunction<String> {
        @Override
        public void invoke(String value, Context context) {
            OUT.add(value);
        }
    }
}
