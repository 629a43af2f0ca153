package dev.weir.testing;

import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.CoFlatMapFunction;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.plan.OperatorSpec;
import dev.weir.plan.Specs;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.engine.operators.OperatorFactory;
import dev.weir.engine.operators.Output;
import dev.weir.engine.operators.TwoInputOperator;
import java.util.List;
import java.util.Objects;

/**
 * Runs one function of connected streams ({@code connect(...).map}, {@code .flatMap}, {@code .process}, and
 * {@code .keyBy(k1, k2).process}) in a test, without a job. Each input has its own watermark; the operator's is
 * the smaller of the two, as in a running task.
 *
 * <pre>{@code
 * TwoInputHarness<String, Integer, String> harness = TwoInputHarness.forCoMap(new CoMapFunction<>() {
 *     public String map1(String s) { return "left:" + s; }
 *     public String map2(Integer i) { return "right:" + i; }
 * });
 * harness.processElement1("a", 1L);
 * harness.processElement2(7, 2L);
 * assertThat(harness.extractOutputValues()).containsExactly("left:a", "right:7");
 * }</pre>
 *
 * @param <IN1> the type of the first input's elements
 * @param <IN2> the type of the second input's elements
 * @param <OUT> the type of the main output's elements
 */
public final class TwoInputHarness<IN1, IN2, OUT> extends OperatorHarness<OUT> {
    private long watermark1 = Long.MIN_VALUE;
    private long watermark2 = Long.MIN_VALUE;

    private TwoInputHarness(OperatorSpec spec, Object function, KeySelector<?, ?> key1, KeySelector<?, ?> key2) {
        super(create(spec, function, key1 != null), spec.kind(), key1 == null ? keySelectors() : keySelectors(key1, key2));
    }

    private static TwoInputOperator create(OperatorSpec spec, Object function, boolean keyed) {
        Objects.requireNonNull(function, "function");
        // Parallelism 1: the harness runs the caller's own instance, never a copy.
        return (TwoInputOperator) OperatorFactory.create(spec, keyed, spec.kind(), null, 1, spec.kind());
    }

    /** A harness for {@code ConnectedStreams#map}. */
    public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forCoMap(CoMapFunction<IN1, IN2, OUT> function) {
        return new TwoInputHarness<>(new Specs.CoMapSpec(function), function, null, null);
    }

    /** A harness for {@code ConnectedStreams#flatMap}. */
    public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forCoFlatMap(CoFlatMapFunction<IN1, IN2, OUT> function) {
        return new TwoInputHarness<>(new Specs.CoFlatMapSpec(function), function, null, null);
    }

    /** A harness for {@code ConnectedStreams#process} on streams that are not keyed; its function may not use timers. */
    public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forCoProcessFunction(CoProcessFunction<IN1, IN2, OUT> function) {
        return new TwoInputHarness<>(new Specs.CoProcessSpec(function), function, null, null);
    }

    /** A harness for {@code connect(...).keyBy(key1, key2).process(function)}, with keyed state and timers. */
    public static <K, IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forKeyedCoProcessFunction(
            KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> key1, KeySelector<IN2, K> key2) {
        Objects.requireNonNull(key1, "key1: a keyed harness needs the KeySelector of the first input");
        Objects.requireNonNull(key2, "key2: a keyed harness needs the KeySelector of the second input");
        return new TwoInputHarness<>(new Specs.KeyedCoProcessSpec(function), function, key1, key2);
    }

    /** A harness for {@code stream.connect(broadcastStream).process(function)}; input 2 is the broadcast input. */
    public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forBroadcastProcessFunction(
            BroadcastProcessFunction<IN1, IN2, OUT> function, MapStateDescriptor<?, ?>... descriptors) {
        return new TwoInputHarness<>(new Specs.BroadcastProcessSpec(function, List.of(descriptors)), function, null, null);
    }

    /** A harness for {@code keyed.connect(broadcastStream).process(function)}; input 2 is the broadcast input. */
    public static <K, IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector,
            MapStateDescriptor<?, ?>... descriptors) {
        Objects.requireNonNull(keySelector, "keySelector: a keyed harness needs the KeySelector of the keyed input");
        return new TwoInputHarness<>(new Specs.KeyedBroadcastProcessSpec(function, List.of(descriptors)), function, keySelector, null);
    }

    @Override
    public TwoInputHarness<IN1, IN2, OUT> withSubtask(int subtaskIndex, int parallelism, int maxParallelism) {
        configureSubtask(subtaskIndex, parallelism, maxParallelism);
        return this;
    }

    /** Processes an element of the first input with an event-time timestamp. */
    public void processElement1(IN1 value, long timestamp) throws Exception {
        ((TwoInputOperator) operatorForInput("processElement1")).processElement1(Objects.requireNonNull(value, "value"), timestamp);
    }

    /** Processes an element of the first input without a timestamp. */
    public void processElement1(IN1 value) throws Exception {
        processElement1(value, Output.NO_TIMESTAMP);
    }

    /** Processes an element of the second input with an event-time timestamp. */
    public void processElement2(IN2 value, long timestamp) throws Exception {
        ((TwoInputOperator) operatorForInput("processElement2")).processElement2(Objects.requireNonNull(value, "value"), timestamp);
    }

    /** Processes an element of the second input without a timestamp. */
    public void processElement2(IN2 value) throws Exception {
        processElement2(value, Output.NO_TIMESTAMP);
    }

    /**
     * The first input's watermark; the operator receives {@code min(first, second)} when that advances, so nothing
     * fires until the second input's watermark has moved too.
     */
    public void processWatermark1(long watermark) throws Exception {
        watermark1 = Math.max(watermark1, watermark);
        advanceWatermark(Math.min(watermark1, watermark2), "processWatermark1");
    }

    /** The second input's watermark; see {@link #processWatermark1}. */
    public void processWatermark2(long watermark) throws Exception {
        watermark2 = Math.max(watermark2, watermark);
        advanceWatermark(Math.min(watermark1, watermark2), "processWatermark2");
    }

    /** The same watermark on both inputs. */
    public void processWatermark(long watermark) throws Exception {
        watermark1 = Math.max(watermark1, watermark);
        watermark2 = Math.max(watermark2, watermark);
        advanceWatermark(Math.min(watermark1, watermark2), "processWatermark");
    }

    long watermark1() {
        return watermark1;
    }

    long watermark2() {
        return watermark2;
    }
}
