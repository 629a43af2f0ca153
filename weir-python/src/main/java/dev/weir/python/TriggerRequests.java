package dev.weir.python;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves a Python trigger's requests ({@code trigger_register_event} and the other {@code trigger_} kinds) from the
 * {@link Trigger.TriggerContext} of the call in progress: timers and partitioned state of the call's key and window,
 * and, in {@code on_merge}, Weir's merge of a list state (a Python reducing or aggregating trigger state is a list).
 */
final class TriggerRequests {
    private Trigger.TriggerContext context;

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
                return serveState(kind, request, String.valueOf(request.get(1)));
        }
    }

    private Object serveState(String kind, List<Object> request, String name) throws Exception {
        switch (kind) {
            case "trigger_value_get": return value(name).value();
            case "trigger_value_update": value(name).update(request.get(2)); return null;
            case "trigger_value_clear": value(name).clear(); return null;
            case "trigger_list_get": {
                List<Object> all = new ArrayList<>();
                Iterable<Object> stored = list(name).get();
                if (stored != null) {
                    stored.forEach(all::add);
                }
                return all;
            }
            case "trigger_list_add": list(name).add(request.get(2)); return null;
            case "trigger_list_update": list(name).update(asList(request.get(2))); return null;
            case "trigger_list_clear": list(name).clear(); return null;
            case "trigger_map_get": return map(name).get(request.get(2));
            case "trigger_map_put": map(name).put(request.get(2), request.get(3)); return null;
            case "trigger_map_contains": return map(name).contains(request.get(2));
            case "trigger_map_remove": map(name).remove(request.get(2)); return null;
            case "trigger_map_items": {
                List<Object> items = new ArrayList<>();
                for (Map.Entry<Object, Object> e : map(name).entries()) {
                    items.add(List.of(e.getKey(), e.getValue()));
                }
                return items;
            }
            case "trigger_map_clear": map(name).clear(); return null;
            default:
                throw new UnsupportedOperationException("unknown request '" + kind + "' from the Python worker");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    private ValueState<Object> value(String name) {
        return context.getPartitionedState(new ValueStateDescriptor<>(name, Object.class));
    }

    private ListState<Object> list(String name) {
        return context.getPartitionedState(new ListStateDescriptor<>(name, Object.class));
    }

    private MapState<Object, Object> map(String name) {
        return context.getPartitionedState(new MapStateDescriptor<>(name, Object.class, Object.class));
    }
}
