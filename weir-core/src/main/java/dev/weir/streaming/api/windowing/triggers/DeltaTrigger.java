package dev.weir.streaming.api.windowing.triggers;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.typeutils.TypeSerializer;
import dev.weir.streaming.api.functions.windowing.delta.DeltaFunction;
import dev.weir.streaming.api.windowing.windows.Window;
import java.util.Objects;

/**
 * Fires when the {@link DeltaFunction} between the element that fired last and the element that just arrived is
 * above {@code threshold}, as Flink's {@code DeltaTrigger}: the first element of a window only becomes the
 * reference point; each firing element becomes the next one. It does not purge the window (wrap it in
 * {@link PurgingTrigger} for that) and ignores time.
 */
public class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;

    private final DeltaFunction<T> deltaFunction;
    private final double threshold;
    private final ValueStateDescriptor<T> stateDesc;

    private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction, TypeSerializer<T> stateSerializer) {
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "deltaFunction");
        this.threshold = threshold;
        this.stateDesc = new ValueStateDescriptor<>("last-element", (Object) stateSerializer);
    }

    /**
     * A delta trigger; {@code stateSerializer} is accepted as Flink takes it (e.g.
     * {@code stream.getType().createSerializer(env.getConfig())}) — Weir stores the last element with its own
     * serializer, so it may be null.
     */
    public static <T, W extends Window> DeltaTrigger<T, W> of(double threshold, DeltaFunction<T> deltaFunction,
                                                               TypeSerializer<T> stateSerializer) {
        return new DeltaTrigger<>(threshold, deltaFunction, stateSerializer);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception {
        ValueState<T> lastElement = ctx.getPartitionedState(stateDesc);
        T last = lastElement.value();
        if (last == null) {
            lastElement.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(last, element) > threshold) {
            lastElement.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) throws Exception {
        ctx.<ValueState<T>>getPartitionedState(stateDesc).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + deltaFunction + ", " + threshold + ")";
    }
}
