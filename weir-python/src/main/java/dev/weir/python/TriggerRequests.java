package dev.weir.python;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import java.util.List;

/**
 * Serves a Python trigger's requests ({@code trigger_register_event} and the other {@code trigger_} kinds) from the
 * {@link Trigger.TriggerContext} of the call in progress: timers and partitioned state of the call's key and window,
 * and, in {@code on_merge}, Weir's merge of a list state (a Python reducing or aggregating trigger state is a list).
 */
final class TriggerRequests {
    private Trigger.TriggerContext context;
    /** The current call's partitioned states, by name. */
    private final NamedStateRequests.States partitioned = new NamedStateRequests.States() {
        @Override
        public ValueState<Object> value(String name) {
            return context.getPartitionedState(new ValueStateDescriptor<>(name, Object.class));
        }

        @Override
        public ListState<Object> list(String name) {
            return context.getPartitionedState(new ListStateDescriptor<>(name, Object.class));
        }

        @Override
        public MapState<Object, Object> map(String name) {
            return context.getPartitionedState(new MapStateDescriptor<>(name, Object.class, Object.class));
        }
    };

    /** The context of the call that follows; null between calls. */
    void use(Trigger.TriggerContext context) {
        this.context = context;
    }

    Object serve(String kind, List<Object> request) throws Exception {
        if (context == null) {
            throw new UnsupportedOperationException("a trigger's context is reached only while one of its calls runs");
        }
        switch (kind) {
            case "trigger_register_event": context.registerEventTimeTimer((Long) request.get(1)); return null;
            case "trigger_register_processing": context.registerProcessingTimeTimer((Long) request.get(1)); return null;
            case "trigger_delete_event": context.deleteEventTimeTimer((Long) request.get(1)); return null;
            case "trigger_delete_processing": context.deleteProcessingTimeTimer((Long) request.get(1)); return null;
            case "trigger_merge":
                if (!(context instanceof Trigger.OnMergeContext merge)) {
                    throw new UnsupportedOperationException("merge_partitioned_state(...) is for on_merge(...), as in Flink");
                }
                merge.mergePartitionedState(new ListStateDescriptor<>(String.valueOf(request.get(1)), Object.class));
                return null;
            case "trigger_state_ttl":
                throw new UnsupportedOperationException("a trigger's state with a time to live is not supported by "
                        + "Weir's Python API; a trigger's state goes with its window");
            default:
                return NamedStateRequests.serve(kind.substring("trigger_".length()), request, partitioned);
        }
    }
}
