package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The slicing operator (chosen for the default trigger) against the generic window operator (chosen when the same
 * trigger is set explicitly) on seeded random out-of-order input with late events and negative timestamps.
 */
@Timeout(120)
class SlicingWindowsTest {

    /** Sums values and counts elements: commutative, as window pre-aggregation assumes. */
    static final class SumCount implements AggregateFunction<Ev, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            acc[0] += value.value();
            acc[1]++;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    static Ev[] randomEvents(long seed, int n, int keys, int outOfOrder) {
        return randomEvents(seed, n, keys, outOfOrder, 0);
    }

    /** As above; with {@code behind > 0}, one event in ten is up to that far behind the watermark (late or not). */
    static Ev[] randomEvents(long seed, int n, int keys, int outOfOrder, int behind) {
        Random random = new Random(seed);
        Ev[] events = new Ev[n];
        long time = -500;
        long maxSeen = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            time += random.nextInt(3);
            // Mostly within the out-of-orderness bound; a few far behind it, so they are late.
            long ts = random.nextInt(50) == 0 ? time - 150
                    : behind > 0 && random.nextInt(10) == 0 ? time - outOfOrder - random.nextInt(behind)
                    : time - random.nextInt(outOfOrder);
            maxSeen = Math.max(maxSeen, ts);
            long watermark = random.nextInt(4) == 0 ? maxSeen - outOfOrder : Ev.NONE;
            events[i] = new Ev("k" + random.nextInt(keys), ts, random.nextInt(100), watermark);
        }
        return events;
    }

    /** Lists the window's values in the order the window function sees them: order matters here. */
    static final class ValuesInOrder extends dev.weir.streaming.api.functions.windowing.ProcessWindowFunction<Ev, String, String,
            dev.weir.streaming.api.windowing.windows.TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            StringBuilder sb = new StringBuilder(key).append(ctx.window().getStart()).append(':');
            for (Ev e : elements) {
                sb.append(e.value()).append(',');
            }
            out.collect(sb.toString());
        }
    }

    private static List<String> run(Ev[] events, long size, long slide, boolean forceGeneric, boolean reduce) throws Exception {
        return run(events, size, slide, forceGeneric, reduce ? "reduce" : "aggregate");
    }

    private static List<String> run(Ev[] events, long size, long slide, boolean forceGeneric, String mode) throws Exception {
        return run(events, size, slide, forceGeneric, mode, false);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> run(Ev[] events, long size, long slide, boolean forceGeneric, String mode, boolean longKeys) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        KeyedStream keyed = longKeys ? Ev.source(env, events).keyBy(e -> Long.parseLong(e.key().substring(1)))
                : Ev.source(env, events).keyBy(Ev::key);
        WindowedStream<Ev, String, ?> windowed = keyed
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide))).sideOutputLateData(late);
        if (forceGeneric) {
            windowed.trigger(EventTimeTrigger.create());
        }
        SingleOutputStreamOperator<?> window = switch (mode) {
            case "reduce" -> windowed.reduce((a, b) -> new Ev(a.key(), 0, a.value() + b.value(), Ev.NONE));
            case "process" -> ((WindowedStream<Ev, String, dev.weir.streaming.api.windowing.windows.TimeWindow>) windowed).process(new ValuesInOrder());
            default -> windowed.aggregate(new SumCount());
        };
        DataStream<String> results = window.map(Object::toString);
        DataStream<String> stamped = results.process(new ProcessFunction<String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> out) {
                out.collect(value + "@" + ctx.timestamp());
            }
        });
        List<String> out = Jobs.collect(stamped.union(window.getSideOutput(late).map(e -> "late:" + e)));
        out.sort(null);
        return out;
    }

    private static void assertSameResults(long seed, long size, long slide, boolean reduce) throws Exception {
        Ev[] events = randomEvents(seed, 3_000, 50, 20);
        List<String> sliced = run(events, size, slide, false, reduce);
        List<String> generic = run(events, size, slide, true, reduce);
        assertThat(sliced).hasSizeGreaterThan(1_000);
        assertThat(sliced.stream().filter(s -> s.startsWith("late:"))).isNotEmpty();
        assertThat(sliced).isEqualTo(generic);
    }

    @Test
    void slicingEqualsTheGenericOperatorForSlidingTenByOne() throws Exception {
        assertSameResults(42, 10, 1, false);
    }

    @Test
    void slicingEqualsTheGenericOperatorForSlidingSixtyByOne() throws Exception {
        assertSameResults(7, 60, 1, false);
    }

    @Test
    void windowsOfManySlidesEqualTheGenericOperatorWithLongKeysAndOutOfOrderElementsBehindTheWatermark() throws Exception {
        // 60/1, 24/2 and 12/1 combine slices in two stacks; elements behind the watermark but not late land in
        // slices already combined and must still reach every window not fired yet.
        for (long[] sizeAndSlide : new long[][] {{60, 1}, {24, 2}, {12, 1}}) {
            Ev[] events = randomEvents(sizeAndSlide[0] * 31 + sizeAndSlide[1], 3_000, 40, 20, (int) sizeAndSlide[0]);
            List<String> sliced = run(events, sizeAndSlide[0], sizeAndSlide[1], false, "aggregate", true);
            List<String> generic = run(events, sizeAndSlide[0], sizeAndSlide[1], true, "aggregate", true);
            assertThat(sliced).hasSizeGreaterThan(1_000);
            assertThat(sliced.stream().filter(s -> s.startsWith("late:"))).isNotEmpty();
            assertThat(sliced).as("size %d slide %d", sizeAndSlide[0], sizeAndSlide[1]).isEqualTo(generic);
            List<String> reduced = run(events, sizeAndSlide[0], sizeAndSlide[1], false, "reduce", true);
            assertThat(reduced).isEqualTo(run(events, sizeAndSlide[0], sizeAndSlide[1], true, "reduce", true));
        }
    }

    @Test
    void slicingEqualsTheGenericOperatorForAReduceWithSlicesOfTheGcd() throws Exception {
        assertSameResults(3, 25, 10, true);
    }

    @Test
    void aSlidingProcessFunctionWithoutPreAggregationSeesEachWindowsElementsInArrivalOrder() throws Exception {
        Ev[] events = randomEvents(5, 3_000, 50, 20);
        List<String> sliced = run(events, 10, 1, false, "process");
        List<String> generic = run(events, 10, 1, true, "process");
        assertThat(sliced).hasSizeGreaterThan(1_000);
        assertThat(sliced).isEqualTo(generic);
    }

    @Test
    void slicingEqualsTheGenericOperatorForTumblingWindows() throws Exception {
        assertSameResults(11, 15, 15, true);
    }

    @Test
    void randomInputHasOutOfOrderEvents() {
        Ev[] events = randomEvents(42, 3_000, 50, 20);
        List<Long> ts = new ArrayList<>();
        for (Ev e : events) {
            ts.add(e.ts());
        }
        List<Long> sorted = new ArrayList<>(ts);
        sorted.sort(null);
        assertThat(ts).isNotEqualTo(sorted);
        assertThat(ts.get(0)).isNegative();
    }
}
