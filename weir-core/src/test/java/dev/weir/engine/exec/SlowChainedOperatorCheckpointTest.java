package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
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
 * readers emit up to 1024 records per poll and end it early when a checkpoint request waits (before, the 1000 records
 * of this test were one poll and the first checkpoint saw all of them, or none).
 */
@Timeout(120)
class SlowChainedOperatorCheckpointTest {
    private static final long RECORDS = 1000;
    /** How many records the slow map had seen at each of its snapshots. */
    static final List<Long> SEEN_AT_SNAPSHOTS = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fromSequence", "fromData"})
    void aCheckpointIsTakenBetweenTwoRecordsOfOneSourcePoll(String source) throws Exception {
        SEEN_AT_SNAPSHOTS.clear();
        Path checkpoints = dir.resolve("checkpoints");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(20);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toString());
        DataStream<Long> numbers = source.equals("fromSequence") ? env.fromSequence(1, RECORDS)
                : env.fromData(LongStream.rangeClosed(1, RECORDS).boxed().toList());
        numbers.map(new SlowUntilSnapshot(checkpoints.toString())).addSink(new DiscardingSink<>());
        env.execute("slow-chained-" + source);

        assertThat(SEEN_AT_SNAPSHOTS).as("records the map had seen at each snapshot")
                .anySatisfy(seen -> assertThat(seen).isBetween(10L, RECORDS - 1));
    }

    /**
     * From its tenth record on, waits for a checkpoint to be triggered (its folder appears), then takes a millisecond
     * per record until it is snapshotted, so the checkpoint can only be taken inside the source's poll.
     */
    static final class SlowUntilSnapshot extends RichMapFunction<Long, Long> implements CheckpointedFunction {
        private static final long serialVersionUID = 1L;
        private final String checkpoints;
        private long seen;
        private boolean snapshotted;

        SlowUntilSnapshot(String checkpoints) {
            this.checkpoints = checkpoints;
        }

        @Override
        public Long map(Long value) throws Exception {
            seen++;
            if (seen >= 10 && !snapshotted) {
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
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            SEEN_AT_SNAPSHOTS.add(seen);
            snapshotted = seen > 0;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) {
        }
    }
}
