package dev.weir.engine.operators;

import dev.weir.builtin.BundledFunction;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.time.ProcessingTimeCallback;

/**
 * {@code DataStream#flatMap} of a {@link BundledFunction}: records go into the function's bundle, which is finished
 * before every watermark is forwarded, before the operator is snapshotted (a chain snapshots head first, so the
 * outputs reach the next operator before its snapshot and before the barrier), at the end of input, and by a
 * processing-time timer at most {@link BundledFunction#maxBundleTimeMillis()} after a bundle began.
 */
public final class BundledFlatMapOperator extends UdfOperator<BundledFunction<Object, Object>> implements OneInputOperator {
    private final BundledFunction.BundleOutput<Object> bundleOutput = this::emit;
    private final ProcessingTimeCallback bundleTimeUp = this::onBundleTime;
    private boolean timerPending;

    public BundledFlatMapOperator(BundledFunction<Object, Object> function) {
        super(function);
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        function.addToBundle(value, timestamp, bundleOutput);
        if (!timerPending && function.hasBundle()) {
            timerPending = true;
            var time = context.processingTimeService();
            time.registerTimer(time.getCurrentProcessingTime() + function.maxBundleTimeMillis(), bundleTimeUp);
        }
    }

    private void onBundleTime(long time) throws Exception {
        timerPending = false;
        finishBundle();
    }

    private void finishBundle() throws Exception {
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

    @Override
    public void processWatermark(long watermark) throws Exception {
        finishBundle();
        super.processWatermark(watermark);
    }

    @Override
    public void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        finishBundle();
        super.snapshotState(snapshot, checkpointId, timestamp);
    }

    @Override
    public void endInput() throws Exception {
        finishBundle();
        super.endInput();
    }
}
