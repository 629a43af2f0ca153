package dev.weir.engine.operators;

import dev.weir.builtin.BundledKeyedProcessFunction;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.Triggerable;
import dev.weir.streaming.api.TimerService;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.OutputTag;
import java.util.List;

/**
 * {@code KeyedStream#process} of a {@link BundledKeyedProcessFunction}: records wait in a bundle with their keys and
 * the function processes the bundle in one call. Besides where {@link BundlingOperator} ends bundles, a bundle ends
 * before a processing-time timer fires, so every timer sees the state of the records before it. Timers are the ones
 * {@link KeyedProcessOperator} keeps, so either operator restores the other's checkpoints. In BATCH mode each record
 * is a bundle of its own.
 */
public final class BundledKeyedProcessOperator extends BundlingOperator<KeyedProcessFunction<Object, Object, Object>>
        implements Triggerable<VoidNamespace>, BundledKeyedProcessFunction.KeyedBundle {
    private final BundledKeyedProcessFunction bundled;
    private final String missingEventTimeSource;
    private int maxBundleSize;
    private TimerService timerService;
    private KeyedProcessFunction<Object, Object, Object>.OnTimerContext timerCtx;

    private final KeyedRecordBundle bundle = new KeyedRecordBundle();

    /** {@code missingEventTimeSource} names the source whose stream lacks watermarks, or is null. */
    public BundledKeyedProcessOperator(KeyedProcessFunction<Object, Object, Object> function, String missingEventTimeSource) {
        super(function);
        this.bundled = (BundledKeyedProcessFunction) function;
        this.missingEventTimeSource = missingEventTimeSource;
    }

    @Override
    public void open() throws Exception {
        super.open();
        maxBundleSize = context.batch() ? 1 : bundled.maxBundleSize();
        timerService = keyedTimerService(this, missingEventTimeSource);
        timerCtx = KeyedProcessOperator.onTimerContext(this, function, timerService);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        if (bundle.add(value, timestamp, keyedState.getCurrentKey()) >= maxBundleSize) {
            finishBundle();
        } else {
            finishBundleWithin(bundled.maxBundleTimeMillis());
        }
    }

    @Override
    protected void finishBundle() throws Exception {
        if (bundle.size() == 0) {
            return;
        }
        Object restore = keyedState.getCurrentKey();
        try {
            bundled.processBundle(this);
        } finally {
            bundle.clear();
            if (restore != null) {
                keyedState.setCurrentKey(restore);
            }
        }
    }

    /** A timer fires: an event-time one after its watermark finished the bundle, a processing-time one finishes it. */
    @Override
    protected void onTimer(long timestamp) throws Exception {
        finishBundle();
        function.onTimer(timestamp, timerCtx, collector);
    }

    @Override
    public int size() {
        return bundle.size();
    }

    @Override
    public Object value(int index) {
        return bundle.values().get(index);
    }

    @Override
    public long timestamp(int index) {
        return bundle.timestamp(index);
    }

    @Override
    public int keyNumber(int index) {
        return bundle.keyNumbers()[index];
    }

    @Override
    public List<Object> keys() {
        return bundle.keys();
    }

    @Override
    public void setCurrentKey(int keyNumber) {
        keyedState.setCurrentKey(bundle.keys().get(keyNumber));
    }

    @Override
    public TimerService timerService() {
        return timerService;
    }

    @Override
    public void collect(Object value, long timestamp) {
        if (value == null) {
            throw new NullPointerException(describe() + " emitted null: records must not be null; skip the call to collect instead");
        }
        output.collect(value, timestamp);
    }

    @Override
    public void output(OutputTag<Object> tag, Object value, long timestamp) {
        SideOutputs.emit(output, tag, value, timestamp, this);
    }
}
