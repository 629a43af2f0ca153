package dev.weir.runtime.operators;

import dev.weir.api.functions.KeySelector;
import dev.weir.runtime.checkpoint.OperatorStateSnapshot;
import dev.weir.runtime.checkpoint.StateInitialization;
import dev.weir.runtime.exchange.KeyChecks;
import dev.weir.runtime.state.KeyedStateBackend;

/** Sets the current key from each element before a keyed two-input operator processes it. */
public final class KeyedTwoInputOperator implements TwoInputOperator {
    private final TwoInputOperator operator;
    private KeySelector<Object, Object> key1;
    private KeySelector<Object, Object> key2;
    private KeyedStateBackend backend;
    private KeyChecks keyChecks;

    public KeyedTwoInputOperator(TwoInputOperator operator) {
        this.operator = operator;
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        operator.setup(context, output);
        this.key1 = context.keySelector(0);
        this.key2 = context.keySelector(1);
        this.backend = context.keyedStateBackend();
        this.keyChecks = new KeyChecks(operator.describe());
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        backend.setCurrentKey(keyChecks.keyOf(key1, value));
        operator.processElement1(value, timestamp);
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        backend.setCurrentKey(keyChecks.keyOf(key2, value));
        operator.processElement2(value, timestamp);
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
