package dev.weir.engine.operators;

import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.exchange.KeyChecks;
import dev.weir.engine.state.KeyedStateBackend;

/**
 * The common part of the keyed wrappers: passes every lifecycle and checkpoint call to the operator inside; the
 * subclasses set the current key from each element before passing it on.
 */
abstract class KeyingOperator implements StreamOperator {
    private final StreamOperator operator;
    protected KeyedStateBackend backend;
    protected KeyChecks keyChecks;

    KeyingOperator(StreamOperator operator) {
        this.operator = operator;
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        operator.setup(context, output);
        this.backend = context.keyedStateBackend();
        this.keyChecks = new KeyChecks(operator.describe());
    }

    @Override
    public void initializeState(StateInitialization initialization) throws Exception {
        operator.initializeState(initialization);
    }

    @Override
    public void open() throws Exception {
        operator.open();
    }

    @Override
    public void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        operator.snapshotState(snapshot, checkpointId, timestamp);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        operator.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyJobFinished() throws Exception {
        operator.notifyJobFinished();
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        operator.processWatermark(watermark);
    }

    @Override
    public boolean hasPendingOutput() {
        return operator.hasPendingOutput();
    }

    @Override
    public void resumeOutput() throws Exception {
        operator.resumeOutput();
    }

    @Override
    public void processIdleness(boolean idle) throws Exception {
        operator.processIdleness(idle);
    }

    @Override
    public void endInput() throws Exception {
        operator.endInput();
    }

    @Override
    public void close() throws Exception {
        operator.close();
    }

    @Override
    public boolean isCooperative() {
        return operator.isCooperative();
    }

    @Override
    public String describe() {
        return operator.describe();
    }
}
