package dev.weir.engine.operators;

import dev.weir.builtin.BundledFunction;

/**
 * {@code DataStream#flatMap} of a {@link BundledFunction}: records go into the function's bundle, which ends where
 * {@link BundlingOperator} ends bundles, or at most {@link BundledFunction#maxBundleTimeMillis()} after it began.
 */
public final class BundledFlatMapOperator extends BundlingOperator<BundledFunction<Object, Object>> {
    private final BundledFunction.BundleOutput<Object> bundleOutput = this::emit;

    public BundledFlatMapOperator(BundledFunction<Object, Object> function) {
        super(function);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        function.addToBundle(value, timestamp, bundleOutput);
        if (function.hasBundle()) {
            finishBundleWithin(function.maxBundleTimeMillis());
        }
    }

    @Override
    protected void finishBundle() throws Exception {
        if (function.hasBundle()) {
            function.finishBundle(bundleOutput);
        }
    }

    private void emit(Object value, long timestamp) {
        if (value == null) {
            throw new NullPointerException(describe() + " emitted null: records must not be null; skip the call to collect instead");
        }
        output.collect(value, timestamp);
    }
}
