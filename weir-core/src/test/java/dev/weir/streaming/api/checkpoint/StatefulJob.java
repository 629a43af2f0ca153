package dev.weir.streaming.api.checkpoint;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The keyed job the checkpoint tests run: numbers 0..n-1 from a two-subtask generator, event time {@code i mod n/2},
 * keyed by {@code i mod 7} into a running count (keyed state), per-bucket sums emitted by event-time timers (map
 * state and timers) and a one-second tumbling window sum, all written by an exactly-once file sink. Every output line
 * is the same in every correct run, whatever the interleaving of the two source subtasks.
 */
public final class StatefulJob {
    /** Numbers the job has read, across runs in this JVM; tests use it to stop a run part-way. */
    public static final AtomicLong READ = new AtomicLong();

    private StatefulJob() {
    }

    /** Adds the job to {@code env} with the keyed operators at {@code parallelism}; {@code uids} false leaves them all unnamed. */
    public static void build(StreamExecutionEnvironment env, long n, long perSecond, int parallelism, Path out, boolean uids) {
        long half = n / 2;
        DataStream<Long> numbers = env.fromSource(new DataGeneratorSource<>(i -> i, n, RateLimiterStrategy.perSecond(perSecond)),
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, t) -> v % half), "numbers")
                .setParallelism(2);
        numbers = uid(numbers, "numbers", uids);
        numbers = uid(numbers.map(new Counting()).setParallelism(2), "counting", uids);
        DataStream<String> counts = uid(numbers.keyBy(v -> v % 7).process(new RunningCountAndBuckets()).setParallelism(parallelism),
                "counts", uids);
        DataStream<String> windows = uid(uid(numbers.keyBy(v -> v % 7).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce(Long::sum).setParallelism(parallelism), "window", uids)
                .map(sum -> "w," + sum).setParallelism(parallelism), "window-text", uids);
        // Sliding 12 s / 1 s: twelve slices a window, combined in two stacks; slices shared by fired and unfired
        // windows cross every savepoint and rescale.
        DataStream<String> sliding = uid(uid(numbers.keyBy(v -> v % 7).window(SlidingEventTimeWindows.of(Duration.ofSeconds(12), Duration.ofSeconds(1)))
                .reduce(Long::sum).setParallelism(parallelism), "sliding", uids)
                .map(sum -> "s," + sum).setParallelism(parallelism), "sliding-text", uids);
        var sink = counts.union(windows, sliding).sinkTo(FileSink.forRowFormat(out, new SimpleStringEncoder<String>()).build())
                .setParallelism(parallelism);
        if (uids) {
            sink.uid("files");
        }
    }

    private static <T> DataStream<T> uid(DataStream<T> stream, String uid, boolean uids) {
        if (uids) {
            ((dev.weir.streaming.api.datastream.SingleOutputStreamOperator<T>) stream).uid(uid);
        }
        return stream;
    }

    /** Counts what it reads, so a test can stop the job part-way. */
    static final class Counting extends RichMapFunction<Long, Long> {
        @Override
        public Long map(Long value) {
            READ.incrementAndGet();
            return value;
        }
    }

    /** Emits "c,key,count" per element; sums each key's elements per 500 ms bucket and emits "b,key,bucket,sum" by timer. */
    static final class RunningCountAndBuckets extends KeyedProcessFunction<Long, Long, String> {
        private transient ValueState<Long> count;
        private transient MapState<Long, Long> buckets;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
            buckets = getRuntimeContext().getMapState(new MapStateDescriptor<>("buckets", Long.class, Long.class));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
            long c = count.value() == null ? 1 : count.value() + 1;
            count.update(c);
            out.collect("c," + ctx.getCurrentKey() + "," + c);
            long end = (ctx.timestamp() / 500 + 1) * 500 - 1;
            Long sum = buckets.get(end);
            buckets.put(end, sum == null ? value : sum + value);
            ctx.timerService().registerEventTimeTimer(end);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect("b," + ctx.getCurrentKey() + "," + timestamp + "," + buckets.get(timestamp));
            buckets.remove(timestamp);
        }
    }
}
