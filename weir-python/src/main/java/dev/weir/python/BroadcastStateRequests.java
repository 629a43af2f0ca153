package dev.weir.python;

import dev.weir.api.common.state.BroadcastState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReadOnlyBroadcastState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves a Python broadcast process function's {@code get_broadcast_state(descriptor)} calls from the broadcast state
 * of the call in progress: the states named in {@code broadcast(...)}, read-only on the non-broadcast side as in Flink.
 */
final class BroadcastStateRequests {
    /** The state of one call: its context's {@code getBroadcastState}. */
    interface Lookup {
        ReadOnlyBroadcastState<Object, Object> state(MapStateDescriptor<Object, Object> descriptor);
    }

    private final Map<String, MapStateDescriptor<Object, Object>> descriptors = new HashMap<>();
    private Lookup lookup;
    private boolean writable;

    BroadcastStateRequests(List<String> names) {
        for (String name : names) {
            descriptors.put(name, descriptor(name));
        }
    }

    /** The descriptor Weir's broadcast stream and this function's calls share for the Python descriptor {@code name}. */
    static MapStateDescriptor<Object, Object> descriptor(String name) {
        return new MapStateDescriptor<>(name, Object.class, Object.class);
    }

    /** The broadcast state the next call reaches: writable on the broadcast side only. */
    void use(Lookup lookup, boolean writable) {
        this.lookup = lookup;
        this.writable = writable;
    }

    /** {@code ["broadcast_get", name, key]} and the other requests of {@code weir.datastream.state.BroadcastState}. */
    Object serve(String kind, List<Object> request) throws Exception {
        String name = String.valueOf(request.get(1));
        MapStateDescriptor<Object, Object> descriptor = descriptors.get(name);
        if (descriptor == null || lookup == null) {
            throw new UnsupportedOperationException("get_broadcast_state(...): the broadcast state '" + name + "' does "
                    + "not exist; name it with a MapStateDescriptor given to broadcast(...)");
        }
        ReadOnlyBroadcastState<Object, Object> state = lookup.state(descriptor);
        switch (kind) {
            case "broadcast_get": return state.get(request.get(2));
            case "broadcast_contains": return state.contains(request.get(2));
            case "broadcast_items": {
                List<Object> items = new ArrayList<>();
                for (Map.Entry<Object, Object> e : state.immutableEntries()) {
                    items.add(List.of(e.getKey(), e.getValue()));
                }
                return items;
            }
            default:
                break;
        }
        if (!writable || !(state instanceof BroadcastState<Object, Object> written)) {
            throw new UnsupportedOperationException("the broadcast state is read-only in process_element and on_timer; "
                    + "change it in process_broadcast_element");
        }
        switch (kind) {
            case "broadcast_put": written.put(request.get(2), request.get(3)); return null;
            case "broadcast_remove": written.remove(request.get(2)); return null;
            case "broadcast_clear": written.clear(); return null;
            default:
                throw new UnsupportedOperationException("unknown request '" + kind + "' from the Python worker");
        }
    }
}
