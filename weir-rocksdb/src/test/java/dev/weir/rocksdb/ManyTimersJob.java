package dev.weir.rocksdb;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.Collector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A job holding an event-time timer for each of {@code keys} keys at once, run in a child JVM by
 * {@link ManyTimersInASmallHeapTest}: every key registers one timer at a time scattered over the key space, and no
 * watermark comes until the end of input, when all fire. Each subtask checks that its timers fire in timestamp order
 * and with their own key. Prints {@code RESULT fired=<n> wrong=<m>}. Arguments:
 * {@code keys localDir ROCKSDB|HEAP} (the timer service factory).
 */
public final class ManyTimersJob {
    static final AtomicLong FIRED = new AtomicLong();
    static final AtomicLong WRONG = new AtomicLong();

    private ManyTimersJob() {
    }

    public static void main(String[] args) throws Exception {
        long keys = Long.parseLong(args[0]);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
        rocks.setDbStoragePath(args[1]);
        rocks.setPriorityQueueStateType(EmbeddedRocksDBStateBackend.PriorityQueueStateType.valueOf(args[2]));
        env.setStateBackend(rocks);
        env.fromSource(new DataGeneratorSource<>(i -> i, keys, RateLimiterStrategy.perSecond(1_000_000_000)),
                        // Timestamps, but a watermark far behind them until the final one at the end of input.
                        WatermarkStrategy.<Long>forBoundedOutOfOrderness(java.time.Duration.ofDays(365))
                                .withTimestampAssigner((key, previous) -> 0L), "keys").setParallelism(1)
                .keyBy(i -> i)
                .process(new TimerPerKey(keys))
                .sinkTo(new DiscardingSink<>());
        env.execute("many timers");
        System.out.println("RESULT fired=" + FIRED.get() + " wrong=" + WRONG.get());
    }

    /** The time of key {@code key}'s timer: a permutation of the keys, so registration order is not firing order. */
    static long timeOf(long key, long keys) {
        return (key * 7919) % keys;
    }

    /** Registers a timer per key; on firing checks the order and the key. */
    static final class TimerPerKey extends KeyedProcessFunction<Long, Long, Long> {
        private final long keys;
        private transient long lastFired;

        TimerPerKey(long keys) {
            this.keys = keys;
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) {
            ctx.timerService().registerEventTimeTimer(timeOf(value, keys));
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<Long> out) {
            if (timestamp < lastFired || timestamp != timeOf(ctx.getCurrentKey(), keys)) {
                WRONG.incrementAndGet();
            }
            lastFired = timestamp;
            FIRED.incrementAndGet();
        }
    }
}
