package dev.weir.engine.operators;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.InternalTimer;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.Triggerable;

/**
 * {@code KeyedStream#reduce} and the field aggregations: keeps the running value per key and emits it each time. In
 * BATCH mode it emits only the final value of each key, at the end of input with timestamp {@code Long.MAX_VALUE}, as
 * Flink's batch reduce does: a timer at the end of time is registered with a key's first element.
 */
public final class KeyedReduceOperator extends UdfOperator<ReduceFunction<Object>> implements OneInputOperator,
        Triggerable<VoidNamespace> {
    /** The keyed state holding each key's reduced value (also {@link BundledKeyedReduceOperator}'s). */
    static final String STATE_NAME = "_weir_keyed_reduce";

    private ValueState<Object> current;
    private InternalTimerService<VoidNamespace> endOfInput;

    public KeyedReduceOperator(ReduceFunction<Object> function) {
        super(function);
    }

    @Override
    public void open() throws Exception {
        super.open();
        current = keyedState.getOrCreateState(new ValueStateDescriptor<>(STATE_NAME, Object.class));
        if (context.batch()) {
            endOfInput = timers.getTimerService("_weir_batch_reduce", this);
        }
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        Object previous = current.value();
        Object next = previous == null ? value : function.reduce(previous, value);
        if (next == null) {
            throw new NullPointerException(describe() + " returned null from reduce: the reduce function must return a value");
        }
        current.update(next);
        if (endOfInput == null) {
            output.collect(next, timestamp);
        } else if (previous == null) {
            endOfInput.registerEventTimeTimer(VoidNamespace.INSTANCE, Long.MAX_VALUE);
        }
    }

    @Override
    public void onEventTime(InternalTimer<VoidNamespace> timer) throws Exception {
        Object last = current.value();
        if (last != null) {
            output.collect(last, Long.MAX_VALUE);
            current.clear();
        }
    }

    @Override
    public void onProcessingTime(InternalTimer<VoidNamespace> timer) {
    }
}
