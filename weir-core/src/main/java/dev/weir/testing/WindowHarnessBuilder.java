package dev.weir.testing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.plan.WindowSpecs;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.evictors.Evictor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures a harness for a window exactly as {@code keyBy(keySelector).window(assigner)} configures a
 * {@code WindowedStream} (same methods, same checks), and makes it when given the window function:
 *
 * <pre>{@code
 * OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> harness =
 *         OneInputHarness.forWindow(t -> t.f0, TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *                 .sideOutputLateData(late)
 *                 .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
 * }</pre>
 *
 * @param <T> the type of the input elements
 * @param <K> the type of the key
 * @param <W> the type of the windows
 */
public final class WindowHarnessBuilder<T, K, W extends Window> {
    private final KeySelector<T, K> keySelector;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private boolean customTrigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataOutputTag;

    WindowHarnessBuilder(KeySelector<T, K> keySelector, WindowAssigner<? super T, W> assigner) {
        this.keySelector = keySelector;
        this.assigner = Objects.requireNonNull(assigner, "window assigner");
        this.trigger = Objects.requireNonNull(assigner.getDefaultTrigger(), () -> assigner + " returned no default trigger");
    }

    /** Replaces the assigner's default trigger, as {@code WindowedStream#trigger}. */
    public WindowHarnessBuilder<T, K, W> trigger(Trigger<? super T, ? super W> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        WindowSpecs.requireMergeableTrigger(assigner, trigger);
        this.trigger = trigger;
        this.customTrigger = true;
        return this;
    }

    /** Sets an evictor, as {@code WindowedStream#evictor}; the window then keeps all its elements. */
    public WindowHarnessBuilder<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    /** Keeps event-time windows this long after their end, as {@code WindowedStream#allowedLateness}. */
    public WindowHarnessBuilder<T, K, W> allowedLateness(Duration lateness) {
        long millis = Objects.requireNonNull(lateness, "lateness").toMillis();
        if (millis < 0) {
            throw new IllegalArgumentException("The allowed lateness cannot be negative, was " + millis + " ms");
        }
        this.allowedLateness = millis;
        return this;
    }

    /** Sends elements too late for all their windows to this side output, as {@code WindowedStream#sideOutputLateData}. */
    public WindowHarnessBuilder<T, K, W> sideOutputLateData(OutputTag<T> outputTag) {
        this.lateDataOutputTag = Objects.requireNonNull(outputTag, "Side output tag must not be null.");
        return this;
    }

    /** A harness for {@code reduce(function)}: each window reduced to one element, incrementally. */
    public OneInputHarness<T, T> reduce(ReduceFunction<T> function) {
        return build("reduce", Objects.requireNonNull(function, "function"), null);
    }

    /** A harness for {@code reduce(function, windowFunction)}. */
    public <R> OneInputHarness<T, R> reduce(ReduceFunction<T> function, ProcessWindowFunction<T, R, K, W> windowFunction) {
        return build("reduce", Objects.requireNonNull(function, "function"), Objects.requireNonNull(windowFunction, "windowFunction"));
    }

    /** A harness for {@code reduce(function, windowFunction)} with a legacy {@code WindowFunction}. */
    public <R> OneInputHarness<T, R> reduce(ReduceFunction<T> function, WindowFunction<T, R, K, W> windowFunction) {
        return build("reduce", Objects.requireNonNull(function, "function"), Objects.requireNonNull(windowFunction, "windowFunction"));
    }

    /** A harness for {@code aggregate(function)}: emits {@code getResult} of each window's accumulator. */
    public <ACC, R> OneInputHarness<T, R> aggregate(AggregateFunction<T, ACC, R> function) {
        return build("aggregate", Objects.requireNonNull(function, "function"), null);
    }

    /** A harness for {@code aggregate(function, windowFunction)}. */
    public <ACC, V, R> OneInputHarness<T, R> aggregate(AggregateFunction<T, ACC, V> function,
                                                      ProcessWindowFunction<V, R, K, W> windowFunction) {
        return build("aggregate", Objects.requireNonNull(function, "function"), Objects.requireNonNull(windowFunction, "windowFunction"));
    }

    /** A harness for {@code aggregate(function, windowFunction)} with a legacy {@code WindowFunction}. */
    public <ACC, V, R> OneInputHarness<T, R> aggregate(AggregateFunction<T, ACC, V> function, WindowFunction<V, R, K, W> windowFunction) {
        return build("aggregate", Objects.requireNonNull(function, "function"), Objects.requireNonNull(windowFunction, "windowFunction"));
    }

    /** A harness for {@code process(function)}: each fired window evaluated with all its elements. */
    public <R> OneInputHarness<T, R> process(ProcessWindowFunction<T, R, K, W> function) {
        return build("process", null, Objects.requireNonNull(function, "function"));
    }

    /** A harness for {@code apply(function)} with a legacy {@code WindowFunction}. */
    public <R> OneInputHarness<T, R> apply(WindowFunction<T, R, K, W> function) {
        return build("apply", null, Objects.requireNonNull(function, "function"));
    }

    private <R> OneInputHarness<T, R> build(String method, Function preAggregation, Function windowFunction) {
        WindowSpecs.requirePlainPreAggregation(preAggregation, method);
        return new OneInputHarness<>(new WindowSpecs.WindowSpec(assigner, trigger, customTrigger, evictor, allowedLateness,
                lateDataOutputTag, preAggregation, windowFunction), keySelector);
    }
}
