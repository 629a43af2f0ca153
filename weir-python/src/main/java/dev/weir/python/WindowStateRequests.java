package dev.weir.python;

import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serves a Python {@code ProcessWindowFunction}'s {@code context.window_state()} requests ({@code window_value_get}
 * and the other {@code window_} kinds) from the state of the window being fired or cleared: the same state as the
 * global one's, scoped to that window, as Flink's {@code windowState()}.
 */
final class WindowStateRequests {
    private KeyedStateStore store;
    private KeyedStateStore global;

    /** The window state and the key's global state of the call that follows; null between calls. */
    void use(KeyedStateStore store, KeyedStateStore global) {
        this.store = store;
        this.global = global;
    }

    Object serve(String kind, List<Object> request) throws Exception {
        if (store == null) {
            throw new UnsupportedOperationException("window_state() is reached only while a window function's "
                    + "process(...) or clear(...) runs");
        }
        String name = String.valueOf(request.get(1));
        try {
            return serve(kind, request, name);
        } finally {
            backToTheKeysNamespace(kind, name);
        }
    }

    /**
     * A window's state and the key's state of the same name are one state object in two namespaces: the global handle
     * the conversation keeps must see the key's namespace again, which getting it from the global store sets.
     */
    private void backToTheKeysNamespace(String kind, String name) {
        if (kind.startsWith("window_value")) {
            global.getState(new ValueStateDescriptor<>(name, Object.class));
        } else if (kind.startsWith("window_list")) {
            global.getListState(new ListStateDescriptor<>(name, Object.class));
        } else if (kind.startsWith("window_map")) {
            global.getMapState(new MapStateDescriptor<>(name, Object.class, Object.class));
        }
    }

    private Object serve(String kind, List<Object> request, String name) throws Exception {
        switch (kind) {
            case "window_value_get": return value(name).value();
            case "window_value_update": value(name).update(request.get(2)); return null;
            case "window_value_clear": value(name).clear(); return null;
            case "window_list_get": {
                List<Object> all = new ArrayList<>();
                Iterable<Object> stored = list(name).get();
                if (stored != null) {
                    stored.forEach(all::add);
                }
                return all;
            }
            case "window_list_add": list(name).add(request.get(2)); return null;
            case "window_list_update": list(name).update(asList(request.get(2))); return null;
            case "window_list_clear": list(name).clear(); return null;
            case "window_map_get": return map(name).get(request.get(2));
            case "window_map_put": map(name).put(request.get(2), request.get(3)); return null;
            case "window_map_contains": return map(name).contains(request.get(2));
            case "window_map_remove": map(name).remove(request.get(2)); return null;
            case "window_map_items": {
                List<Object> items = new ArrayList<>();
                for (Map.Entry<Object, Object> e : map(name).entries()) {
                    items.add(List.of(e.getKey(), e.getValue()));
                }
                return items;
            }
            case "window_map_clear": map(name).clear(); return null;
            case "window_state_ttl":
                throw new UnsupportedOperationException("window_state() with a time to live is not supported by "
                        + "Weir's Python API; a window's state goes with the window");
            default:
                throw new UnsupportedOperationException("unknown request '" + kind + "' from the Python worker");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return (List<Object>) value;
    }

    private ValueState<Object> value(String name) {
        return store.getState(new ValueStateDescriptor<>(name, Object.class));
    }

    private ListState<Object> list(String name) {
        return store.getListState(new ListStateDescriptor<>(name, Object.class));
    }

    private MapState<Object, Object> map(String name) {
        return store.getMapState(new MapStateDescriptor<>(name, Object.class, Object.class));
    }
}
