package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.evictors.DeltaEvictor;
import dev.weir.streaming.api.windowing.evictors.TimeEvictor;
import dev.weir.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.triggers.TriggerResult;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class WindowsTest {

    /** Emits "key[start,end):t1+t2+..." (element timestamps in ascending order) for every fired window. */
    static final class Describe extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            StringBuilder sb = new StringBuilder(key).append('[').append(ctx.window().getStart()).append(',').append(ctx.window().getEnd()).append("):");
            List<Long> timestamps = new ArrayList<>();
            for (Ev e : elements) {
                timestamps.add(e.ts());
            }
            timestamps.sort(null);
            List<String> values = new ArrayList<>();
            timestamps.forEach(t -> values.add(String.valueOf(t)));
            out.collect(sb.append(String.join("+", values)).toString());
        }
    }

    /** Counts elements per window. */
    static final class Count implements AggregateFunction<Ev, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            acc[0]++;
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

    @Test
    void wordCountSumsEachWordPerFiveSecondTumblingWindow() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        DataStream<Tuple2<String, Integer>> words = env.fromData(
                        Tuple2.of("to", 1_000), Tuple2.of("be", 2_000), Tuple2.of("or", 3_000), Tuple2.of("not", 4_999),
                        Tuple2.of("to", 5_000), Tuple2.of("be", 9_000), Tuple2.of("to", 12_000))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Integer>>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f1))
                .map(t -> Tuple2.of(t.f0, 1));
        List<String> counts = Jobs.collect(words.keyBy(t -> t.f0).window(TumblingEventTimeWindows.of(Duration.ofSeconds(5))).sum(1)
                .map(t -> t.f0 + "=" + t.f1));
        counts.sort(null);
        assertThat(counts).containsExactly("be=1", "be=1", "not=1", "or=1", "to=1", "to=1", "to=1");
        List<String> perWindow = Jobs.collect(env.fromData(Tuple2.of("to", 1_000L), Tuple2.of("to", 2_000L), Tuple2.of("be", 3_000L), Tuple2.of("to", 6_000L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps().withTimestampAssigner((t, ts) -> t.f1))
                .map(t -> Tuple2.of(t.f0, 1))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Time.seconds(5)))
                .sum(1)
                .process(new dev.weir.streaming.api.functions.ProcessFunction<Tuple2<String, Integer>, String>() {
                    @Override
                    public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) {
                        out.collect(value.f0 + "=" + value.f1 + "@" + ctx.timestamp());
                    }
                }));
        perWindow.sort(null);
        assertThat(perWindow).containsExactly("be=1@4999", "to=1@9999", "to=2@4999");
    }

    @Test
    void slidingWindowsEmitEveryWindowThatHoldsAnElementOfTheKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 4), Ev.of("b", 6))
                .keyBy(Ev::key).window(SlidingEventTimeWindows.of(Duration.ofMillis(6), Duration.ofMillis(3))).process(new Describe()));
        out.sort(null);
        assertThat(out).containsExactly("a[-3,3):1", "a[0,6):1+4", "a[3,9):4", "b[3,9):6", "b[6,12):6");
    }

    @Test
    void sessionWindowsMergeWhenALateEventBridgesTheGap() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 0), Ev.wm("a", 18, 5), Ev.of("a", 9), Ev.of("a", 40), Ev.of("b", 3))
                .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(Duration.ofMillis(10))).process(new Describe()));
        out.sort(null);
        assertThat(out).containsExactly("a[0,28):0+9+18", "a[40,50):40", "b[3,13):3");
    }

    @Test
    void sessionWindowsCountWithPreAggregationAcrossMerges() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 0), Ev.of("a", 18), Ev.of("a", 9), Ev.of("a", 27))
                .keyBy(Ev::key).window(EventTimeSessionWindows.withDynamicGap((Ev e) -> e.ts() == 27 ? 1 : 10))
                .aggregate(new Count(), new WindowFunction<Long, String, String, TimeWindow>() {
                    @Override
                    public void apply(String key, TimeWindow window, Iterable<Long> input, Collector<String> out) {
                        out.collect(key + window + "=" + input.iterator().next());
                    }
                }));
        assertThat(out).containsExactly("aTimeWindow{start=0, end=28}=4");
    }

    @Test
    void allowedLatenessFiresAgainForEachLateElementAndSideOutputsTheElementsPastIt() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<String> windows = Ev.source(env, Ev.of("a", 1), Ev.wm("a", 2, 10), Ev.of("a", 3), Ev.wm("a", 20, 15), Ev.of("a", 4))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(late)
                .process(new Describe());
        List<String> out = Jobs.collect(windows.union(windows.getSideOutput(late).map(e -> "late:" + e.ts())));
        assertThat(out).containsExactlyInAnyOrder("a[0,10):1+2", "a[0,10):1+2+3", "late:4", "a[20,30):20");
        assertThat(out.stream().filter(s -> !s.startsWith("late"))).containsExactly("a[0,10):1+2", "a[0,10):1+2+3", "a[20,30):20");
    }

    @Test
    void lateElementsOfAnAggregateWithAllowedLatenessFireItAgainAndThosePastItGoToTheSideOutput() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<Long> counts = Ev.source(env, Ev.of("a", 1), Ev.of("b", 2), Ev.wm("a", 3, 10),
                        Ev.of("a", 4), Ev.of("b", 5), Ev.wm("a", 21, 16), Ev.of("a", 6), Ev.of("b", 12))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(5))
                .sideOutputLateData(late)
                .aggregate(new Count());
        List<String> out = Jobs.collect(counts.map(c -> "count:" + c).union(counts.getSideOutput(late).map(e -> "late:" + e.key() + e.ts())));
        out.sort(null);
        // a[0,10) fires with 1 and 3 (2), again with 4 (3); b[0,10) fires with 2 (1), again with 5 (2); at 16 both close.
        assertThat(out).containsExactly("count:1", "count:1", "count:1", "count:2", "count:2", "count:3", "late:a6");
    }

    @Test
    void lateElementsWithoutSideOutputAreDroppedAndWindowsWithoutLatenessFireOnce() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Long> out = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.wm("a", 2, 9), Ev.of("a", 3), Ev.of("a", 12))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).aggregate(new Count()));
        assertThat(out).containsExactly(2L, 1L);
    }

    @Test
    void windowStateIsPerWindowAndGlobalStateIsPerKey() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.wm("a", 2, 10), Ev.of("a", 3), Ev.of("a", 14))
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

    @Test
    void countTriggerFiresEveryNElementsAndKeepsTheWindowUnlessPurging() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> keeping = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 2), Ev.of("a", 3), Ev.of("a", 4), Ev.of("a", 5))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(CountTrigger.of(2)).process(new Describe()));
        assertThat(keeping).containsExactly("a[0,100):1+2", "a[0,100):1+2+3+4");
        List<String> purging = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 2), Ev.of("a", 3), Ev.of("a", 4), Ev.of("a", 5))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(100))).trigger(PurgingTrigger.of(CountTrigger.of(2))).process(new Describe()));
        assertThat(purging).containsExactly("a[0,100):1+2", "a[0,100):3+4");
    }

    @Test
    void continuousEventTimeTriggerFiresAtEachIntervalTheWatermarkPassesAndAtTheWindowEnd() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.wm("a", 2, 4), Ev.wm("a", 5, 9), Ev.wm("a", 12, 30))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(20))).trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(5)))
                .process(new Describe()));
        assertThat(out).containsExactly("a[0,20):1+2+5", "a[0,20):1+2+5+12", "a[0,20):1+2+5+12", "a[0,20):1+2+5+12");
    }

    @Test
    void countWindowsFireOnlyWhenFull() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Integer> sums = Jobs.collect(env.fromData(1, 2, 3, 4, 5, 6, 7).keyBy(x -> x % 2).countWindow(2).reduce(Integer::sum));
        sums.sort(null);
        assertThat(sums).containsExactly(4, 6, 12);
        List<Integer> all = Jobs.collect(env.fromData(1, 2, 3, 4, 5, 6, 7).countWindowAll(3).reduce(Integer::sum));
        assertThat(all).containsExactly(6, 15);
    }

    @Test
    void slidingCountWindowsEvaluateTheLastSizeElementsEverySlideElements() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(env.fromData(1, 2, 3, 4, 5, 6, 7).countWindowAll(3, 2)
                .apply((GlobalWindow w, Iterable<Integer> values, Collector<String> c) -> c.collect(values.toString())));
        assertThat(out).containsExactly("[1, 2]", "[2, 3, 4]", "[4, 5, 6]");
    }

    @Test
    void timeEvictorKeepsOnlyTheElementsNearTheNewestBeforeTheFunction() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 8), Ev.of("a", 3), Ev.of("a", 6), Ev.of("a", 9))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10))).evictor(TimeEvictor.of(Duration.ofMillis(3)))
                .process(new Describe()));
        assertThat(out).containsExactly("a[0,10):8+9");
    }

    @Test
    void deltaEvictorRemovesElementsFarFromTheLastOne() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 1, 10), Ev.of("a", 2, 3), Ev.of("a", 3, 12), Ev.of("a", 4, 11))
                .keyBy(Ev::key).window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .evictor(DeltaEvictor.of(2.0, (Ev a, Ev b) -> Math.abs(a.value() - b.value())))
                .reduce((a, b) -> new Ev(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value(), Ev.NONE))
                .map(e -> e.key() + ":" + e.value() + "@" + e.ts()));
        assertThat(out).containsExactly("a:33@4");
    }

    @Test
    void countEvictorAfterTheFunctionKeepsOnlyTheLastElementForTheNextFiring() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<String> out = Jobs.collect(Ev.source(env, Ev.of("a", 1), Ev.of("a", 2), Ev.of("a", 3), Ev.of("a", 4))
                .keyBy(Ev::key).window(GlobalWindows.create()).trigger(CountTrigger.of(2))
                .evictor(dev.weir.streaming.api.windowing.evictors.CountEvictor.of(1, true))
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

    @Test
    void windowAllRunsOnOneSubtaskOverTheWholeStream() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(3);
        SingleOutputStreamOperator<String> out = Ev.source(env, Ev.of("a", 1), Ev.of("b", 2), Ev.of("c", 12))
                .windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .process(new ProcessAllWindowFunction<Ev, String, TimeWindow>() {
                    @Override
                    public void process(Context ctx, Iterable<Ev> elements, Collector<String> out) {
                        int n = 0;
                        for (Ev ignored : elements) {
                            n++;
                        }
                        out.collect(ctx.window().getStart() + ":" + n);
                    }
                });
        assertThat(out.getParallelism()).isEqualTo(1);
        assertThat(Jobs.collectSorted(out)).containsExactly("0:2", "10:1");
    }

    @Test
    void anEventTimeWindowOnAStreamWithoutWatermarksFailsWhenTheJobIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Integer> windowed = env.fromData(1, 2, 3).keyBy(x -> x).window(TumblingEventTimeWindows.of(Duration.ofSeconds(5))).sum(0);
        assertThatThrownBy(() -> Jobs.collect(windowed))
                .hasMessageContaining("works in event time")
                .hasMessageContaining("Collection Source")
                .hasMessageContaining("assignTimestampsAndWatermarks");
    }

    @Test
    void aMergingAssignerRefusesATriggerThatCannotMerge() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        WindowedStream<Ev, String, TimeWindow> sessions = Ev.source(env, Ev.of("a", 1)).keyBy(Ev::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(5)));
        assertThatThrownBy(() -> sessions.trigger(new Trigger<Object, Window>() {
            @Override
            public TriggerResult onElement(Object element, long timestamp, Window window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, Window window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, Window window, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public void clear(Window window, TriggerContext ctx) {
            }
        })).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("canMerge");
    }

    /**
     * The slicing operator over 2,000 keys on two subtasks, out of order within each window: every key's tumbling sum and
     * sliding maximum (three slices per window) exactly once per window holding one of its elements.
     */
    @Test
    void slicedTumblingSumsAndSlidingMaximaOfManyKeysComeOutOncePerWindow() throws Exception {
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
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
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
