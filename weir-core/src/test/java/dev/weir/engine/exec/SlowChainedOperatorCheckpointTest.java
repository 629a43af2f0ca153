package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.file.src.FileSource;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.DiscardingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checkpoint does not wait for a slow function chained to a source to get through the source's whole poll: Weir's
 * readers (number sequence, collection, data generator, text file) emit up to 1024 records per poll and end it early when a checkpoint request waits, and the barrier is
 * published downstream at once, not at the end of the source task's call (before, the 1000 records of this test were
 * one poll in one call, and the first checkpoint completed only after all of them).
 */
@Timeout(120)
class SlowChainedOperatorCheckpointTest {
    private static final long RECORDS = 1000;
    /** How many records the slow map had seen when it heard of each completed checkpoint. */
    static final List<Long> SEEN_AT_COMPLETION = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fromSequence", "fromData", "dataGenerator", "textFile"})
    void aCheckpointCompletesBetweenTwoRecordsOfOneSourcePoll(String source) throws Exception {
        SEEN_AT_COMPLETION.clear();
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        DataStream<Long> numbers = switch (source) {
            case "fromSequence" -> env.fromSequence(1, RECORDS);
            case "fromData" -> env.fromData(LongStream.rangeClosed(1, RECORDS).boxed().toList());
            case "dataGenerator" -> env.fromSource(new DataGeneratorSource<>(i -> i + 1, RECORDS),
                    WatermarkStrategy.noWatermarks(), "generator");
            default -> {
                Path lines = Files.write(dir.resolve("numbers.txt"),
                        LongStream.rangeClosed(1, RECORDS).mapToObj(Long::toString).toList());
                FileSource<String> file = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                        new dev.weir.core.fs.Path(lines.toString())).build();
                yield env.fromSource(file, WatermarkStrategy.noWatermarks(), "file").map(Long::valueOf);
            }
        };
        // The sink is a task of its own: the checkpoint completes only when the barrier reached it.
        numbers.map(new SlowUntilCheckpointed(checkpoints.toString())).keyBy(n -> n % 2).addSink(new DiscardingSink<>());
        env.execute("slow-chained-" + source);

        assertThat(SEEN_AT_COMPLETION).as("records the map had seen at each completed checkpoint")
                .anySatisfy(seen -> assertThat(seen).isBetween(10L, RECORDS - 1));
    }

    /**
     * From its tenth record on, waits for a checkpoint to be triggered (its folder appears), then takes a millisecond
     * per record until it hears that a checkpoint completed, so one can only complete inside the source's poll.
     */
    static final class SlowUntilCheckpointed extends RichMapFunction<Long, Long> implements CheckpointListener {
        private static final long serialVersionUID = 1L;
        private final String checkpoints;
        private long seen;
        private boolean completed;

        SlowUntilCheckpointed(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public Long map(Long value) throws Exception {
            seen++;
            if (seen >= 10 && !completed) {
                long deadline = System.nanoTime() + 60_000_000_000L; // only against a hang
                while (!checkpointTriggered() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                Thread.sleep(1);
            }
            return value;
        }

        private boolean checkpointTriggered() throws IOException {
            Path root = Path.of(checkpoints);
            if (!Files.isDirectory(root)) {
                return false;
            }
            try (Stream<Path> files = Files.walk(root, 2)) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith("chk-"));
            } catch (java.io.UncheckedIOException e) {
                return false; // Retention deleted a folder while we walked: the caller looks again.
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            SEEN_AT_COMPLETION.add(seen);
            completed = true;
        }
    }
}
