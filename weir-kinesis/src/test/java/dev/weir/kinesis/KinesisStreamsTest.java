package dev.weir.kinesis;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.connector.kinesis.sink.KinesisStreamsSink;
import dev.weir.connector.kinesis.source.KinesisStreamsSource;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.kinesis.local.Kinesalite;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.checkpoint.CommittedFiles;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Shard;

/** The Kinesis source and sink against kinesalite: resharding during a run, restore exactness, starting positions. */
@Timeout(180)
class KinesisStreamsTest {
    private static final ConcurrentLinkedQueue<String> OUT = new ConcurrentLinkedQueue<>();
    private static Kinesalite kinesis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKinesis() throws Exception {
        kinesis = TestKinesis.start();
    }

    @AfterAll
    static void stopKinesis() throws Exception {
        if (kinesis != null) {
            kinesis.close();
        }
    }

    /** Writes {@code key<i % 10>,<i>} for i in [from, to) through the sink, keyed by {@code key<i % 10>}, and waits for the end. */
    private static void produce(String stream, long from, long to) throws Exception {
        produce(stream, from, to, kinesis.clientProperties());
    }

    private static void produce(String stream, long from, long to, Map<String, String> clientProperties) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        Properties client = new Properties();
        client.putAll(clientProperties);
        env.fromSequence(from, to - 1).map(i -> "key" + (i % 10) + "," + i)
                .sinkTo(KinesisStreamsSink.<String>builder().setKinesisClientProperties(client).setStreamArn(Kinesalite.arn(stream))
                        .setSerializationSchema(new SimpleStringSchema()).setPartitionKeyGenerator(line -> line.substring(0, line.indexOf(',')))
                        .setMaxBatchSize(100).build());
        env.execute("produce " + stream);
    }

    private static KinesisStreamsSource<String> source(String stream, InitialPosition position, String timestamp) {
        return source(stream, position, timestamp, kinesis.clientProperties());
    }

    private static KinesisStreamsSource<String> source(String stream, InitialPosition position, String timestamp,
                                                       Map<String, String> clientProperties) {
        Configuration config = Configuration.fromMap(clientProperties);
        config.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, position);
        config.set(KinesisSourceConfigOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200));
        if (timestamp != null) {
            config.setString(KinesisSourceConfigOptions.STREAM_INITIAL_TIMESTAMP.key(), timestamp);
        }
        return KinesisStreamsSource.<String>builder().setStreamArn(Kinesalite.arn(stream)).setSourceConfig(config)
                .setDeserializationSchema(new SimpleStringSchema()).build();
    }

    private static List<String> expected(long from, long to) {
        List<String> lines = new ArrayList<>();
        for (long i = from; i < to; i++) {
            lines.add("key" + (i % 10) + "," + i);
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> sortedOut() {
        List<String> lines = new ArrayList<>(OUT);
        lines.sort(null);
        return lines;
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(90);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Collects into {@link #OUT}. */
    static final class Collect implements SinkFunction<String> {
        @Override
        public void invoke(String value, Context context) {
            OUT.add(value);
        }
    }

    @Test
    void aStreamSplitAndMergedWhileTheJobReadsItDeliversEveryRecordOnceAndInOrderPerKey() throws Exception {
        OUT.clear();
        kinesis.createStream("reshard", 2);
        produce("reshard", 0, 400);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.fromSource(source("reshard", InitialPosition.TRIM_HORIZON, null), WatermarkStrategy.noWatermarks(), "kinesis")
                .addSink(new Collect()).setParallelism(1);
        JobClient job = env.executeAsync("reshard");
        try (KinesisClient client = kinesis.client()) {
            await("400 records read", () -> OUT.size() >= 400);
            Shard parent = shards(client, "reshard").get(0);
            BigInteger start = new BigInteger(parent.hashKeyRange().startingHashKey());
            BigInteger end = new BigInteger(parent.hashKeyRange().endingHashKey());
            client.splitShard(b -> b.streamName("reshard").shardToSplit(parent.shardId())
                    .newStartingHashKey(start.add(end).shiftRight(1).toString()));
            Kinesalite.awaitActive(client, "reshard");
            produce("reshard", 400, 800);
            await("800 records read", () -> OUT.size() >= 800);
            List<Shard> children = shards(client, "reshard").stream().filter(s -> parent.shardId().equals(s.parentShardId())).toList();
            assertThat(children).hasSize(2);
            client.mergeShards(b -> b.streamName("reshard").shardToMerge(children.get(0).shardId())
                    .adjacentShardToMerge(children.get(1).shardId()));
            Kinesalite.awaitActive(client, "reshard");
            produce("reshard", 800, 1200);
            await("1200 records read", () -> OUT.size() >= 1200);
            assertThat(shards(client, "reshard")).hasSize(5);
        } finally {
            job.cancel().get(60, SECONDS);
        }
        assertThat(sortedOut()).isEqualTo(expected(0, 1200));
        Map<String, Long> last = new HashMap<>();
        for (String line : OUT) {
            String key = line.substring(0, line.indexOf(','));
            long i = Long.parseLong(line.substring(line.indexOf(',') + 1));
            assertThat(i).as("order of %s: %s after %s", key, i, last.get(key)).isGreaterThan(last.getOrDefault(key, -1L));
            last.put(key, i);
        }
    }

    private static List<Shard> shards(KinesisClient client, String stream) {
        return client.listShards(b -> b.streamName(stream)).shards();
    }

    @Test
    void aJobCancelledWhileReadingAndRestoredFromItsCheckpointCommitsEveryRecordExactlyOnce() throws Exception {
        kinesis.createStream("exact", 2);
        produce("exact", 0, 1_000);
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");

        JobClient first = startExactJob(out, checkpoints, null);
        try {
            await("the first 1,000 records committed", () -> committed(out) >= 1_000);
            // Records the cancelled run may have read but not committed: the restored run must emit them once.
            produce("exact", 1_000, 1_500);
        } finally {
            first.cancel().get(60, SECONDS);
        }
        int afterFirstRun = committed(out);
        produce("exact", 1_500, 2_000);
        Path restore = ChildJob.newestJobFolderWithACompletedCheckpoint(checkpoints).orElseThrow();
        JobClient second = startExactJob(out, checkpoints, restore.toString());
        try {
            await("every record committed", () -> committed(out) >= 2_000);
        } finally {
            second.cancel().get(60, SECONDS);
        }
        System.out.printf("KinesisStreamsTest: %d of 2000 lines committed before the cancel, restored from %s%n", afterFirstRun,
                restore.getFileName());
        assertThat(afterFirstRun).as("lines committed by the cancelled run").isBetween(1_000, 1_500);
        assertThat(CommittedFiles.difference(expected(0, 2_000), CommittedFiles.sortedLines(out))).isEqualTo("same");
    }

    private static int committed(Path out) {
        try {
            return CommittedFiles.sortedLines(out).size();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0; // a part file renamed while listed: read again at the next poll
        }
    }

    private JobClient startExactJob(Path out, Path checkpoints, String restore) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (restore != null) {
            env.setRestorePath(restore, false);
        }
        env.fromSource(source("exact", InitialPosition.TRIM_HORIZON, null), WatermarkStrategy.noWatermarks(), "kinesis").uid("kinesis")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).withRollingPolicy(OnCheckpointRollingPolicy.build())
                        .build()).uid("files");
        return env.executeAsync("exact");
    }

    @Test
    void atTimestampStartsAtTheFirstRecordThatArrivedAtOrAfterIt() throws Exception {
        OUT.clear();
        kinesis.createStream("timed", 1);
        produce("timed", 0, 50);
        Instant lastOfFirst;
        try (KinesisClient client = kinesis.client()) {
            String shard = shards(client, "timed").get(0).shardId();
            String iterator = client.getShardIterator(b -> b.streamName("timed").shardId(shard).shardIteratorType("TRIM_HORIZON")).shardIterator();
            var records = client.getRecords(b -> b.shardIterator(iterator)).records();
            assertThat(records).hasSize(50);
            lastOfFirst = records.get(49).approximateArrivalTimestamp();
        }
        Instant after = lastOfFirst.plusMillis(1);
        while (Instant.now().isBefore(after.plusMillis(1))) {
            Thread.sleep(1);
        }
        produce("timed", 50, 100);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(source("timed", InitialPosition.AT_TIMESTAMP, after.toString()), WatermarkStrategy.noWatermarks(), "kinesis")
                .addSink(new Collect());
        JobClient job = env.executeAsync("timed");
        try {
            await("50 records read", () -> OUT.size() >= 50);
            Thread.sleep(300);
        } finally {
            job.cancel().get(60, SECONDS);
        }
        assertThat(sortedOut()).isEqualTo(expected(50, 100));
    }

    @Test
    void throttledGetRecordsBackOffAndPartlyRejectedPutRecordsAreRetriedRecordByRecord() throws Exception {
        OUT.clear();
        kinesis.createStream("throttled", 1);
        try (FaultyKinesisProxy proxy = new FaultyKinesisProxy(kinesis.endpoint())) {
            Map<String, String> viaProxy = new HashMap<>(kinesis.clientProperties());
            viaProxy.put(dev.weir.connector.aws.config.AWSConfigConstants.AWS_ENDPOINT, proxy.endpoint());
            proxy.putRecordsToFailPartly.set(2);
            produce("throttled", 0, 300, viaProxy);
            // The first call sends 100 and 50 are rejected; the second sends only those 50 again, and 25 are rejected.
            assertThat(proxy.rejectedPutRecords.get()).as("records the first two PutRecords calls rejected").isEqualTo(75);

            proxy.getRecordsToThrottle.set(8);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            env.fromSource(source("throttled", InitialPosition.TRIM_HORIZON, null, viaProxy), WatermarkStrategy.noWatermarks(), "kinesis")
                    .addSink(new Collect());
            JobClient job = env.executeAsync("throttled");
            try {
                await("300 records read", () -> OUT.size() >= 300);
                Thread.sleep(300);
            } finally {
                job.cancel().get(60, SECONDS);
            }
            assertThat(proxy.throttledGetRecords.get()).as("GetRecords calls answered with ProvisionedThroughputExceeded").isEqualTo(8);
        }
        assertThat(sortedOut()).as("every record written once despite the rejections, read once despite the throttling")
                .isEqualTo(expected(0, 300));
    }
}
