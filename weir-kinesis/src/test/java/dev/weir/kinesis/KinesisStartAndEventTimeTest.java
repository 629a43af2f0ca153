package dev.weir.kinesis;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kinesis.source.KinesisStreamsSource;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.core.execution.JobClient;
import dev.weir.kinesis.local.Kinesalite;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.util.Collector;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The Kinesis source's starting position {@code LATEST}, the approximate arrival time as the records' timestamp, and
 * per-shard watermarks with idleness, against kinesalite.
 */
@Timeout(180)
class KinesisStartAndEventTimeTest {
    private static final ConcurrentLinkedQueue<String> OUT = new ConcurrentLinkedQueue<>();
    private static Kinesalite kinesis;
    private static KinesisClient client;

    @BeforeAll
    static void startKinesis() throws Exception {
        kinesis = TestKinesis.start();
        client = kinesis.client();
    }

    @AfterAll
    static void stopKinesis() throws Exception {
        if (client != null) {
            client.close();
        }
        if (kinesis != null) {
            kinesis.close();
        }
    }

    /** Collects into {@link #OUT}. */
    static final class Collect implements SinkFunction<String> {
        @Override
        public void invoke(String value, Context context) {
            OUT.add(value);
        }
    }

    private static KinesisStreamsSource<String> source(String stream, InitialPosition position) {
        Configuration config = Configuration.fromMap(kinesis.clientProperties());
        config.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, position);
        config.set(KinesisSourceConfigOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200));
        return KinesisStreamsSource.<String>builder().setStreamArn(Kinesalite.arn(stream)).setSourceConfig(config)
                .setDeserializationSchema(new SimpleStringSchema()).build();
    }

    /** Puts {@code data} into the shard whose hash range starts at {@code shard}'s starting hash key. */
    private static void put(String stream, Shard shard, String data) {
        client.putRecord(b -> b.streamName(stream).partitionKey("k").explicitHashKey(shard.hashKeyRange().startingHashKey())
                .data(SdkBytes.fromString(data, StandardCharsets.UTF_8)));
    }

    private static List<Shard> shards(String stream) {
        return client.listShards(b -> b.streamName(stream)).shards();
    }

    /** Every record of the stream's shard, read from its trim horizon. */
    private static List<Record> records(String stream, Shard shard) {
        String iterator = client.getShardIterator(b -> b.streamName(stream).shardId(shard.shardId()).shardIteratorType("TRIM_HORIZON"))
                .shardIterator();
        return client.getRecords(b -> b.shardIterator(iterator)).records();
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(90);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within 90 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void latestReadsOnlyRecordsPutAfterTheJobStartedReadingTheShard() throws Exception {
        OUT.clear();
        kinesis.createStream("latest", 1);
        Shard shard = shards("latest").get(0);
        for (int i = 0; i < 50; i++) {
            put("latest", shard, "before-" + i);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(source("latest", InitialPosition.LATEST), WatermarkStrategy.noWatermarks(), "kinesis").addSink(new Collect());
        JobClient job = env.executeAsync("latest");
        int probes = 0;
        try {
            // The job takes its LATEST iterator at some moment after it started: probes put before that are skipped, and
            // the first probe read shows that every record put from then on is read.
            long deadline = System.nanoTime() + SECONDS.toNanos(90);
            while (OUT.isEmpty()) {
                assertThat(System.nanoTime()).as("a probe read within 90 s").isLessThan(deadline);
                put("latest", shard, "probe-" + probes++);
                Thread.sleep(50);
            }
            for (int i = 0; i < 50; i++) {
                put("latest", shard, "after-" + i);
            }
            await("the 50 records put after the first probe was read", () -> OUT.stream().filter(l -> l.startsWith("after-")).count() >= 50);
        } finally {
            job.cancel().get(60, SECONDS);
        }
        List<String> out = new ArrayList<>(OUT);
        int firstProbe = Integer.parseInt(out.get(0).substring("probe-".length()));
        List<String> expected = new ArrayList<>();
        for (int p = firstProbe; p < probes; p++) {
            expected.add("probe-" + p);
        }
        for (int i = 0; i < 50; i++) {
            expected.add("after-" + i);
        }
        assertThat(out).as("read with LATEST after %d probes", probes).isEqualTo(expected);
    }

    /** Emits each record as {@code data@timestamp}. */
    static final class WithTimestamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    @Test
    void aRecordsTimestampIsItsApproximateArrivalTimeWhenTheWatermarkStrategyAssignsNone() throws Exception {
        OUT.clear();
        kinesis.createStream("arrival", 1);
        Shard shard = shards("arrival").get(0);
        for (int i = 0; i < 20; i++) {
            put("arrival", shard, "r" + i);
            Thread.sleep(3); // spreads the arrival times; the assertion compares with what Kinesis reports, whatever they are
        }
        List<String> expected = new ArrayList<>();
        for (Record record : records("arrival", shard)) {
            expected.add(record.data().asUtf8String() + "@" + record.approximateArrivalTimestamp().toEpochMilli());
        }
        assertThat(expected).hasSize(20);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(source("arrival", InitialPosition.TRIM_HORIZON), WatermarkStrategy.noWatermarks(), "kinesis")
                .process(new WithTimestamp()).addSink(new Collect());
        JobClient job = env.executeAsync("arrival");
        try {
            await("20 records read", () -> OUT.size() >= 20);
        } finally {
            job.cancel().get(60, SECONDS);
        }
        assertThat(new ArrayList<>(OUT)).isEqualTo(expected);
    }

    /** Registers an event-time timer at each record's timestamp and emits {@code fired <t>} when the watermark passes it. */
    static final class TimerAtTimestamp extends KeyedProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            ctx.timerService().registerEventTimeTimer(ctx.timestamp());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
            out.collect("fired " + timestamp);
        }
    }

    @Test
    void withIdlenessAShardThatStoppedAndAShardThatNeverHadDataDoNotHoldBackTheWatermarkOfTheOneThatFlows() throws Exception {
        OUT.clear();
        kinesis.createStream("idle", 3);
        List<Shard> shards = shards("idle");
        Shard flowing = shards.get(0);
        Shard stopped = shards.get(1);
        // shards.get(2) never gets a record.
        put("idle", stopped, "once");
        long once = records("idle", stopped).get(0).approximateArrivalTimestamp().toEpochMilli();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSource(source("idle", InitialPosition.TRIM_HORIZON),
                        WatermarkStrategy.<String>forMonotonousTimestamps().withIdleness(Duration.ofMillis(300)), "kinesis")
                .keyBy(line -> "all").process(new TimerAtTimestamp()).addSink(new Collect());
        JobClient job = env.executeAsync("idle");
        int ticks = 0;
        try {
            // One reader owns the three shards, so its watermark is the minimum over the shards that are not idle. Only
            // when the stopped and the empty shard are idle does a timer after the stopped shard's record fire.
            long deadline = System.nanoTime() + SECONDS.toNanos(90);
            while (OUT.stream().noneMatch(l -> Long.parseLong(l.substring("fired ".length())) > once)) {
                assertThat(System.nanoTime()).as("a timer later than the stopped shard's record fired within 90 s").isLessThan(deadline);
                put("idle", flowing, "tick-" + ticks++);
                Thread.sleep(50);
            }
        } finally {
            job.cancel().get(60, SECONDS);
        }
        List<Long> arrivals = new ArrayList<>();
        for (Shard shard : shards) {
            records("idle", shard).forEach(r -> arrivals.add(r.approximateArrivalTimestamp().toEpochMilli()));
        }
        List<Long> fired = OUT.stream().map(l -> Long.parseLong(l.substring("fired ".length()))).toList();
        assertThat(fired).as("timers fire in order, each at a record's arrival time").isSorted().isSubsetOf(arrivals);
        assertThat(fired).as("the stopped shard's record's timer fired").contains(once);
    }
}
