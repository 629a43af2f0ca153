package dev.weir.engine.windowing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ReplayVerifier;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Which aggregate functions keep their accumulators in the slice tables' arrays, and that such windows give the exact
 * output when restored into a fresh operator after every element and watermark (checkpoints hold accumulator objects,
 * as for any other function).
 */
@Timeout(120)
class FlatAggregatingSlicesTest {
    private static final KeySelector<Tuple2<String, Integer>, String> KEY = t -> t.f0;
    private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late") {
    };

    /** Count and sum of a window's values. */
    public static final class CountAndSum {
        public long count;
        public long sum;
    }

    /** "count/sum" of a window; the accumulator's fields are all primitive. */
    static final class Summary implements AggregateFunction<Tuple2<String, Integer>, CountAndSum, String> {
        @Override
        public CountAndSum createAccumulator() {
            return new CountAndSum();
        }

        @Override
        public CountAndSum add(Tuple2<String, Integer> value, CountAndSum acc) {
            acc.count++;
            acc.sum += value.f1;
            return acc;
        }

        @Override
        public String getResult(CountAndSum acc) {
            return acc.count + "/" + acc.sum;
        }

        @Override
        public CountAndSum merge(CountAndSum a, CountAndSum b) {
            a.count += b.count;
            a.sum += b.sum;
            return a;
        }
    }

    private static HarnessRecord in(String key, int value, long timestamp) {
        return HarnessRecord.of(Tuple2.of(key, value), timestamp);
    }

    @SuppressWarnings("unchecked")
    private static AggregateFunction<Object, Object, Object> erased(AggregateFunction<?, ?, ?> function) {
        return (AggregateFunction<Object, Object, Object>) function;
    }

    @Test
    void anAccumulatorDeclaredWithOnlyPrimitiveFieldsGoesIntoTheTablesAndABoxedOneStaysAnObject() {
        SliceFunction flat = SliceFunction.aggregatingInTables(erased(new Summary()));
        assertThat(flat).isInstanceOf(FlatAggregatingSlices.class);
        assertThat(flat.flatWidth()).isEqualTo(2);
        SliceFunction objects = SliceFunction.aggregatingInTables(erased(new WindowOperatorReplayTest.Count()));
        assertThat(objects).isNotInstanceOf(FlatAggregatingSlices.class);
        assertThat(objects.flatWidth()).isZero();
    }

    @Test
    void aSliceTableGrowsItsFlatPartialsWithItsEntriesAndKeepsEveryKeysOwn() throws Exception {
        SliceFunction function = SliceFunction.aggregatingInTables(erased(new Summary()));
        SliceTable table = new SliceTable(function.flatWidth(), false);
        for (int round = 0; round < 3; round++) {
            for (long key = 0; key < 1_000; key++) {
                function.addTo(table, table.slot(key), Tuple2.of("k", (int) key));
            }
        }
        List<Object> results = new ArrayList<>();
        for (int slot = 0; slot < table.capacity(); slot++) {
            results.add(table.key(slot) + "=" + function.resultOf(table, slot));
        }
        assertThat(results).hasSize(1_000);
        assertThat(results.get(0)).isEqualTo("0=3/0");
        assertThat(results.get(999)).isEqualTo("999=3/2997");
    }

    @Test
    void aTumblingAggregateWithAPrimitiveAccumulatorSurvivesEveryRestoreWithItsLateElementsSideOutput() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .sideOutputLateData(LATE).aggregate(new Summary()))
                .input(in("a", 1, 1), in("b", 2, 5), in("a", 3, 9), HarnessRecord.watermark(9),
                        in("a", 5, 3), in("a", 6, 12), in("b", 7, 15), HarnessRecord.watermark(25), in("b", 8, 26))
                .expectOutput(HarnessRecord.of("2/4", 9L), HarnessRecord.of("1/2", 9L),
                        HarnessRecord.of("1/6", 19L), HarnessRecord.of("1/7", 19L), HarnessRecord.of("1/8", 29L))
                .verify();
    }

    @Test
    void aSlidingAggregateOfManySlidesWithAPrimitiveAccumulatorSurvivesEveryRestore() throws Exception {
        List<HarnessRecord> input = new ArrayList<>();
        List<HarnessRecord> expected = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            input.add(in(t % 3 == 0 ? "a" : "b", t, t));
            if (t % 7 == 6) {
                input.add(HarnessRecord.watermark(t - 2));
            }
        }
        // Windows [e - 12, e) for e = 1 .. 41, per key: count and sum of the values t (= timestamps) in the window.
        for (int end = 1; end <= 41; end++) {
            for (String key : new String[] {"a", "b"}) {
                long count = 0;
                long sum = 0;
                for (int t = Math.max(0, end - 12); t < Math.min(end, 30); t++) {
                    if ((t % 3 == 0) == key.equals("a")) {
                        count++;
                        sum += t;
                    }
                }
                if (count > 0) {
                    expected.add(HarnessRecord.of(count + "/" + sum, end - 1L));
                }
            }
        }
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, SlidingEventTimeWindows.of(Duration.ofMillis(12), Duration.ofMillis(1)))
                        .aggregate(new Summary()))
                .input(input)
                .expectOutput(expected.toArray(new HarnessRecord[0]))
                .verify();
    }

    /** Count and sum of a window's values, compared by value: it is the window's result itself. */
    public static final class Tally {
        public long count;
        public long sum;

        @Override
        public boolean equals(Object o) {
            return o instanceof Tally t && t.count == count && t.sum == sum;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(count * 31 + sum);
        }

        @Override
        public String toString() {
            return count + "/" + sum;
        }
    }

    /** Emits its accumulator as the result, and merges into its second argument: both reach the output by reference. */
    static final class TallyIntoSecond implements AggregateFunction<Tuple2<String, Integer>, Tally, Tally> {
        @Override
        public Tally createAccumulator() {
            return new Tally();
        }

        @Override
        public Tally add(Tuple2<String, Integer> value, Tally acc) {
            acc.count++;
            acc.sum += value.f1;
            return acc;
        }

        @Override
        public Tally getResult(Tally acc) {
            return acc;
        }

        @Override
        public Tally merge(Tally a, Tally b) {
            b.count += a.count;
            b.sum += a.sum;
            return b;
        }
    }

    @Test
    void slidingResultsThatAreMergedAccumulatorsStayTheirWindowsOwnWithOutOfOrderElements() throws Exception {
        String[] keys = {"a", "b", "c", "d", "e"};
        List<HarnessRecord> input = new ArrayList<>();
        List<long[]> elements = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // Every fourth element lands three slices back (out of order, never late: watermarks lag by five).
            long t = i % 4 == 3 ? i - 3 : i;
            int key = (i * 7) % keys.length;
            input.add(in(keys[key], i, t));
            elements.add(new long[] {key, i, t});
            if (i % 6 == 5) {
                input.add(HarnessRecord.watermark(i - 5));
            }
        }
        // Windows [e - 10, e) for e = 1 .. 69, by key in the order their key was first seen in the window's slices.
        List<HarnessRecord> expected = new ArrayList<>();
        for (int end = 1; end <= 69; end++) {
            long[] counts = new long[keys.length];
            long[] sums = new long[keys.length];
            for (long[] e : elements) {
                if (e[2] >= end - 10 && e[2] < end) {
                    counts[(int) e[0]]++;
                    sums[(int) e[0]] += e[1];
                }
            }
            for (int k = 0; k < keys.length; k++) {
                if (counts[k] > 0) {
                    Tally tally = new Tally();
                    tally.count = counts[k];
                    tally.sum = sums[k];
                    expected.add(HarnessRecord.of(tally, end - 1L));
                }
            }
        }
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(1)))
                        .aggregate(new TallyIntoSecond()))
                .input(input)
                .expectOutput(expected.toArray(new HarnessRecord[0]))
                .verify();
    }
}
