package dev.weir.streaming.api.windowing;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.configuration.Configuration;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.RichSinkFunction;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.BitSet;

/**
 * The child JVM of {@link WindowFiringMemoryTest}: {@code <keys>} keys, one element each, all in the same one-second
 * window, so the window fires for every key at one watermark (the end of the input) into a sink that spins
 * {@value #SINK_NANOS_PER_RECORD} ns per record, far slower than the window emits. Each result is padded to a
 * {@value #RESULT_LONGS}-long array (about 144 bytes) before it crosses the channel, so that buffering one firing's
 * output whole (2 M results, about 290 MB) cannot fit in the test's 256 MB heap, while the window's own state (a
 * {@code Long} per key) does: without the bound, the job fails with an {@link OutOfMemoryError}. The sink checks that
 * every key arrived once with its sum and prints {@code RESULT <records> <missing> <duplicates> <wrong sums>}, then
 * {@code FINISHED}.
 */
public final class WindowFiringForEveryKeyMain {
    static final long SINK_NANOS_PER_RECORD = 2_000;
    /** The longs of each padded result; the first holds the key's sum. */
    static final int RESULT_LONGS = 16;

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
                .map(new Padded())
                // Not chained to the window: its results cross a channel, whose backlog stops the firing.
                .rebalance()
                .addSink(new SlowCheckingSink(keys));
        env.execute("window-firing-for-every-key");
        System.out.println("FINISHED");
        System.out.flush();
        System.exit(0);
    }

    /** Pads a key's sum to {@value #RESULT_LONGS} longs, so that the output of one firing outweighs the heap. */
    static final class Padded implements MapFunction<Long, long[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public long[] map(Long sum) {
            long[] result = new long[RESULT_LONGS];
            result[0] = sum;
            return result;
        }
    }

    /** Spins per record; checks that each key's sum (the key itself, one element each) arrives exactly once. */
    static final class SlowCheckingSink extends RichSinkFunction<long[]> {
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
        public void invoke(long[] result, Context context) {
            long sum = result[0];
            long until = System.nanoTime() + SINK_NANOS_PER_RECORD;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            records++;
            if (sum < 0 || sum >= keys) {
                wrong++;
            } else if (seen.get((int) sum)) {
                duplicates++;
            } else {
                seen.set((int) sum);
            }
        }

        @Override
        public void close() {
            System.out.println("RESULT " + records + " " + (keys - seen.cardinality()) + " " + duplicates + " " + wrong);
            System.out.flush();
        }
    }
}
