package dev.weir.examples.kinesis;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kinesis.sink.KinesisStreamsSink;
import dev.weir.connector.kinesis.source.KinesisStreamsSource;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.core.execution.JobClient;
import dev.weir.examples.kafka.MovingAverage;
import dev.weir.examples.kafka.MovingAverage.Reading;
import dev.weir.kinesis.local.Kinesalite;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * The tutorial's challenge with Kinesis in and out: readings ({@code sensor,epoch millis,value}) from stream
 * {@code sensor-readings}, keyed by sensor, a 10-minute event-time window sliding every minute, the averages written to
 * stream {@code sensor-averages}. {@code ./weir kinesis-demo} starts kinesalite (a local Kinesis API on Node.js,
 * installed from npm on first use), feeds generated readings through a {@code KinesisStreamsSink}, runs the job, and
 * prints the averages read back.
 */
public final class KinesisMovingAverage {
    static final String READINGS = "sensor-readings";
    static final String AVERAGES = "sensor-averages";
    private static final int SENSORS = 5;
    private static final int PER_SENSOR = 180;
    /** Windows whose end the watermark (last reading - 5 s) passes: ends 1..29 minutes after the first reading. */
    private static final int EXPECTED = SENSORS * 29;

    private KinesisMovingAverage() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            System.err.println("usage: ./weir kinesis-demo");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("user.home"), ".cache", "weir", "kinesalite");
        System.out.println("Starting kinesalite (a local Kinesis API; first use installs it with npm into " + home + ")...");
        try (Kinesalite kinesis = Kinesalite.start(home)) {
            Map<String, String> aws = kinesis.clientProperties();
            kinesis.createStream(READINGS, 2);
            kinesis.createStream(AVERAGES, 1);
            System.out.println("Kinesis at " + kinesis.endpoint() + "; writing " + SENSORS + " sensors x " + PER_SENSOR
                    + " readings (30 minutes) to " + READINGS);
            produce(aws);

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.enableCheckpointing(500);
            Configuration sourceConfig = Configuration.fromMap(aws);
            sourceConfig.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, KinesisSourceConfigOptions.InitialPosition.TRIM_HORIZON);
            KinesisStreamsSource<String> source = KinesisStreamsSource.<String>builder().setStreamArn(Kinesalite.arn(READINGS))
                    .setSourceConfig(sourceConfig).setDeserializationSchema(new SimpleStringSchema()).build();
            MovingAverage.averages(env.fromSource(source, WatermarkStrategy.<String>forBoundedOutOfOrderness(Duration.ofSeconds(5))
                            .withTimestampAssigner((line, ts) -> Long.parseLong(line.split(",")[1])), READINGS).uid("readings")
                            .map(line -> {
                                String[] f = line.split(",");
                                return new Reading(f[0], Double.parseDouble(f[2]));
                            }))
                    .sinkTo(sink(aws, AVERAGES, line -> line.substring(0, line.indexOf(',')))).uid("averages-sink");
            long t0 = System.nanoTime();
            JobClient job = env.executeAsync("kinesis-moving-average");
            List<String> out;
            try (KinesisClient client = kinesis.client()) {
                out = readAverages(client);
            } finally {
                job.cancel().get();
            }
            System.out.printf(Locale.ROOT, "%d averages read back from %s after %d ms:%n", out.size(), AVERAGES,
                    (System.nanoTime() - t0) / 1_000_000);
            out.stream().limit(12).forEach(line -> System.out.println("  " + line));
            System.out.println("  ... " + out.size() + " averages in all (sensor,window end,average,readings); the windows "
                    + "after the last reading fire when later readings move the watermark on");
        }
    }

    private static KinesisStreamsSink<String> sink(Map<String, String> aws, String stream,
                                                   dev.weir.connector.kinesis.sink.PartitionKeyGenerator<String> key) {
        Properties client = new Properties();
        client.putAll(aws);
        return KinesisStreamsSink.<String>builder().setKinesisClientProperties(client).setStreamName(stream)
                .setSerializationSchema(new SimpleStringSchema()).setPartitionKeyGenerator(key).build();
    }

    /** The readings, written by a bounded Weir job through the Kinesis sink. */
    private static void produce(Map<String, String> aws) throws Exception {
        long start = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromSequence(0, (long) SENSORS * PER_SENSOR - 1).map(n -> {
            long i = n / SENSORS;
            long s = n % SENSORS;
            return String.format(Locale.ROOT, "sensor-%d,%d,%.1f", s, start + i * 10_000L, 20 + s + (i % 7) * 0.5);
        }).sinkTo(sink(aws, READINGS, line -> line.substring(0, line.indexOf(','))));
        env.execute("write-readings");
    }

    /** The averages in the output stream's one shard, once all expected arrived (or nothing new for 10 s). */
    private static List<String> readAverages(KinesisClient client) throws InterruptedException {
        String shard = client.listShards(b -> b.streamName(AVERAGES)).shards().get(0).shardId();
        String iterator = client.getShardIterator(b -> b.streamName(AVERAGES).shardId(shard).shardIteratorType("TRIM_HORIZON"))
                .shardIterator();
        List<String> out = new ArrayList<>();
        long lastNew = System.currentTimeMillis();
        while (out.size() < EXPECTED && System.currentTimeMillis() - lastNew < 10_000) {
            String current = iterator;
            var response = client.getRecords(b -> b.shardIterator(current));
            for (Record r : response.records()) {
                out.add(new String(r.data().asByteArray(), StandardCharsets.UTF_8));
                lastNew = System.currentTimeMillis();
            }
            iterator = response.nextShardIterator();
            Thread.sleep(200);
        }
        return out;
    }
}
