package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.connector.kafka.source.KafkaSource;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.DiscardingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka reader ends its poll when a checkpoint waits: all 1,000 records of the topic come in one consumer poll
 * ({@code max.poll.records} 5,000), and a slow map chained to the source must see a checkpoint complete long before
 * the last of them. Before the reader asked {@code ReaderYield}, the whole poll went through the slow map first.
 */
@Timeout(180)
class KafkaSourceCheckpointYieldTest {
    private static final int RECORDS = 1000;
    /** How many records the slow map had seen when it first heard of a completed checkpoint; -1 before that. */
    static final AtomicLong SEEN_AT_FIRST_COMPLETION = new AtomicLong(-1);

    @TempDir
    Path dir;

    @Test
    void aCheckpointCompletesInTheMiddleOfOneConsumerPollsRecords() throws Exception {
        String topic = SharedKafka.newTopic("yield", 1);
        SharedKafka.write(topic, 0, 1000, IntStream.range(0, RECORDS).mapToObj(Integer::toString).toArray(String[]::new));
        KafkaSource<String> source = KafkaSource.<String>builder().setBootstrapServers(SharedKafka.bootstrap()).setTopics(topic)
                .setStartingOffsets(OffsetsInitializer.earliest()).setBounded(OffsetsInitializer.latest())
                .setProperty("max.poll.records", "5000").setValueOnlyDeserializer(new SimpleStringSchema()).build();
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        SEEN_AT_FIRST_COMPLETION.set(-1);
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kafka")
                .map(new SlowOnceCheckpointStarts(checkpoints.toString()))
                .keyBy(v -> v.length()).addSink(new DiscardingSink<>());
        env.execute("kafka-yield");

        assertThat(SEEN_AT_FIRST_COMPLETION.get()).as("records through the slow map when the first checkpoint completed")
                .isBetween(10L, RECORDS - 1L);
    }

    /**
     * Passes nine records at full speed; from the tenth, blocks until a checkpoint has started (its {@code chk-} folder
     * exists), then takes a millisecond per record until a checkpoint completed.
     */
    static final class SlowOnceCheckpointStarts extends RichMapFunction<String, String> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String checkpoints;
        private long seen;

        SlowOnceCheckpointStarts(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public String map(String value) throws Exception {
            seen++;
            if (seen >= 10 && SEEN_AT_FIRST_COMPLETION.get() < 0) {
                long giveUp = System.nanoTime() + 60_000_000_000L; // against a hang only
                while (!started() && System.nanoTime() < giveUp) {
                    Thread.sleep(1);
                }
                Thread.sleep(1);
            }
            return value;
        }

        private boolean started() throws IOException {
            Path root = Path.of(checkpoints);
            if (!Files.isDirectory(root)) {
                return false;
            }
            try (Stream<Path> paths = Files.walk(root, 2)) {
                return paths.anyMatch(p -> p.getFileName().toString().startsWith("chk-"));
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            SEEN_AT_FIRST_COMPLETION.compareAndSet(-1, seen);
        }
    }
}
