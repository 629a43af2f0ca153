package dev.weir.streaming.api.windowing;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.configuration.Configuration;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.BitSet;

/**
 * The child JVM of {@link WindowFiringMemoryTest}: {@code <keys>} keys, one element each, all in the same one-second
 * window, so the window fires for every key at one watermark (the end of the input) into a sink that spins
 * {@value #SINK_NANOS_PER_RECORD} ns per record, far slower than the window emits. The sink checks that every key
 * arrived once with its sum and prints {@code RESULT <records> <missing> <duplicates> <wrong sums>}, then
 * {@code FINISHED}.
 */
public final class WindowFiringForEveryKeyMain {
    static final long SINK_NANOS_PER_RECORD = 2_000;

    private WindowFiringForEveryKeyMain() {
    }

    public static void main(String[] args) throws Exception {
        int keys = Integer.parseInt(args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.fromSequence(0, keys - 1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((n, t) -> 0L))
                .keyBy(n -> n)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce(Long::sum)
                // Not chained to the window: its results cross a channel, whose backlog stops the firing.
                .rebalance()
                .addSink(new SlowCheckingSink(keys));
        env.execute("window-firing-for-every-key");
        System.out.println("FINISHED");
        System.out.flush();
        System.exit(0);
    }

    /** Spins per record; checks that each key's sum (the key itself, one element each) arrives exactly once. */
    static final class SlowCheckingSink extends RichSinkFunction<Long> {
        private final int keys;
        private transient BitSet seen;
        private long records;
        private long duplicates;
        private long wrong;

        SlowCheckingSink(int keys) {
            this.keys = keys;
        }

        @Override
        public void open(Configuration parameters) {
            seen = new BitSet(keys);
        }

        @Override
        public void invoke(Long sum, Context context) {
            long until = System.nanoTime() + SINK_NANOS_PER_RECORD;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            records++;
            if (sum < 0 || sum >= keys) {
                wrong++;
            } else if (seen.get(sum.intValue())) {
                duplicates++;
            } else {
                seen.set(sum.intValue());
            }
        }

        @Override
        public void close() {
            System.out.println("RESULT " + records + " " + (keys - seen.cardinality()) + " " + duplicates + " " + wrong);
            System.out.flush();
        }
    }
}
