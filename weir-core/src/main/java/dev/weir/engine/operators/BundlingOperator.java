package dev.weir.engine.operators;

import dev.weir.api.common.functions.Function;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.time.ProcessingTimeCallback;

/**
 * A one-input operator whose function works on bundles of records. The bundle in progress is finished before every
 * watermark is forwarded, before the operator is snapshotted (a chain snapshots head first, so the outputs reach the
 * next operator before its snapshot and before the barrier), at the end of input, and by a processing-time timer at
 * most a given time after the bundle began. It has the process operators' plumbing (timers, side outputs) for the
 * bundled keyed process operator.
 */
abstract class BundlingOperator<F extends Function> extends ProcessContextOperator<F> implements OneInputOperator {
    private final ProcessingTimeCallback bundleTimeUp = this::onBundleTime;
    private boolean timerPending;

    protected BundlingOperator(F function) {
        super(function);
    }

    /** Ends the bundle in progress, if there is one, and emits its outputs. */
    protected abstract void finishBundle() throws Exception;

    /** Makes sure the bundle in progress ends at most {@code maxMillis} of processing time from now. */
    protected final void finishBundleWithin(long maxMillis) {
        if (!timerPending) {
            timerPending = true;
            var time = context.processingTimeService();
            time.registerTimer(time.getCurrentProcessingTime() + maxMillis, bundleTimeUp);
        }
    }

    private void onBundleTime(long time) throws Exception {
        timerPending = false;
        finishBundle();
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
