package dev.weir.engine.operators;

import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import java.util.List;

/**
 * {@code BroadcastConnectedStream#process} with a {@link BroadcastProcessFunction}: input 1 is the non-broadcast
 * stream, input 2 the broadcast one; the broadcast states are part of every checkpoint.
 */
public final class BroadcastProcessOperator extends ProcessContextOperator<BroadcastProcessFunction<Object, Object, Object>>
        implements TwoInputOperator {
    private final List<MapStateDescriptor<?, ?>> descriptors;
    private BroadcastStates states;
    private BroadcastProcessFunction<Object, Object, Object>.ReadOnlyContext readOnlyCtx;
    private BroadcastProcessFunction<Object, Object, Object>.Context ctx;
    /** BATCH mode only: non-broadcast elements waiting for the broadcast input to end (Flink's batch order). */
    private BroadcastFirst heldUntilBroadcastEnds;

    public BroadcastProcessOperator(BroadcastProcessFunction<Object, Object, Object> function, List<MapStateDescriptor<?, ?>> descriptors) {
        super(function);
        this.descriptors = descriptors;
    }

    @Override
    public void initializeState(StateInitialization initialization) throws Exception {
        states = new BroadcastStates(descriptors, describe());
        states.initialize(initialization);
        super.initializeState(initialization);
    }

    @Override
    public void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        super.snapshotState(snapshot, checkpointId, timestamp);
        states.snapshotInto(snapshot);
    }

    @Override
    public void open() throws Exception {
        if (states == null) {
            // Run without a task (the test harness): nothing to restore.
            states = new BroadcastStates(descriptors, describe());
            states.initialize(StateInitialization.FRESH);
        }
        super.open();
        if (context.batch()) {
            heldUntilBroadcastEnds = new BroadcastFirst();
        }
        readOnlyCtx = function.new ReadOnlyContext() {
            @Override
            public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return states.readOnly(descriptor);
            }

            @Override
            public Long timestamp() {
                return timestampOrNull();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                sideOutput(outputTag, value);
            }

            @Override
            public long currentProcessingTime() {
                return context.processingTimeService().getCurrentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }
        };
        ctx = function.new Context() {
            @Override
            public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return states.writable(descriptor);
            }

            @Override
            public Long timestamp() {
                return timestampOrNull();
            }

            @Override
            public <X> void output(OutputTag<X> outputTag, X value) {
                sideOutput(outputTag, value);
            }

            @Override
            public long currentProcessingTime() {
                return context.processingTimeService().getCurrentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return currentWatermark;
            }
        };
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        if (heldUntilBroadcastEnds != null) {
            heldUntilBroadcastEnds.hold(value, timestamp);
            return;
        }
        enterElement(timestamp);
        function.processElement(value, readOnlyCtx, collector);
    }

    /** In BATCH mode, the held elements are processed once the broadcast input (2) has ended. */
    @Override
    public void endInput(int inputId) throws Exception {
        if (inputId == 2 && heldUntilBroadcastEnds != null) {
            BroadcastFirst held = heldUntilBroadcastEnds;
            heldUntilBroadcastEnds = null;
            held.replayInto(this);
        }
    }

    @Override
    public void processElement2(Object value, long timestamp) throws Exception {
        enterElement(timestamp);
        function.processBroadcastElement(value, ctx, collector);
    }
}
