package dev.weir.python;

import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.util.List;

/**
 * Serves a Python {@code ProcessWindowFunction}'s {@code context.window_state()} requests ({@code window_value_get}
 * and the other {@code window_} kinds) from the state of the window being fired or cleared: the same state as the
 * global one's, scoped to that window, as Flink's {@code windowState()}.
 */
final class WindowStateRequests implements NamedStateRequests.States {
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
        if (kind.equals("window_state_ttl")) {
            throw new UnsupportedOperationException("window_state() with a time to live is not supported by "
                    + "Weir's Python API; a window's state goes with the window");
        }
        return NamedStateRequests.serve(kind.substring("window_".length()), request, this);
    }

    @Override
    public ValueState<Object> value(String name) {
        return store.getState(new ValueStateDescriptor<>(name, Object.class));
    }

    @Override
    public ListState<Object> list(String name) {
        return store.getListState(new ListStateDescriptor<>(name, Object.class));
    }

    @Override
    public MapState<Object, Object> map(String name) {
        return store.getMapState(new MapStateDescriptor<>(name, Object.class, Object.class));
    }
}
