package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ReplayVerifier;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Weir's window operators, the slicing one and the generic one, give the same output when restored into a fresh
 * instance after every element and every watermark, and with extra watermarks and idleness ({@link ReplayVerifier}).
 */
@Timeout(120)
class WindowOperatorReplayTest {
    private static final KeySelector<Tuple2<String, Integer>, String> KEY = t -> t.f0;
    private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late") {
    };
    private static final ReduceFunction<Tuple2<String, Integer>> SUM = (a, b) -> Tuple2.of(a.f0, a.f1 + b.f1);

    /** Counts the elements of a window. */
    static final class Count implements AggregateFunction<Tuple2<String, Integer>, Integer, Integer> {
        @Override
        public Integer createAccumulator() {
            return 0;
        }

        @Override
        public Integer add(Tuple2<String, Integer> value, Integer accumulator) {
            return accumulator + 1;
        }

        @Override
        public Integer getResult(Integer accumulator) {
            return accumulator;
        }

        @Override
        public Integer merge(Integer a, Integer b) {
            return a + b;
        }
    }

    /** "key [start,end) value" for a time window's one pre-aggregated value, or every element of it. */
    static final class Describe<V> extends ProcessWindowFunction<V, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<V> elements, Collector<String> out) {
            List<Object> values = new ArrayList<>();
            for (V v : elements) {
                values.add(v instanceof Tuple2<?, ?> t ? t.f1 : v);
            }
            out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") " + values);
        }
    }

    /** The sum of the elements a global window kept. */
    static final class SumOfGlobal extends ProcessWindowFunction<Tuple2<String, Integer>, String, String, GlobalWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Integer>> elements, Collector<String> out) {
            int sum = 0;
            for (Tuple2<String, Integer> t : elements) {
                sum += t.f1;
            }
            out.collect(key + " " + sum);
        }
    }

    private static HarnessRecord in(String key, int value, long timestamp) {
        return HarnessRecord.of(Tuple2.of(key, value), timestamp);
    }

    @Test
    void aTumblingReduceOnTheSlicingOperatorSurvivesEveryRestoreWithItsLateElementsSideOutput() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .sideOutputLateData(LATE).reduce(SUM))
                .input(in("a", 1, 1), in("b", 2, 5), in("a", 3, 9), HarnessRecord.watermark(9),
                        in("a", 5, 3), in("a", 6, 12), in("b", 7, 15), HarnessRecord.watermark(25), in("b", 8, 26))
                .expectOutput(HarnessRecord.of(Tuple2.of("a", 4), 9L), HarnessRecord.of(Tuple2.of("b", 2), 9L),
                        HarnessRecord.of(Tuple2.of("a", 6), 19L), HarnessRecord.of(Tuple2.of("b", 7), 19L),
                        HarnessRecord.of(Tuple2.of("b", 8), 29L))
                .verify();
    }

    @Test
    void aTumblingMaximumThatReturnsItsHeldElementGivesEachWindowsLargestElementThroughEveryRestore() throws Exception {
        // Returns the held element itself unless the new one is larger: the slice's slot is then left as it is.
        ReduceFunction<Tuple2<String, Integer>> max = (held, next) -> next.f1 > held.f1 ? next : held;
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .reduce(max))
                .input(in("a", 3, 1), in("a", 7, 2), in("a", 5, 4), in("a", 2, 6), in("b", 1, 8),
                        HarnessRecord.watermark(9), in("a", 1, 11), in("a", 9, 13), in("a", 4, 19),
                        HarnessRecord.watermark(19))
                .expectOutput(HarnessRecord.of(Tuple2.of("a", 7), 9L), HarnessRecord.of(Tuple2.of("b", 1), 9L),
                        HarnessRecord.of(Tuple2.of("a", 9), 19L))
                .verify();
    }

    @Test
    void aTumblingAggregateWhoseAccumulatorChangesInPlaceCountsEveryElementThroughEveryRestore() throws Exception {
        AggregateFunction<Tuple2<String, Integer>, List<Integer>, String> collect = new AggregateFunction<>() {
            @Override
            public List<Integer> createAccumulator() {
                return new ArrayList<>();
            }

            @Override
            public List<Integer> add(Tuple2<String, Integer> value, List<Integer> accumulator) {
                accumulator.add(value.f1);
                return accumulator;
            }

            @Override
            public String getResult(List<Integer> accumulator) {
                return accumulator.toString();
            }

            @Override
            public List<Integer> merge(List<Integer> a, List<Integer> b) {
                List<Integer> merged = new ArrayList<>(a);
                merged.addAll(b);
                return merged;
            }
        };
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .aggregate(collect))
                .input(in("a", 1, 1), in("a", 2, 4), in("b", 3, 5), in("a", 4, 8), HarnessRecord.watermark(9),
                        in("a", 5, 12), HarnessRecord.watermark(19))
                .expectOutput(HarnessRecord.of("[1, 2, 4]", 9L), HarnessRecord.of("[3]", 9L),
                        HarnessRecord.of("[5]", 19L))
                .verify();
    }

    @Test
    void aSlidingAggregateWithAWindowFunctionOnTheSlicingOperatorSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, SlidingEventTimeWindows.of(Duration.ofMillis(10), Duration.ofMillis(5)))
                        .aggregate(new Count(), new Describe<Integer>()))
                .input(in("a", 1, 1), in("a", 1, 6), HarnessRecord.watermark(9), in("b", 1, 7), in("a", 1, 12))
                .expectOutput(HarnessRecord.of("a [-5,5) [1]", 4L), HarnessRecord.of("a [0,10) [2]", 9L),
                        HarnessRecord.of("a [5,15) [2]", 14L), HarnessRecord.of("b [5,15) [1]", 14L),
                        HarnessRecord.of("a [10,20) [1]", 19L))
                .verify();
    }

    @Test
    void aSlidingReduceOfManySlidesOnTheSlicingOperatorsTwoStacksSurvivesEveryRestore() throws Exception {
        List<HarnessRecord> input = new ArrayList<>();
        for (int t = 0; t < 30; t++) {
            input.add(in(t % 3 == 0 ? "a" : "b", t, t));
            if (t % 7 == 6) {
                input.add(HarnessRecord.watermark(t - 2));
            }
        }
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, SlidingEventTimeWindows.of(Duration.ofMillis(12), Duration.ofMillis(1)))
                        .reduce(SUM))
                .input(input)
                .verify();
    }

    @Test
    void aTumblingProcessWindowKeepingItsElementsSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .process(new Describe<Tuple2<String, Integer>>()))
                .input(in("a", 1, 1), in("a", 2, 2), in("b", 3, 11), HarnessRecord.watermark(10), in("a", 4, 12))
                .expectOutput(HarnessRecord.of("a [0,10) [1, 2]", 9L), HarnessRecord.of("a [10,20) [4]", 19L),
                        HarnessRecord.of("b [10,20) [3]", 19L))
                .verify();
    }

    @Test
    void aSessionWindowWithAllowedLatenessAndALateSideOutputOnTheGenericOperatorSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                        .allowedLateness(Duration.ofMillis(20)).sideOutputLateData(LATE)
                        .process(new Describe<Tuple2<String, Integer>>()))
                .input(in("a", 1, 0), in("a", 2, 5), HarnessRecord.watermark(20), in("a", 4, 8), HarnessRecord.watermark(50),
                        in("a", 8, 1), in("b", 16, 60))
                .expectOutput(HarnessRecord.of("a [0,15) [1, 2]", 14L), HarnessRecord.of("a [0,18) [1, 2, 4]", 17L),
                        HarnessRecord.of("b [60,70) [16]", 69L))
                .verify();
    }

    @Test
    void aCountTriggerWithACountEvictorOnAGlobalWindowSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, GlobalWindows.create())
                        .trigger(CountTrigger.of(3)).evictor(CountEvictor.of(2))
                        .process(new SumOfGlobal()))
                .input(in("a", 1, 1), in("a", 2, 2), in("b", 10, 3), in("a", 3, 4), in("a", 4, 5), in("a", 5, 6), in("a", 6, 7))
                .expectOutput(HarnessRecord.of("a 5", Long.MAX_VALUE), HarnessRecord.of("a 11", Long.MAX_VALUE))
                .verify();
    }

    @Test
    void anEventTimeWindowWithACustomTriggerRunsOnTheGenericOperatorAndSurvivesEveryRestore() throws Exception {
        ReplayVerifier.of(() -> OneInputHarness.forWindow(KEY, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                        .trigger(CountTrigger.<Window>of(2)).reduce(SUM))
                .input(in("a", 1, 1), in("a", 2, 2), in("a", 3, 3), HarnessRecord.watermark(9), in("a", 4, 11), in("a", 5, 12))
                .expectOutput(HarnessRecord.of(Tuple2.of("a", 3), 9L), HarnessRecord.of(Tuple2.of("a", 9), 19L))
                .verify();
    }
}
