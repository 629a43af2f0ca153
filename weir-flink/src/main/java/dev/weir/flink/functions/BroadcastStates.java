package dev.weir.flink.functions;

import dev.weir.flink.FlinkTypes;
import dev.weir.flink.state.FlinkBroadcastState;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;

/**
 * Weir's broadcast state descriptors as Flink's (same name, Weir's record type) and the Weir views of Flink's
 * broadcast states, made once per task and state: Flink keeps one state object per descriptor for the task's life.
 */
public final class BroadcastStates {
    private final Map<String, MapStateDescriptor<Object, Object>> descriptors = new HashMap<>();
    private final Map<String, FlinkBroadcastState<Object, Object>> views = new HashMap<>();
    private final Map<String, FlinkBroadcastState<Object, Object>> writableViews = new HashMap<>();

    /** The Flink descriptor of a Weir broadcast state descriptor. */
    public static MapStateDescriptor<Object, Object> toFlink(dev.weir.api.common.state.MapStateDescriptor<?, ?> weir) {
        return new MapStateDescriptor<>(weir.getName(), FlinkTypes.OBJECT, FlinkTypes.OBJECT);
    }

    MapStateDescriptor<Object, Object> descriptor(dev.weir.api.common.state.MapStateDescriptor<?, ?> weir) {
        MapStateDescriptor<Object, Object> descriptor = descriptors.get(weir.getName());
        if (descriptor == null) {
            descriptor = toFlink(weir);
            descriptors.put(weir.getName(), descriptor);
        }
        return descriptor;
    }

    FlinkBroadcastState<Object, Object> view(String name, ReadOnlyBroadcastState<Object, Object> flink, boolean writable) {
        Map<String, FlinkBroadcastState<Object, Object>> cache = writable ? writableViews : views;
        FlinkBroadcastState<Object, Object> view = cache.get(name);
        if (view == null) {
            view = new FlinkBroadcastState<>(flink);
            cache.put(name, view);
        }
        return view;
    }
}
