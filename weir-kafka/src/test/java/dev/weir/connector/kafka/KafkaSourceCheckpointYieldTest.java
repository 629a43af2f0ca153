package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.streaming.api.checkpoint.SlowOnceCheckpointStarts;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.DiscardingSink;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka reader ends its poll when a checkpoint waits: all 5,000 records of the topic come in one consumer poll
 * ({@code max.poll.records} 10,000), and a slow map chained to the source must see a checkpoint complete long before
 * the last of them (5 s of slow records leave a loaded machine's checkpoint time to complete). Before the reader
 * asked {@code ReaderYield}, the whole poll went through the slow map first.
 */
@Timeout(180)
class KafkaSourceCheckpointYieldTest {
    private static final int RECORDS = 5000;

    @TempDir
    Path dir;

    @Test
    void aCheckpointCompletesInTheMiddleOfOneConsumerPollsRecords() throws Exception {
        String topic = SharedKafka.newTopic("yield", 1);
        SharedKafka.write(topic, 0, 1000, IntStream.range(0, RECORDS).mapToObj(Integer::toString).toArray(String[]::new));
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setProperty("max.poll.records", "10000").setValueOnlyDeserializer(new SimpleStringSchema()).build();
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        SlowOnceCheckpointStarts.SEEN_AT_FIRST_COMPLETION.set(-1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
                .map(new SlowOnceCheckpointStarts<String>(checkpoints.toString()))
                .keyBy(v -> v.length()).addSink(new DiscardingSink<>());
        env.execute("kafka-yield");

        assertThat(SlowOnceCheckpointStarts.SEEN_AT_FIRST_COMPLETION.get()).as("records through the slow map when the first checkpoint completed")
                .isBetween(10L, RECORDS - 1L);
    }
}
