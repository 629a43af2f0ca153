package dev.weir.python;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.ValueState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves a Python function's requests on a value, list or map state it names ({@code value_get}, {@code list_add},
 * {@code map_items}, ...; {@code [kind, name, arguments...]}) from the states its owner gives by name: a process
 * function's keyed state, a window function's window state, a trigger's partitioned state.
 */
final class NamedStateRequests {
    private NamedStateRequests() {
    }

    /** The states a request names, scoped by their owner (to the key, the window, or both). */
    interface States {
        ValueState<Object> value(String name);

        ListState<Object> list(String name);

        MapState<Object, Object> map(String name);
    }

    /** Whether {@code kind} is a request on a named value, list or map state. */
    static boolean serves(String kind) {
        return kind.startsWith("value_") || kind.startsWith("list_") || kind.startsWith("map_");
    }

    @SuppressWarnings("unchecked")
    static Object serve(String kind, List<Object> request, States states) throws Exception {
        String name = String.valueOf(request.get(1));
        switch (kind) {
            case "value_get": return states.value(name).value();
            case "value_update": states.value(name).update(request.get(2)); return null;
            case "value_clear": states.value(name).clear(); return null;
            case "list_get": {
                List<Object> all = new ArrayList<>();
                Iterable<Object> stored = states.list(name).get();
                if (stored != null) {
                    stored.forEach(all::add);
                }
                return all;
            }
            case "list_add": states.list(name).add(request.get(2)); return null;
            case "list_update": states.list(name).update((List<Object>) request.get(2)); return null;
            case "list_clear": states.list(name).clear(); return null;
            case "map_get": return states.map(name).get(request.get(2));
            case "map_put": states.map(name).put(request.get(2), request.get(3)); return null;
            case "map_contains": return states.map(name).contains(request.get(2));
            case "map_remove": states.map(name).remove(request.get(2)); return null;
            case "map_items": {
                List<Object> items = new ArrayList<>();
                for (Map.Entry<Object, Object> e : states.map(name).entries()) {
                    items.add(List.of(e.getKey(), e.getValue()));
                }
                return items;
            }
            case "map_clear": states.map(name).clear(); return null;
            default:
                throw new UnsupportedOperationException("unknown request '" + kind + "' from the Python worker");
        }
    }
}
