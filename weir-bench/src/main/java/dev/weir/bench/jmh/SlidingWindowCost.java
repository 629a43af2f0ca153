package dev.weir.bench.jmh;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-event cost of an event-time window with an {@code AggregateFunction}: tumbling 1 s, sliding 10 s / 1 s
 * (S/L = 10) and sliding 60 s / 1 s (S/L = 60). On the slicing operator each event updates one slice, so the three
 * should cost about the same; the {@code generic} operator (forced by naming the default trigger explicitly) updates
 * S/L window accumulators per event and shows what slicing saves. Each invocation runs a whole job at parallelism 1:
 * {@value #EVENTS} events, one per millisecond of event time over {@value #KEYS} keys (ten events per key and second,
 * so a window's firing is shared by many events, as in real sliding-window jobs); the score is time per event,
 * source, watermarks and job start included.
 *
 * <pre>
 * ./mvnw -q -o -pl weir-bench -am package -DskipTests
 * java -cp "weir-bench/target/flink-1.20.5/classes:$(cat weir-bench/target/flink-1.20.5/classpath.txt)" \
 *     org.openjdk.jmh.Main SlidingWindowCost -f 1 -wi 3 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SlidingWindowCost {
    static final int EVENTS = 1_000_000;
    static final int KEYS = 100;

    /** tumbling 1 s, sliding 10 s / 1 s, sliding 60 s / 1 s. */
    @Param({"tumbling", "sliding10", "sliding60"})
    public String window;

    /** slicing: the fast path; generic: the general window operator, for comparison. */
    @Param({"slicing", "generic"})
    public String operator;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void windowedAggregate() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        var windowed = env.fromSequence(0, EVENTS - 1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, previous) -> v))
                .keyBy(new ByKey())
                .window(assigner());
        if (operator.equals("generic")) {
            windowed = windowed.trigger(EventTimeTrigger.create());
        }
        windowed.aggregate(new Sum()).sinkTo(new DiscardingSink<>());
        env.execute("sliding-window-cost " + window + " " + operator);
    }

    private WindowAssigner<Object, TimeWindow> assigner() {
        return switch (window) {
            case "tumbling" -> TumblingEventTimeWindows.of(Duration.ofSeconds(1));
            case "sliding10" -> SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(1));
            case "sliding60" -> SlidingEventTimeWindows.of(Duration.ofSeconds(60), Duration.ofSeconds(1));
            default -> throw new IllegalArgumentException("window must be tumbling, sliding10 or sliding60, was " + window);
        };
    }

    static final class ByKey implements KeySelector<Long, Long> {
        @Override
        public Long getKey(Long value) {
            return value % KEYS;
        }
    }

    static final class Sum implements AggregateFunction<Long, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value;
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            return a;
        }
    }
}
