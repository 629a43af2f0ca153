package dev.weir.cli;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.restartstrategy.RestartStrategies;
import dev.weir.api.common.state.CheckpointListener;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.util.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * A job that leaves its state backend to the command line: it counts 0..1999 per key (value modulo 5) in value state,
 * fails once after a checkpoint that holds some counts so the restart restores them, and writes "key count sum
 * state-class" per key, the class being the value state its function got (which names the backend).
 * Arguments: the output file, the checkpoint folder, and optionally {@code heap} to set the heap backend in the program.
 */
public final class StateBackendProbeJob {
    /**
     * Distinct lines: the sink is at-least-once, so a failure after the end of the input (in the final checkpoint's
     * notification) replays the same final lines; a wrong restore would still show as a second line for its key.
     */
    static final Set<String> RESULTS = new ConcurrentSkipListSet<>();

    private StateBackendProbeJob() {
    }

    public static void main(String[] args) throws Exception {
        RESULTS.clear();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        if (args.length > 2 && args[2].equals("heap")) {
            env.setStateBackend(new HashMapStateBackend());
        }
        env.enableCheckpointing(20, CheckpointingMode.EXACTLY_ONCE);
        env.getCheckpointConfig().setCheckpointStorage(args[1]);
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(1, Duration.ofMillis(10)));
        env.fromSource(new DataGeneratorSource<>(n -> n, 2000, RateLimiterStrategy.perSecond(4000)),
                        WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, ts) -> n), "numbers")
                .keyBy(n -> n % 5)
                .process(new Counts())
                .addSink(new SinkFunction<String>() {
                    @Override
                    public void invoke(String value, Context context) {
                        RESULTS.add(value);
                    }
                });
        env.execute("state backend probe");
        Files.write(Path.of(args[0]), new ArrayList<>(RESULTS));
    }

    /** Counts and sums each key's numbers in value state; fails once after a checkpoint that holds some. */
    static final class Counts extends KeyedProcessFunction<Long, Long, String> implements CheckpointListener, CheckpointedFunction {
        private transient ValueState<long[]> countAndSum;
        private transient long seen;
        private transient Map<Long, Long> seenAtCheckpoint;

        @Override
        public void initializeState(FunctionInitializationContext context) {
            seenAtCheckpoint = new ConcurrentHashMap<>();
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) {
            seenAtCheckpoint.put(context.getCheckpointId(), seen);
        }

        @Override
        public void open(OpenContext context) {
            countAndSum = getRuntimeContext().getState(new ValueStateDescriptor<>("count-and-sum", long[].class));
        }

        @Override
        public void processElement(Long n, Context ctx, Collector<String> out) throws Exception {
            long[] t = countAndSum.value();
            if (t == null) {
                t = new long[2];
                ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE - 1);
            }
            seen++;
            t[0]++;
            t[1] += n;
            countAndSum.update(t);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long[] t = countAndSum.value();
            out.collect(ctx.getCurrentKey() + " " + t[0] + " " + t[1] + " " + countAndSum.getClass().getSimpleName());
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (getRuntimeContext().getTaskInfo().getAttemptNumber() == 0 && seenAtCheckpoint.getOrDefault(checkpointId, 0L) > 0) {
                throw new IllegalStateException("failing once after checkpoint " + checkpointId + ", to restore it");
            }
        }
    }
}
