package dev.weir.testing;

import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Specs;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.windows.Window;
import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.OperatorFactory;
import dev.weir.engine.operators.Output;
import java.util.Objects;

/**
 * Runs one function of a one-input operator ({@code map}, {@code flatMap}, {@code filter}, {@code process},
 * {@code keyBy(...).process}, {@code keyBy(...).reduce}) in a test, without a job. The function instance you pass is
 * the one that runs, so a test may also look at its fields. A keyed harness sets the current key from its
 * {@link KeySelector} for every element, as {@code keyBy} does.
 *
 * <pre>{@code
 * OneInputHarness<Tuple2<String, Long>, String> harness = OneInputHarness.forKeyedProcessFunction(
 *         new TimeoutFunction(), t -> t.f0);
 * harness.processElement(Tuple2.of("a", 1L), 10L);   // registers an event-time timer at 110
 * harness.processWatermark(110L);                       // fires it
 * assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("timeout:a", 110L), HarnessRecord.watermark(110L));
 * }</pre>
 *
 * @param <IN>  the type of the input elements
 * @param <OUT> the type of the main output's elements
 */
public final class OneInputHarness<IN, OUT> extends OperatorHarness<OUT> {
    private OneInputHarness(OperatorSpec spec, Object function, KeySelector<?, ?> keySelector) {
        this(spec, keySelector);
        Objects.requireNonNull(function, "function");
    }

    /** A harness of the operator a job makes of {@code spec}; keyed when {@code keySelector} is not null. */
    OneInputHarness(OperatorSpec spec, KeySelector<?, ?> keySelector) {
        // Parallelism 1: the harness runs the caller's own instance, never a copy.
        super((OneInputOperator) OperatorFactory.create(spec, keySelector != null, spec.kind(), null, 1, spec.kind()), spec.kind(),
                keySelector == null ? keySelectors() : keySelectors(keySelector));
    }

    /**
     * The start of a harness for {@code keyBy(keySelector).window(assigner)}: configure the trigger, evictor and
     * lateness as on a {@code WindowedStream}, then give the window function. The harness runs the operator a job
     * would run: tumbling and sliding event-time windows with the default trigger run on Weir's slicing operator.
     */
    public static <T, K, W extends Window> WindowHarnessBuilder<T, K, W> forWindow(KeySelector<T, K> keySelector,
                                                                                 WindowAssigner<? super T, W> assigner) {
        requireKey(keySelector);
        return new WindowHarnessBuilder<>(keySelector, assigner);
    }

    /** A harness for {@code DataStream#map}. */
    public static <IN, OUT> OneInputHarness<IN, OUT> forMap(MapFunction<IN, OUT> function) {
        return new OneInputHarness<>(new Specs.MapSpec(function), function, null);
    }

    /** A harness for {@code DataStream#flatMap}. */
    public static <IN, OUT> OneInputHarness<IN, OUT> forFlatMap(FlatMapFunction<IN, OUT> function) {
        return new OneInputHarness<>(new Specs.FlatMapSpec(function), function, null);
    }

    /** A harness for {@code DataStream#filter}. */
    public static <T> OneInputHarness<T, T> forFilter(FilterFunction<T> function) {
        return new OneInputHarness<>(new Specs.FilterSpec(function), function, null);
    }

    /** A harness for {@code DataStream#process} on a non-keyed stream; its function may not use timers. */
    public static <IN, OUT> OneInputHarness<IN, OUT> forProcessFunction(ProcessFunction<IN, OUT> function) {
        return new OneInputHarness<>(new Specs.ProcessSpec(function), function, null);
    }

    /** A harness for {@code keyBy(keySelector).map(function)}: a rich map function may use keyed state. */
    public static <K, IN, OUT> OneInputHarness<IN, OUT> forKeyedMap(MapFunction<IN, OUT> function, KeySelector<IN, K> keySelector) {
        return new OneInputHarness<>(new Specs.MapSpec(function), function, requireKey(keySelector));
    }

    /** A harness for {@code keyBy(keySelector).flatMap(function)}: a rich flat-map function may use keyed state. */
    public static <K, IN, OUT> OneInputHarness<IN, OUT> forKeyedFlatMap(FlatMapFunction<IN, OUT> function,
                                                                         KeySelector<IN, K> keySelector) {
        return new OneInputHarness<>(new Specs.FlatMapSpec(function), function, requireKey(keySelector));
    }

    /** A harness for {@code keyBy(keySelector).process(function)}, with keyed state and timers. */
    public static <K, IN, OUT> OneInputHarness<IN, OUT> forKeyedProcessFunction(KeyedProcessFunction<K, IN, OUT> function,
                                                                                 KeySelector<IN, K> keySelector) {
        return new OneInputHarness<>(new Specs.KeyedProcessSpec(function), function, requireKey(keySelector));
    }

    /** A harness for {@code keyBy(keySelector).reduce(function)}: emits each key's running reduction. */
    public static <K, T> OneInputHarness<T, T> forKeyedReduce(ReduceFunction<T> function, KeySelector<T, K> keySelector) {
        return new OneInputHarness<>(new Specs.KeyedReduceSpec(function), function, requireKey(keySelector));
    }

    private static KeySelector<?, ?> requireKey(KeySelector<?, ?> keySelector) {
        return Objects.requireNonNull(keySelector, "keySelector: a keyed harness needs the KeySelector you pass to keyBy");
    }

    @Override
    public OneInputHarness<IN, OUT> withSubtask(int subtaskIndex, int parallelism, int maxParallelism) {
        configureSubtask(subtaskIndex, parallelism, maxParallelism);
        return this;
    }

    /** Processes an element with an event-time timestamp. */
    public void processElement(IN value, long timestamp) throws Exception {
        ((OneInputOperator) operatorForInput("processElement")).processElement(Objects.requireNonNull(value, "value"), timestamp);
    }

    /** Processes an element without a timestamp, as from a source without a watermark strategy. */
    public void processElement(IN value) throws Exception {
        ((OneInputOperator) operatorForInput("processElement")).processElement(Objects.requireNonNull(value, "value"),
                Output.NO_TIMESTAMP);
    }

    /**
     * Delivers a watermark: due event-time timers fire in timestamp order, then the watermark is forwarded to the
     * output. A watermark at or below {@link #currentWatermark()} is not delivered, as in a running task.
     */
    public void processWatermark(long watermark) throws Exception {
        advanceWatermark(watermark, "processWatermark");
    }

    /**
     * Tells the operator its input stopped producing watermarks ({@code true}) or resumed ({@code false}), as a
     * source's idleness does; a one-input operator forwards it, and its output here is not recorded.
     */
    public void processIdleness(boolean idle) throws Exception {
        operatorForInput("processIdleness").processIdleness(idle);
    }
}
