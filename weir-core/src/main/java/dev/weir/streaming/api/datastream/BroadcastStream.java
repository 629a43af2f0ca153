package dev.weir.streaming.api.datastream;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;

import dev.weir.api.common.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream whose every element goes to every parallel instance of the operator it is connected to, together with the
 * broadcast states (maps) that operator keeps; made by {@link DataStream#broadcast(MapStateDescriptor[])}.
 */
public final class BroadcastStream<T> {
    private final StreamExecutionEnvironment environment;
    private final DataStream<T> broadcastInput;
    private final List<MapStateDescriptor<?, ?>> descriptors;

    BroadcastStream(StreamExecutionEnvironment environment, DataStream<T> broadcastInput, List<MapStateDescriptor<?, ?>> descriptors) {
        this.environment = environment;
        this.broadcastInput = broadcastInput;
        this.descriptors = List.copyOf(descriptors);
    }

    public StreamExecutionEnvironment getExecutionEnvironment() {
        return environment;
    }

    /** The broadcast state descriptors given to {@code broadcast(...)}. */
    public List<MapStateDescriptor<?, ?>> getBroadcastStateDescriptors() {
        return descriptors;
    }

    DataStream<T> getBroadcastInput() {
        return broadcastInput;
    }
}
