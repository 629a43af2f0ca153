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
import dev.weir.streaming.api.checkpoint.SlowOnceCheckpointStarts;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.DiscardingSink;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * The Kinesis reader ends its poll in the middle of a GetRecords batch when a checkpoint waits: the 5,000 records of the
 * shard come in one batch, and a slow map chained to the source sees a checkpoint complete before the last of them
 * (5 s of slow records leave a loaded machine's checkpoint time to complete).
 */
@Timeout(180)
class KinesisCheckpointYieldTest {
    private static final int RECORDS = 5000;
    private static Kinesalite kinesis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKinesis() throws Exception {
        kinesis = TestKinesis.shared();
    }

    @Test
    void aCheckpointCompletesInTheMiddleOfOneGetRecordsBatch() throws Exception {
        kinesis.createStream("yield", 1);
        try (KinesisClient client = kinesis.client()) {
            for (int from = 0; from < RECORDS; from += 500) {
                List<PutRecordsRequestEntry> entries = IntStream.range(from, from + 500).mapToObj(i -> PutRecordsRequestEntry.builder()
                        .partitionKey("k").data(SdkBytes.fromUtf8String(Integer.toString(i))).build()).toList();
                assertThat(client.putRecords(b -> b.streamName("yield").records(entries)).failedRecordCount()).isZero();
            }
        }
        Configuration config = Configuration.fromMap(kinesis.clientProperties());
        config.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, InitialPosition.TRIM_HORIZON);
        KinesisStreamsSource<String> source = KinesisStreamsSource.<String>builder().setStreamArn(Kinesalite.arn("yield"))
                .setSourceConfig(config).setDeserializationSchema(new SimpleStringSchema()).build();
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        SlowOnceCheckpointStarts.SEEN_AT_FIRST_COMPLETION.set(-1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kinesis")
                .map(new SlowOnceCheckpointStarts<String>(checkpoints.toString()))
                .keyBy(String::length).addSink(new DiscardingSink<>());
        JobClient job = env.executeAsync("kinesis-yield");
        try {
            long giveUp = System.nanoTime() + SECONDS.toNanos(120); // against a hang only
            while (SlowOnceCheckpointStarts.SEEN_AT_FIRST_COMPLETION.get() < 0 && System.nanoTime() < giveUp) {
                Thread.sleep(20);
            }
        } finally {
            job.cancel().get(60, SECONDS);
        }
        assertThat(SlowOnceCheckpointStarts.SEEN_AT_FIRST_COMPLETION.get()).as("records through the slow map when the first checkpoint completed")
                .isBetween(10L, RECORDS - 1L);
    }
}
