package dev.weir.engine.operators;

import dev.weir.builtin.BundledKeyedProcessFunction;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.Triggerable;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.OutputTag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    private final List<Object> values = new ArrayList<>();
    private long[] timestamps = new long[64];
    private int[] keyNumbers = new int[64];
    /** The bundle's distinct keys, numbered in the order of their first record. */
    private final Map<Object, Integer> numbers = new HashMap<>();
    private final List<Object> keys = new ArrayList<>();

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
        timerCtx = function.new OnTimerContext() {
            @Override
            public Long timestamp() {
                return timestampOrNull();
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                sideOutput(outputTag, value);
            }

            @Override
            public TimeDomain timeDomain() {
                return BundledKeyedProcessOperator.this.timeDomain();
            }

            @Override
            public Object getCurrentKey() {
                return currentKey();
            }
        };
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        int n = values.size();
        if (n == timestamps.length) {
            timestamps = Arrays.copyOf(timestamps, n * 2);
            keyNumbers = Arrays.copyOf(keyNumbers, n * 2);
        }
        Object key = keyedState.getCurrentKey();
        Integer number = numbers.get(key);
        if (number == null) {
            number = keys.size();
            numbers.put(key, number);
            keys.add(key);
        }
        values.add(value);
        timestamps[n] = timestamp;
        keyNumbers[n] = number;
        if (n + 1 >= maxBundleSize) {
            finishBundle();
        } else {
            finishBundleWithin(bundled.maxBundleTimeMillis());
        }
    }

    @Override
    protected void finishBundle() throws Exception {
        if (values.isEmpty()) {
            return;
        }
        Object restore = keyedState.getCurrentKey();
        try {
            bundled.processBundle(this);
        } finally {
            values.clear();
            numbers.clear();
            keys.clear();
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
        return values.size();
    }

    @Override
    public Object value(int index) {
        return values.get(index);
    }

    @Override
    public long timestamp(int index) {
        return timestamps[index];
    }

    @Override
    public int keyNumber(int index) {
        return keyNumbers[index];
    }

    @Override
    public List<Object> keys() {
        return keys;
    }

    @Override
    public void setCurrentKey(int keyNumber) {
        keyedState.setCurrentKey(keys.get(keyNumber));
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
