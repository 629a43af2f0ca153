package dev.weir.engine.operators;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.TimerService;
import dev.weir.api.common.state.BroadcastState;
import dev.weir.runtime.state.KeyedStateFunction;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.exchange.KeyChecks;
import dev.weir.engine.state.VoidNamespace;
import dev.weir.engine.time.Triggerable;
import java.util.List;

/**
 * {@code BroadcastConnectedStream#process} with a {@link KeyedBroadcastProcessFunction}. Input 1 is keyed: this
 * operator sets its key itself (input 2, the broadcast one, has none), so it is never wrapped in a
 * {@link KeyedTwoInputOperator}. Keyed state, timers and the broadcast states are part of every checkpoint.
 */
public final class KeyedBroadcastProcessOperator
        extends ProcessContextOperator<KeyedBroadcastProcessFunction<Object, Object, Object, Object>>
        implements TwoInputOperator, Triggerable<VoidNamespace> {
    private final List<MapStateDescriptor<?, ?>> descriptors;
    private final String missingEventTimeSource;
    private BroadcastStates states;
    private KeySelector<Object, Object> keySelector;
    /** BATCH mode only: non-broadcast elements waiting for the broadcast input to end (Flink's batch order). */
    private BroadcastFirst heldUntilBroadcastEnds;
    private KeyChecks keyChecks;
    private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.ReadOnlyContext readOnlyCtx;
    private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.Context ctx;
    private KeyedBroadcastProcessFunction<Object, Object, Object, Object>.OnTimerContext timerCtx;

    public KeyedBroadcastProcessOperator(KeyedBroadcastProcessFunction<Object, Object, Object, Object> function,
                                         List<MapStateDescriptor<?, ?>> descriptors, String missingEventTimeSource) {
        super(function);
        this.descriptors = descriptors;
        this.missingEventTimeSource = missingEventTimeSource;
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        keySelector = context.keySelector(0);
        keyChecks = new KeyChecks(describe());
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
        TimerService timerService = keyedTimerService(this, missingEventTimeSource);
        readOnlyCtx = function.new ReadOnlyContext() {
            @Override
            public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return states.readOnly(descriptor);
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public Object getCurrentKey() {
                return currentKey();
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
                return timerService.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return timerService.currentWatermark();
            }
        };
        timerCtx = function.new OnTimerContext() {
            @Override
            public TimeDomain timeDomain() {
                return KeyedBroadcastProcessOperator.this.timeDomain();
            }

            @Override
            public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return states.readOnly(descriptor);
            }

            @Override
            public TimerService timerService() {
                return timerService;
            }

            @Override
            public Object getCurrentKey() {
                return currentKey();
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
                return timerService.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return timerService.currentWatermark();
            }
        };
        ctx = function.new Context() {
            @Override
            public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
                return states.writable(descriptor);
            }

            @Override
            public <VS, S extends State> void applyToKeyedState(StateDescriptor<VS> descriptor,
                                                                KeyedStateFunction<Object, S> visitor) throws Exception {
                applyToAllKeys(descriptor, visitor);
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
                return timerService.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return timerService.currentWatermark();
            }
        };
    }

    /** Visits a snapshot of the keys first: the visitor may clear state, which must not disturb the iteration. */
    private <S extends State> void applyToAllKeys(StateDescriptor<?> descriptor, KeyedStateFunction<Object, S> visitor) throws Exception {
        Object[] keys = keyedState.getKeys(descriptor.getName(), VoidNamespace.INSTANCE).toArray();
        S state = keyedState.getOrCreateState(descriptor);
        for (Object key : keys) {
            keyedState.setCurrentKey(key);
            visitor.process(key, state);
        }
    }

    @Override
    public void processElement1(Object value, long timestamp) throws Exception {
        if (heldUntilBroadcastEnds != null) {
            heldUntilBroadcastEnds.hold(value, timestamp);
            return;
        }
        keyedState.setCurrentKey(keyChecks.keyOf(keySelector, value));
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

    @Override
    protected void onTimer(long timestamp) throws Exception {
        function.onTimer(timestamp, timerCtx, collector);
    }
}
