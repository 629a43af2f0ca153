package dev.weir.streaming.api.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.api.common.JobExecutionResult;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Fault injection: a stateful job killed by exceptions restores its checkpoints and writes exactly the same output. */
@Timeout(180)
class ExactlyOnceRecoveryTest {
    private static final long EVENTS = 1_000_000;
    private static final int KEYS = 100;

    @TempDir
    Path dir;

    @Test
    void aKeyedJobThatFailsTwiceWritesExactlyTheFailureFreeOutput() throws Exception {
        Path clean = dir.resolve("clean");
        Path faulty = dir.resolve("faulty");
        run(clean, false);
        JobExecutionResult result = run(faulty, true);

        List<String> expected = CommittedFiles.sortedLines(clean);
        List<String> actual = CommittedFiles.sortedLines(faulty);
        assertThat(expected).hasSize((int) EVENTS);
        assertThat(actual).hasSize((int) EVENTS);
        assertThat(actual).isEqualTo(expected);
        assertThat(result.<Integer>getAccumulatorResult("attempt")).as("the job finished in its third attempt").isEqualTo(2);
        try (Stream<Path> files = Files.list(faulty)) {
            assertThat(files.filter(p -> p.getFileName().toString().startsWith("."))).as("no uncommitted files left").isEmpty();
        }
    }

    private JobExecutionResult run(Path out, boolean injectFailures) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints-" + out.getFileName()).toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(10)));
        DataStream<Long> events = env.fromSource(new DataGeneratorSource<>(i -> i, EVENTS, RateLimiterStrategy.perSecond(2_000_000)),
                WatermarkStrategy.noWatermarks(), "events").uid("events");
        events.map(new FailOnce(injectFailures)).uid("fail")
                // Each source subtask reads a contiguous half of the indexes; keys never mix the halves, so every key's
                // events arrive in one order and the running counts and sums are deterministic.
                .keyBy(i -> (i / (EVENTS / 2)) * 1000 + i % KEYS)
                .process(new RunningCount()).uid("count")
                .sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build()).uid("files");
        return env.execute("exactly-once-" + out.getFileName());
    }

    /**
     * Throws once in the first attempt and once in the second, both in the first source subtask's half of the input,
     * so the second failure comes after the restore of the first.
     */
    static final class FailOnce extends RichMapFunction<Long, Long> {
        private final boolean inject;

        FailOnce(boolean inject) {
            this.inject = inject;
        }

        @Override
        public void open(OpenContext openContext) {
            if (getRuntimeContext().getIndexOfThisSubtask() == 0) {
                getRuntimeContext().addAccumulator("attempt", new dev.weir.api.common.accumulators.IntCounter(getRuntimeContext().getTaskInfo().getAttemptNumber()));
            }
        }

        @Override
        public Long map(Long value) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (inject && ((attempt == 0 && value == 300_000) || (attempt == 1 && value == 400_000))) {
                throw new IllegalStateException("injected failure at " + value + " in attempt " + attempt);
            }
            return value;
        }
    }

    /** Counts and sums per key in keyed state and emits "key,count,sum". */
    static final class RunningCount extends KeyedProcessFunction<Long, Long, String> {
        private ValueState<long[]> state;

        @Override
        public void open(OpenContext openContext) {
            state = getRuntimeContext().getState(new ValueStateDescriptor<>("count-sum", long[].class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long[] cs = state.value();
            long[] next = cs == null ? new long[] {1, value} : new long[] {cs[0] + 1, cs[1] + value};
            state.update(next);
            out.collect(ctx.getCurrentKey() + "," + next[0] + "," + next[1]);
        }
    }
}
