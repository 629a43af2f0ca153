package dev.weir.rocksdb;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tumbling-window aggregate whose state is far larger than its heap, run in a child JVM by
 * {@link WindowLargerThanHeapTest}: every key gets one element (the number of the key) in one window, and its accumulator is a
 * {@code long[]} of {@code accumulatorLongs} entries, so the window holds {@code keys x accumulatorLongs x 8} bytes of
 * partial aggregates until the end of input fires it. Each result is checked against the key's expected count and
 * sum. Prints {@code RESULT windows=<n> wrong=<m>}. Arguments: {@code keys accumulatorLongs localDir rocksdb|hashmap}.
 */
public final class LargeWindowJob {
    static final AtomicLong WINDOWS = new AtomicLong();
    static final AtomicLong WRONG = new AtomicLong();

    private LargeWindowJob() {
    }

    public static void main(String[] args) throws Exception {
        long keys = Long.parseLong(args[0]);
        int longs = Integer.parseInt(args[1]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        if (args[3].equals("rocksdb")) {
            EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
            rocks.setDbStoragePath(args[2]);
            env.setStateBackend(rocks);
        } else {
            env.setStateBackend(new HashMapStateBackend());
        }
        env.fromSource(new DataGeneratorSource<>(i -> i, keys, RateLimiterStrategy.perSecond(1_000_000_000)),
                        // One window for all; a watermark far behind until the final one at the end of input.
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofDays(365))
                                .withTimestampAssigner((value, previous) -> value % 1_000), "numbers").setParallelism(1)
                .keyBy(value -> value % keys)
                .window(TumblingEventTimeWindows.of(Duration.ofMinutes(1)))
                .aggregate(new WideSum(longs), (Long key, dev.weir.streaming.api.windowing.windows.TimeWindow window,
                                                Iterable<long[]> results, dev.weir.util.Collector<Long> out) -> {
                    long[] acc = results.iterator().next();
                    boolean right = acc[0] == 1 && acc[1] == key;
                    for (int j = 2; j < acc.length; j++) {
                        right &= acc[j] == (acc[1] ^ j);
                    }
                    if (!right) {
                        WRONG.incrementAndGet();
                    }
                    WINDOWS.incrementAndGet();
                    out.collect(key);
                })
                .sinkTo(new DiscardingSink<>());
        env.execute("large window");
        System.out.println("RESULT windows=" + WINDOWS.get() + " wrong=" + WRONG.get());
    }

    /** Count and sum in the first two entries; every other entry derived from the sum, so the whole array is checked. */
    static final class WideSum implements AggregateFunction<Long, long[], long[]> {
        private final int longs;

        WideSum(int longs) {
            this.longs = longs;
        }

        @Override
        public long[] createAccumulator() {
            return new long[longs];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0]++;
            acc[1] += value;
            for (int j = 2; j < acc.length; j++) {
                acc[j] = acc[1] ^ j;
            }
            return acc;
        }

        @Override
        public long[] getResult(long[] acc) {
            return acc;
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            for (int j = 2; j < a.length; j++) {
                a[j] = a[1] ^ j;
            }
            return a;
        }
    }
}
