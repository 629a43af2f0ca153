package dev.weir.engine.operators;

import dev.weir.api.common.state.CheckpointListener;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.runtime.state.FunctionInitializationContext;
import dev.weir.runtime.state.FunctionSnapshotContext;
import dev.weir.api.common.state.OperatorStateStore;
import dev.weir.api.common.functions.Function;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFunction;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.engine.checkpoint.HeapOperatorStateStore;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import java.util.Objects;

/** An operator around one user function: opens and closes it when it is a {@link RichFunction}. */
public abstract class UdfOperator<F extends Function> extends AbstractStreamOperator {
    private static final OpenContext OPEN_CONTEXT = new OpenContext() {
    };

    protected final F function;
    private HeapOperatorStateStore operatorStateStore;

    protected UdfOperator(F function) {
        this.function = Objects.requireNonNull(function, "function");
    }

    @Override
    public void setup(OperatorContext context, Output output) {
        super.setup(context, output);
        if (function instanceof RichFunction rich) {
            rich.setRuntimeContext(context.runtimeContext());
        }
    }

    @Override
    public void initializeState(StateInitialization initialization) throws Exception {
        if (function instanceof CheckpointedFunction checkpointed) {
            operatorStateStore = new HeapOperatorStateStore(initialization.operatorState());
            HeapOperatorStateStore store = operatorStateStore;
            checkpointed.initializeState(new FunctionInitializationContext() {
                @Override
                public boolean isRestored() {
                    return initialization.restored();
                }

                @Override
                public OperatorStateStore getOperatorStateStore() {
                    return store;
                }

                @Override
                public KeyedStateStore getKeyedStateStore() {
                    return (KeyedStateStore) context.runtimeContext();
                }
            });
        }
    }

    @Override
    public void open() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.open(OPEN_CONTEXT);
        }
    }

    @Override
    public void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        if (function instanceof CheckpointedFunction checkpointed) {
            checkpointed.snapshotState(new FunctionSnapshotContext() {
                @Override
                public long getCheckpointId() {
                    return checkpointId;
                }

                @Override
                public long getCheckpointTimestamp() {
                    return timestamp;
                }
            });
            operatorStateStore.snapshotInto(snapshot);
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        if (function instanceof CheckpointListener listener) {
            listener.notifyCheckpointComplete(checkpointId);
        }
    }

    @Override
    public void close() throws Exception {
        if (function instanceof RichFunction rich) {
            rich.close();
        }
    }

    public F getUserFunction() {
        return function;
    }
}
