package dev.weir.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.evictors.DeltaEvictor;
import dev.weir.streaming.api.windowing.evictors.TimeEvictor;
import dev.weir.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The window operators' behaviours (issue 19: "the window test suites run on both backends, with identical results"):
 * late data dropped or sent to a side output, allowed lateness firing again, per-window and global state, count and
 * continuous triggers, purging, time, delta and count evictors, session merging with and without pre-aggregation,
 * sliding windows, and the slicing operator's tumbling and sliding aggregates over many keys, each with the same
 * exact output on {@code HashMapStateBackend} and on {@code EmbeddedRocksDBStateBackend}. The scenarios are weir-core's
 * {@code WindowsTest}'s, whose environments use the default (heap) backend.
 */
@Timeout(120)
class WindowsOnBothStateBackendsTest {
    private static StreamExecutionEnvironment env(String backend, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setStateBackend(backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend());
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void slidingWindowsEmitEveryWindowThatHoldsAnElementOfTheKey(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1), Ev.of("a", 4), Ev.of("b", 6))
                .keyBy(Ev::key).window(SlidingEventTimeWindows.of(Duration.ofMillis(6), Duration.ofMillis(3)))
                .process(new WindowsTest.Describe()));
        out.sort(null);
        assertThat(out).containsExactly("a[-3,3):1", "a[0,6):1+4", "a[3,9):4", "b[3,9):6", "b[6,12):6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void sessionWindowsMergeWhenALateEventBridgesTheGap(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 0), Ev.wm("a", 18, 5), Ev.of("a", 9), Ev.of("a", 40),
                        Ev.of("b", 3))
                .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(new WindowsTest.Describe()));
        out.sort(null);
        assertThat(out).containsExactly("a[0,28):0+9+18", "a[40,50):40", "b[3,13):3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void sessionWindowsCountWithPreAggregationAcrossMerges(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 0), Ev.of("a", 18), Ev.of("a", 9), Ev.of("a", 27))
                .keyBy(Ev::key).window(EventTimeSessionWindows.withDynamicGap((Ev e) -> e.ts() == 27 ? 1 : 10))
                .aggregate(new WindowsTest.Count(), new WindowFunction<Long, String, String, TimeWindow>() {
                    @Override
                    public void apply(String key, TimeWindow window, Iterable<Long> input, Collector<String> out) {
                        out.collect(key + window + "=" + input.iterator().next());
                    }
                }));
        assertThat(out).containsExactly("aTimeWindow{start=0, end=28}=4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void allowedLatenessFiresAgainForEachLateElementAndSideOutputsTheElementsPastIt(String backend) throws Exception {
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<String> windows = Ev.source(env(backend, 1), Ev.of("a", 1), Ev.wm("a", 2, 10), Ev.of("a", 3),
                        Ev.wm("a", 20, 15), Ev.of("a", 4))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(late)
                .process(new WindowsTest.Describe());
        List<String> out = Jobs.collect(windows.union(windows.getSideOutput(late).map(e -> "late:" + e.ts())));
        assertThat(out).containsExactlyInAnyOrder("a[0,10):1+2", "a[0,10):1+2+3", "late:4", "a[20,30):20");
        assertThat(out.stream().filter(s -> !s.startsWith("late"))).containsExactly("a[0,10):1+2", "a[0,10):1+2+3", "a[20,30):20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void lateElementsOfAnAggregateWithAllowedLatenessFireItAgainAndThosePastItGoToTheSideOutput(String backend) throws Exception {
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<Long> counts = Ev.source(env(backend, 1), Ev.of("a", 1), Ev.of("b", 2), Ev.wm("a", 3, 10),
                        Ev.of("a", 4), Ev.of("b", 5), Ev.wm("a", 21, 16), Ev.of("a", 6), Ev.of("b", 12))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(late)
                .aggregate(new WindowsTest.Count());
        List<String> out = Jobs.collect(counts.map(c -> "count:" + c).union(counts.getSideOutput(late).map(e -> "late:" + e.key() + e.ts())));
        out.sort(null);
        // a[0,10) fires with 1 and 3 (2), again with 4 (3); b[0,10) fires with 2 (1), again with 5 (2); at 16 both close.
        assertThat(out).containsExactly("count:1", "count:1", "count:1", "count:2", "count:2", "count:3", "late:a6");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void lateElementsWithoutSideOutputAreDroppedAndWindowsWithoutLatenessFireOnce(String backend) throws Exception {
        List<Long> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1), Ev.wm("a", 2, 9), Ev.of("a", 3), Ev.of("a", 12))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).aggregate(new WindowsTest.Count()));
        assertThat(out).containsExactly(2L, 1L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void windowStateIsPerWindowAndGlobalStateIsPerKey(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1), Ev.wm("a", 2, 10), Ev.of("a", 3), Ev.of("a", 14))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).allowedLateness(Duration.ofMillis(100))
                .process(new ProcessWindowFunction<Ev, String, String, TimeWindow>() {
                    @Override
                    public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) throws Exception {
                        ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
                        ValueState<Integer> total = ctx.globalState().getState(new ValueStateDescriptor<>("total", Integer.class));
                        int f = firings.value() == null ? 1 : firings.value() + 1;
                        int t = total.value() == null ? 1 : total.value() + 1;
                        firings.update(f);
                        total.update(t);
                        out.collect(ctx.window().getStart() + ":" + f + "/" + t + " wm=" + ctx.currentWatermark());
                    }
                }));
        assertThat(out).containsExactly("0:1/1 wm=10", "0:2/2 wm=10", "10:1/3 wm=9223372036854775807");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void countTriggerFiresEveryNElementsAndKeepsTheWindowUnlessPurging(String backend) throws Exception {
        StreamExecutionEnvironment env = env(backend, 1);
        List<String> keeping = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 2), Ev.of("a", 3), Ev.of("a", 4), Ev.of("a", 5))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(CountTrigger.of(2))
                .process(new WindowsTest.Describe()));
        assertThat(keeping).containsExactly("a[0,100):1+2", "a[0,100):1+2+3+4");
        List<String> purging = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 2), Ev.of("a", 3), Ev.of("a", 4), Ev.of("a", 5))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(PurgingTrigger.of(CountTrigger.of(2)))
                .process(new WindowsTest.Describe()));
        assertThat(purging).containsExactly("a[0,100):1+2", "a[0,100):3+4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void continuousEventTimeTriggerFiresAtEachIntervalTheWatermarkPassesAndAtTheWindowEnd(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1), Ev.wm("a", 2, 4), Ev.wm("a", 5, 9), Ev.wm("a", 12, 30))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(20)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(5)))
                .process(new WindowsTest.Describe()));
        assertThat(out).containsExactly("a[0,20):1+2+5", "a[0,20):1+2+5+12", "a[0,20):1+2+5+12", "a[0,20):1+2+5+12");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void countWindowsFireOnlyWhenFull(String backend) throws Exception {
        List<Integer> sums = Jobs.collect(env(backend, 1).fromData(1, 2, 3, 4, 5, 6, 7).keyBy(x -> x % 2).countWindow(2)
                .reduce(Integer::sum));
        sums.sort(null);
        assertThat(sums).containsExactly(4, 6, 12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void timeEvictorKeepsOnlyTheElementsNearTheNewestBeforeTheFunction(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1), Ev.of("a", 8), Ev.of("a", 3), Ev.of("a", 6), Ev.of("a", 9))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).evictor(TimeEvictor.of(Duration.ofMillis(3)))
                .process(new WindowsTest.Describe()));
        assertThat(out).containsExactly("a[0,10):8+9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void deltaEvictorRemovesElementsFarFromTheLastOne(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1, 10), Ev.of("a", 2, 3), Ev.of("a", 3, 12), Ev.of("a", 4, 11))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .evictor(DeltaEvictor.of(2.0, (Ev a, Ev b) -> Math.abs(a.value() - b.value())))
                .reduce((a, b) -> new Ev(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value(), Ev.NONE))
                .map(e -> e.key() + ":" + e.value() + "@" + e.ts()));
        assertThat(out).containsExactly("a:33@4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void countEvictorAfterTheFunctionKeepsOnlyTheLastElementForTheNextFiring(String backend) throws Exception {
        List<String> out = Jobs.collect(Ev.source(env(backend, 1), Ev.of("a", 1), Ev.of("a", 2), Ev.of("a", 3), Ev.of("a", 4))
                .keyBy(Ev::key).window(GlobalWindows.create()).trigger(CountTrigger.of(2))
                .evictor(CountEvictor.of(1, true))
                .process(new ProcessWindowFunction<Ev, String, String, GlobalWindow>() {
                    @Override
                    public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
                        List<Long> ts = new ArrayList<>();
                        elements.forEach(e -> ts.add(e.ts()));
                        out.collect(ts.toString());
                    }
                }));
        assertThat(out).containsExactly("[1, 2]", "[2, 3, 4]");
    }

    /**
     * The slicing operator over 2,000 keys on two subtasks, out of order within each window: every key's tumbling sum and
     * sliding maximum (three slices per window) exactly once per window holding one of its elements.
     */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void slicedTumblingSumsAndSlidingMaximaOfManyKeysComeOutOncePerWindow(String backend) throws Exception {
        int keys = 2_000;
        int perKey = 6;
        List<Ev> events = new ArrayList<>();
        TreeMap<String, Long> tumbling = new TreeMap<>();
        TreeMap<String, Long> sliding = new TreeMap<>();
        for (int round = 0; round < perKey; round++) {
            for (int k = 0; k < keys; k++) {
                // Timestamps step 30 ms per round, shuffled by key within 25 ms: windows of 100 ms hold 3 or 4 rounds.
                long ts = round * 30L + (k * 7L) % 25;
                int value = (k * 31 + round * 17) % 1_000;
                events.add(Ev.of("k" + k, ts, value));
                long start = ts - ts % 100;
                tumbling.merge("k" + k + "@" + start, (long) value, Long::sum);
                for (long s = ts - ts % 50; s > ts - 150; s -= 50) {
                    sliding.merge("k" + k + "@" + s, (long) value, Math::max);
                }
            }
        }
        StreamExecutionEnvironment env = env(backend, 2);
        DataStream<Ev> source = Ev.source(env, events.toArray(new Ev[0]));
        DataStream<String> sums = source.keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(100)))
                .aggregate(new SumOfValues(), new Labelled());
        DataStream<String> maxima = source.keyBy(Ev::key).window(SlidingEventTimeWindows.of(Duration.ofMillis(150), Duration.ofMillis(50)))
                .reduce((a, b) -> a.value() >= b.value() ? a : b, new LabelledMaximum());
        List<String> out = Jobs.collect(sums.union(maxima));
        out.sort(null);
        List<String> expected = new ArrayList<>();
        tumbling.forEach((window, sum) -> expected.add("sum " + window + "=" + sum));
        sliding.forEach((window, max) -> expected.add("max " + window + "=" + max));
        expected.sort(null);
        assertThat(out).hasSize(expected.size()).isEqualTo(expected);
    }

    static final class SumOfValues implements dev.weir.api.common.functions.AggregateFunction<Ev, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            acc[0] += value.value();
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0]};
        }
    }

    static final class Labelled extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Long> sums, Collector<String> out) {
            out.collect("sum " + key + "@" + ctx.window().getStart() + "=" + sums.iterator().next());
        }
    }

    static final class LabelledMaximum extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> maxima, Collector<String> out) {
            out.collect("max " + key + "@" + ctx.window().getStart() + "=" + maxima.iterator().next().value());
        }
    }
}
