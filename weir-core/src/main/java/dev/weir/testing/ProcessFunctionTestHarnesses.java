package dev.weir.testing;

import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.typeinfo.TypeInformation;

/**
 * Flink's entry point for testing process functions, by the same names, so ported tests read the same. Each method
 * returns the harness {@link OneInputHarness} or {@link TwoInputHarness} would:
 *
 * <pre>{@code
 * OneInputHarness<Event, Alert> harness =
 *         ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AlertFunction(), Event::userId);
 * harness.processElement(new Event("u1", 500), 10L);
 * assertThat(harness.extractOutputValues()).containsExactly(new Alert("u1"));
 * }</pre>
 */
public final class ProcessFunctionTestHarnesses {
    private ProcessFunctionTestHarnesses() {
    }

    /** A harness for a {@link ProcessFunction} on a non-keyed stream. */
    public static <IN, OUT> OneInputHarness<IN, OUT> forProcessFunction(ProcessFunction<IN, OUT> function) {
        return OneInputHarness.forProcessFunction(function);
    }

    /** A harness for a {@link KeyedProcessFunction} after {@code keyBy(keySelector)}. */
    public static <K, IN, OUT> OneInputHarness<IN, OUT> forKeyedProcessFunction(KeyedProcessFunction<K, IN, OUT> function,
                                                                                KeySelector<IN, K> keySelector) {
        return OneInputHarness.forKeyedProcessFunction(function, keySelector);
    }

    /** Flink's form with the key's type information, which Weir does not need; the same as the two-argument form. */
    public static <K, IN, OUT> OneInputHarness<IN, OUT> forKeyedProcessFunction(KeyedProcessFunction<K, IN, OUT> function,
                                                                                KeySelector<IN, K> keySelector,
                                                                                TypeInformation<K> keyType) {
        return OneInputHarness.forKeyedProcessFunction(function, keySelector);
    }

    /** A harness for a {@link CoProcessFunction} on connected streams that are not keyed. */
    public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forCoProcessFunction(CoProcessFunction<IN1, IN2, OUT> function) {
        return TwoInputHarness.forCoProcessFunction(function);
    }

    /** A harness for a {@link KeyedCoProcessFunction} after {@code keyBy(key1, key2)}. */
    public static <K, IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forKeyedCoProcessFunction(
            KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> key1, KeySelector<IN2, K> key2) {
        return TwoInputHarness.forKeyedCoProcessFunction(function, key1, key2);
    }

    /** Flink's form with the key's type information, which Weir does not need; the same as the three-argument form. */
    public static <K, IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forKeyedCoProcessFunction(
            KeyedCoProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> key1, KeySelector<IN2, K> key2,
            TypeInformation<K> keyType) {
        return TwoInputHarness.forKeyedCoProcessFunction(function, key1, key2);
    }

    /** A harness for a {@link BroadcastProcessFunction}; input 2 is the broadcast input. */
    public static <IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forBroadcastProcessFunction(
            BroadcastProcessFunction<IN1, IN2, OUT> function, MapStateDescriptor<?, ?>... descriptors) {
        return TwoInputHarness.forBroadcastProcessFunction(function, descriptors);
    }

    /** A harness for a {@link KeyedBroadcastProcessFunction} after {@code keyBy(keySelector)}; input 2 is the broadcast input. */
    public static <K, IN1, IN2, OUT> TwoInputHarness<IN1, IN2, OUT> forKeyedBroadcastProcessFunction(
            KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function, KeySelector<IN1, K> keySelector,
            MapStateDescriptor<?, ?>... descriptors) {
        return TwoInputHarness.forKeyedBroadcastProcessFunction(function, keySelector, descriptors);
    }
}
