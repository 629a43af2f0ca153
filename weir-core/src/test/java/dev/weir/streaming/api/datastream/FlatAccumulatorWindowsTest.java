package dev.weir.streaming.api.datastream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The slicing operator keeps accumulators whose fields are all primitive in its tables' arrays (issue 22): its results
 * equal the generic operator's (which keeps accumulator objects) on seeded random out-of-order input with late events,
 * for functions that change accumulators in place, return new ones, or return one of a subclass now and then; and
 * every result it emits is its own object.
 */
@Timeout(120)
class FlatAccumulatorWindowsTest {

    /** Only primitive fields; createAccumulator starts {@code max} at a value the zeroed arrays would not give. */
    public static class Stats {
        public long sum;
        public int count;
        public int max = Integer.MIN_VALUE;
        public boolean sawOdd;
        public double squares;

        @Override
        public String toString() {
            return sum + "/" + count + "/" + max + "/" + sawOdd + "/" + squares;
        }
    }

    /** A subclass {@link SometimesSubclass} returns now and then: kept as an object, not in the arrays. */
    public static final class MarkedStats extends Stats {
    }

    /** Changes the accumulator in place and returns it; getResult hands out the accumulator itself. */
    static class InPlace implements AggregateFunction<Ev, Stats, Stats> {
        @Override
        public Stats createAccumulator() {
            return new Stats();
        }

        @Override
        public Stats add(Ev value, Stats acc) {
            acc.sum += value.value();
            acc.count++;
            acc.max = Math.max(acc.max, value.value());
            acc.sawOdd |= (value.value() & 1) == 1;
            acc.squares += value.value() * (double) value.value();
            return acc;
        }

        @Override
        public Stats getResult(Stats acc) {
            return acc;
        }

        @Override
        public Stats merge(Stats a, Stats b) {
            a.sum += b.sum;
            a.count += b.count;
            a.max = Math.max(a.max, b.max);
            a.sawOdd |= b.sawOdd;
            a.squares += b.squares;
            return a;
        }
    }

    /** Returns new accumulators from merge, leaving both inputs as they were. */
    static final class FreshMerge extends InPlace {
        @Override
        public Stats merge(Stats a, Stats b) {
            Stats merged = new Stats();
            super.merge(merged, a);
            return super.merge(merged, b);
        }
    }

    /** Returns a {@link MarkedStats} for every value divisible by 5, and merges into a MarkedStats when either was. */
    static final class SometimesSubclass extends InPlace {
        @Override
        public Stats add(Ev value, Stats acc) {
            Stats added = super.add(value, acc);
            return value.value() % 5 == 0 ? copyInto(new MarkedStats(), added) : added;
        }

        @Override
        public Stats merge(Stats a, Stats b) {
            Stats merged = super.merge(copyInto(new Stats(), a), b);
            return a instanceof MarkedStats || b instanceof MarkedStats ? copyInto(new MarkedStats(), merged) : merged;
        }

        private static Stats copyInto(Stats target, Stats source) {
            target.sum = source.sum;
            target.count = source.count;
            target.max = source.max;
            target.sawOdd = source.sawOdd;
            target.squares = source.squares;
            return target;
        }
    }

    /** "key@start: stats (marked)" per window. */
    static final class Describe extends ProcessWindowFunction<Stats, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Stats> elements, Collector<String> out) {
            for (Stats s : elements) {
                out.collect(key + "@" + context.window().getStart() + ": " + s + (s instanceof MarkedStats ? " marked" : ""));
            }
        }
    }

    private static WindowedStream<Ev, String, TimeWindow> windowed(Ev[] events, long size, long slide, boolean generic,
                                                                    OutputTag<Ev> late) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        WindowedStream<Ev, String, TimeWindow> windowed = Ev.source(env, events).keyBy(Ev::key)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(size), Duration.ofMillis(slide)))
                .sideOutputLateData(late);
        if (generic) {
            windowed.trigger(EventTimeTrigger.create());
        }
        return windowed;
    }

    /** The window function's view, and late elements, sorted. */
    private static List<String> described(Ev[] events, long size, long slide, boolean generic, InPlace function)
            throws Exception {
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        SingleOutputStreamOperator<String> window = windowed(events, size, slide, generic, late)
                .aggregate(function, new Describe());
        List<String> out = Jobs.collect(window.union(window.getSideOutput(late).map(e -> "late:" + e)));
        out.sort(null);
        return out;
    }

    /** The aggregate's own results, kept by reference until the job ended and only then written out. */
    private static List<String> heldResults(Ev[] events, long size, long slide, boolean generic) throws Exception {
        OutputTag<Ev> late = new OutputTag<>("late") {
        };
        List<Stats> held = Jobs.collect(windowed(events, size, slide, generic, late).aggregate(new InPlace()));
        List<String> out = new ArrayList<>();
        for (Stats s : held) {
            out.add(s.toString());
        }
        out.sort(null);
        return out;
    }

    private static void assertSlicingEqualsGeneric(long seed, long size, long slide, InPlace function) throws Exception {
        Ev[] events = SlicingWindowsTest.randomEvents(seed, 3_000, 40, 20, (int) size);
        List<String> sliced = described(events, size, slide, false, function);
        assertThat(sliced).hasSizeGreaterThan(1_000);
        assertThat(sliced.stream().filter(s -> s.startsWith("late:"))).isNotEmpty();
        assertThat(sliced).as("size %d slide %d", size, slide).isEqualTo(described(events, size, slide, true, function));
    }

    @Test
    void aTumblingAndASlidingWindowOfFewSlidesEqualTheGenericOperatorWhenAccumulatorsChangeInPlace() throws Exception {
        assertSlicingEqualsGeneric(17, 15, 15, new InPlace());
        assertSlicingEqualsGeneric(18, 10, 1, new InPlace());
    }

    @Test
    void windowsOfManySlidesEqualTheGenericOperatorWhenMergeReturnsNewAccumulators() throws Exception {
        assertSlicingEqualsGeneric(19, 60, 1, new FreshMerge());
        assertSlicingEqualsGeneric(20, 24, 2, new InPlace());
    }

    @Test
    void accumulatorsOfASubclassAreKeptAsObjectsBesideTheFlatOnesAndStillEqualTheGenericOperator() throws Exception {
        assertSlicingEqualsGeneric(21, 10, 1, new SometimesSubclass());
        assertSlicingEqualsGeneric(22, 60, 1, new SometimesSubclass());
        assertSlicingEqualsGeneric(23, 15, 15, new SometimesSubclass());
    }

    @Test
    void everyEmittedAccumulatorIsItsOwnObjectThatNoLaterWindowChanges() throws Exception {
        Ev[] events = SlicingWindowsTest.randomEvents(24, 3_000, 40, 20);
        List<String> sliced = heldResults(events, 10, 1, false);
        assertThat(sliced).hasSizeGreaterThan(1_000);
        assertThat(sliced).isEqualTo(heldResults(events, 10, 1, true));
    }
}
