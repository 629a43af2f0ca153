package dev.weir.streaming.api.datastream;

import dev.weir.api.common.functions.CoGroupFunction;
import dev.weir.util.Collector;
import dev.weir.api.common.functions.FlatJoinFunction;
import dev.weir.api.common.functions.JoinFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import java.time.Duration;
import java.util.Objects;

/**
 * A window join of two streams: {@code a.join(b).where(k1).equalTo(k2).window(assigner).apply(f)} calls {@code f} for
 * every pair of elements with equal keys in the same window. It runs as a window co-group, as in Flink.
 */
public class JoinedStreams<T1, T2> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;

    public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
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

            public <W extends Window> WithWindow<T1, T2, KEY, W> window(
                    WindowAssigner<? super CoGroupedStreams.TaggedUnion<T1, T2>, W> assigner) {
                return new WithWindow<>(new CoGroupedStreams.WithWindow<>(input1, input2, keySelector1, keySelector2, assigner));
            }
        }
    }

    /** A join with its window; optionally a trigger, evictor and lateness, then the join function. */
    public static class WithWindow<T1, T2, KEY, W extends Window> {
        private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

        WithWindow(CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
            this.coGroup = coGroup;
        }

        public WithWindow<T1, T2, KEY, W> trigger(Trigger<? super CoGroupedStreams.TaggedUnion<T1, T2>, ? super W> trigger) {
            coGroup.trigger(trigger);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> evictor(Evictor<? super CoGroupedStreams.TaggedUnion<T1, T2>, ? super W> evictor) {
            coGroup.evictor(evictor);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        public WithWindow<T1, T2, KEY, W> allowedLateness(Time lateness) {
            coGroup.allowedLateness(lateness);
            return this;
        }

        public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
            return coGroup.apply(new JoinCoGroupFunction<>(DataStream.requireFunction(function, "apply"))).name("Window Join");
        }

        public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
            return coGroup.apply(new FlatJoinCoGroupFunction<>(DataStream.requireFunction(function, "apply"))).name("Window Join");
        }
    }

    private static final class JoinCoGroupFunction<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        private final JoinFunction<T1, T2, T> function;

        JoinCoGroupFunction(JoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 left : first) {
                for (T2 right : second) {
                    out.collect(function.join(left, right));
                }
            }
        }
    }

    private static final class FlatJoinCoGroupFunction<T1, T2, T> implements CoGroupFunction<T1, T2, T> {
        private static final long serialVersionUID = 1L;
        private final FlatJoinFunction<T1, T2, T> function;

        FlatJoinCoGroupFunction(FlatJoinFunction<T1, T2, T> function) {
            this.function = function;
        }

        @Override
        public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out) throws Exception {
            for (T1 left : first) {
                for (T2 right : second) {
                    function.join(left, right, out);
                }
            }
        }
    }
}
