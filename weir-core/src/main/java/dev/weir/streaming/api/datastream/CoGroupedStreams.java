package dev.weir.streaming.api.datastream;

import dev.weir.api.common.functions.CoGroupFunction;
import dev.weir.util.Collector;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A window co-group of two streams: {@code a.coGroup(b).where(k1).equalTo(k2).window(assigner).apply(f)}. As in
 * Flink, both inputs are tagged, unioned, keyed and windowed; the function receives both sides of each key's window.
 */
public class CoGroupedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
        this.input1 = Objects.requireNonNull(input1, "input1");
        this.input2 = Objects.requireNonNull(input2, "input2");
    }

    public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
        return new Where<>(DataStream.requireFunction(keySelector, "where"));
    }

    /** The first input's key is set; the second's comes next. */
    public class Where<KEY> {
        private final KeySelector<T1, KEY> keySelector1;

        Where(KeySelector<T1, KEY> keySelector1) {
            this.keySelector1 = keySelector1;
        }

        public EqualTo equalTo(KeySelector<T2, KEY> keySelector) {
            return new EqualTo(DataStream.requireFunction(keySelector, "equalTo"));
        }

        /** Both keys are set; the window comes next. */
        public class EqualTo {
            private final KeySelector<T2, KEY> keySelector2;

            EqualTo(KeySelector<T2, KEY> keySelector2) {
                this.keySelector2 = keySelector2;
            }

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(input1, input2, keySelector1, keySelector2, assigner);
            }
        }
    }

    /** A co-group with its window; optionally a trigger, evictor and lateness, then the function. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed;

        WithWindow(DataStream<T1> input1, DataStream<T2> input2, KeySelector<T1, KEY> key1, KeySelector<T2, KEY> key2,
                   WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
            DataStream<TaggedUnion<T1, T2>> tagged1 = input1.map(new Input1Tagger<T1, T2>()).name("Map").setParallelism(input1.getParallelism());
            DataStream<TaggedUnion<T1, T2>> tagged2 = input2.map(new Input2Tagger<T1, T2>()).name("Map").setParallelism(input2.getParallelism());
            this.windowed = tagged1.union(tagged2).keyBy(new UnionKeySelector<>(key1, key2)).window(assigner);
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
            windowed.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
            windowed.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            windowed.allowedLateness(lateness);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Time lateness) {
            windowed.allowedLateness(lateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
            return windowed.apply(new CoGroupWindowFunction<T1, T2, T, KEY, W>(DataStream.requireFunction(function, "apply"))).name("CoGroup");
        }
    }

    /** An element of either input, tagged with its side. */
    public static class TaggedUnion<T1, T2> {
        private final T1 one;
        private final T2 two;

        private TaggedUnion(T1 one, T2 two) {
            this.one = one;
            this.two = two;
        }

        public boolean isOne() {
            return one != null;
        }

        public boolean isTwo() {
            return two != null;
        }

        public T1 getOne() {
            return one;
        }

        public T2 getTwo() {
            return two;
        }

        public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
            return new TaggedUnion<>(one, null);
        }

        public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
            return new TaggedUnion<>(null, two);
        }

        @Override
        public String toString() {
            return isOne() ? "one(" + one + ")" : "two(" + two + ")";
        }
    }

    private static final class Input1Tagger<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T1 value) {
            return TaggedUnion.one(value);
        }
    }

    private static final class Input2Tagger<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        @Override
        public TaggedUnion<T1, T2> map(T2 value) {
            return TaggedUnion.two(value);
        }
    }

    private static final class UnionKeySelector<T1, T2, KEY> implements KeySelector<TaggedUnion<T1, T2>, KEY> {
        private static final long serialVersionUID = 1L;
        private final KeySelector<T1, KEY> keySelector1;
        private final KeySelector<T2, KEY> keySelector2;

        UnionKeySelector(KeySelector<T1, KEY> keySelector1, KeySelector<T2, KEY> keySelector2) {
            this.keySelector1 = keySelector1;
            this.keySelector2 = keySelector2;
        }

        @Override
        public KEY getKey(TaggedUnion<T1, T2> value) throws Exception {
            return value.isOne() ? keySelector1.getKey(value.getOne()) : keySelector2.getKey(value.getTwo());
        }
    }

    private static final class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window>
            implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
        private static final long serialVersionUID = 1L;
        private final CoGroupFunction<T1, T2, T> function;

        CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> values, Collector<T> out) throws Exception {
            List<T1> ones = new ArrayList<>();
            List<T2> twos = new ArrayList<>();
            for (TaggedUnion<T1, T2> value : values) {
                if (value.isOne()) {
                    ones.add(value.getOne());
                } else {
                    twos.add(value.getTwo());
                }
            }
            function.coGroup(ones, twos, out);
        }
    }
}
