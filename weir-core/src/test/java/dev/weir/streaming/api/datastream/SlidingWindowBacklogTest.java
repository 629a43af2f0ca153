package dev.weir.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A sliding window of many slides fires thousands of keys at each watermark into a channel whose consumer is slower
 * than it: the firing stops while the channel has a backlog and resumes where it stopped, so every window's result for
 * every key arrives exactly once, with its exact count and sum.
 */
@Timeout(120)
class SlidingWindowBacklogTest {
    private static final int KEYS = 3_000;
    private static final int SECONDS = 14;

    /** Key, count and sum of a window's elements; only primitive fields, so it is kept in the slice tables' arrays. */
    public static final class KeyCountSum {
        public long key;
        public long count;
        public long sum;
    }

    static final class Summary implements AggregateFunction<Long, KeyCountSum, String> {
        @Override
        public KeyCountSum createAccumulator() {
            return new KeyCountSum();
        }

        @Override
        public KeyCountSum add(Long n, KeyCountSum acc) {
            acc.key = n % KEYS;
            acc.count++;
            acc.sum += n;
            return acc;
        }

        @Override
        public String getResult(KeyCountSum acc) {
            return acc.key + ":" + acc.count + "/" + acc.sum;
        }

        @Override
        public KeyCountSum merge(KeyCountSum a, KeyCountSum b) {
            a.key = a.count == 0 ? b.key : a.key;
            a.count += b.count;
            a.sum += b.sum;
            return a;
        }
    }

    /** Spins a few microseconds per result: slower than the window emits. */
    static final class Slow implements MapFunction<String, String> {
        @Override
        public String map(String value) {
            long until = System.nanoTime() + 2_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            return value;
        }
    }

    @Test
    void aSlidingWindowOfManySlidesFiringIntoABackedUpChannelGivesEveryResultExactlyOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        // Element n belongs to key n % KEYS at second n / KEYS.
        DataStream<String> results = env.fromSequence(0, (long) KEYS * SECONDS - 1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Long>forMonotonousTimestamps()
                        .withTimestampAssigner((n, t) -> n / KEYS * 1_000))
                .keyBy(n -> n % KEYS)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(1)))
                .aggregate(new Summary())
                .rebalance()
                .map(new Slow());
        List<String> expected = new ArrayList<>();
        for (int end = 1; end < SECONDS + 10; end++) {
            for (long key = 0; key < KEYS; key++) {
                long count = 0;
                long sum = 0;
                for (int second = Math.max(0, end - 10); second < Math.min(end, SECONDS); second++) {
                    count++;
                    sum += (long) second * KEYS + key;
                }
                expected.add(key + ":" + count + "/" + sum);
            }
        }
        List<String> actual = new ArrayList<>(Jobs.collect(results));
        Collections.sort(actual);
        Collections.sort(expected);
        assertThat(actual).hasSize(expected.size());
        assertThat(actual).isEqualTo(expected);
    }
}
