package dev.weir.flink.state;

import dev.weir.api.common.state.AggregatingState;
import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.KeyedStateStore;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ReducingState;
import dev.weir.api.common.state.ReducingStateDescriptor;
import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.flink.FlinkTypes;
import java.util.Objects;

/**
 * Weir's keyed state on Flink's: each Weir state descriptor becomes the Flink descriptor of the same name (values
 * serialized by Flink's generic serializer), and each Flink state is seen through the Weir state interface.
 */
public final class FlinkStateStore implements KeyedStateStore {
    private final FlinkStateAccess flink;

    public FlinkStateStore(FlinkStateAccess flink) {
        this.flink = Objects.requireNonNull(flink, "flink");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        var flinkDescriptor = new org.apache.flink.api.common.state.ValueStateDescriptor<>(descriptor.getName(), FlinkTypes.OBJECT);
        withTtl(flinkDescriptor, descriptor);
        var state = flink.getState(flinkDescriptor);
        return new FlinkValueState<>((org.apache.flink.api.common.state.ValueState<T>) (Object) state, descriptor.getDefaultValue());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        var flinkDescriptor = new org.apache.flink.api.common.state.ListStateDescriptor<>(descriptor.getName(), FlinkTypes.OBJECT);
        withTtl(flinkDescriptor, descriptor);
        return new FlinkListState<>((org.apache.flink.api.common.state.ListState<T>) (Object) flink.getListState(flinkDescriptor));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        var flinkDescriptor = new org.apache.flink.api.common.state.ReducingStateDescriptor<Object>(descriptor.getName(),
                new dev.weir.flink.functions.WeirReduceFunction((dev.weir.api.common.functions.ReduceFunction) descriptor.getReduceFunction()),
                FlinkTypes.OBJECT);
        withTtl(flinkDescriptor, descriptor);
        return new FlinkAppendingState<>((org.apache.flink.api.common.state.AppendingState) flink.getReducingState(flinkDescriptor));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        var flinkDescriptor = new org.apache.flink.api.common.state.AggregatingStateDescriptor<Object, Object, Object>(descriptor.getName(),
                new dev.weir.flink.functions.WeirAggregateFunction((dev.weir.api.common.functions.AggregateFunction) descriptor.getAggregateFunction()),
                FlinkTypes.OBJECT);
        withTtl(flinkDescriptor, descriptor);
        return new FlinkAppendingState<>((org.apache.flink.api.common.state.AppendingState) flink.getAggregatingState(flinkDescriptor));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
        var flinkDescriptor = new org.apache.flink.api.common.state.MapStateDescriptor<>(descriptor.getName(), FlinkTypes.OBJECT, FlinkTypes.OBJECT);
        withTtl(flinkDescriptor, descriptor);
        return new FlinkMapState<>((org.apache.flink.api.common.state.MapState<K, V>) (Object) flink.getMapState(flinkDescriptor));
    }

    /** Weir's state of any kind for its descriptor, e.g. for a trigger's {@code getPartitionedState}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public State get(StateDescriptor<?> descriptor) {
        return switch (descriptor.getType()) {
            case VALUE -> getState((ValueStateDescriptor) descriptor);
            case LIST -> getListState((ListStateDescriptor) descriptor);
            case REDUCING -> getReducingState((ReducingStateDescriptor) descriptor);
            case AGGREGATING -> getAggregatingState((AggregatingStateDescriptor) descriptor);
            case MAP -> getMapState((MapStateDescriptor) descriptor);
        };
    }

    /** The Flink descriptor of a Weir one, of any kind: the same name, TTL and functions, Weir's record type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static org.apache.flink.api.common.state.StateDescriptor descriptor(StateDescriptor<?> descriptor) {
        return switch (descriptor.getType()) {
            case VALUE -> {
                var flinkDescriptor = new org.apache.flink.api.common.state.ValueStateDescriptor<>(descriptor.getName(), FlinkTypes.OBJECT);
                withTtl(flinkDescriptor, descriptor);
                yield flinkDescriptor;
            }
            case MAP -> {
                var flinkDescriptor = new org.apache.flink.api.common.state.MapStateDescriptor<>(descriptor.getName(), FlinkTypes.OBJECT,
                        FlinkTypes.OBJECT);
                withTtl(flinkDescriptor, descriptor);
                yield flinkDescriptor;
            }
            case LIST, REDUCING, AGGREGATING -> mergingDescriptor(descriptor);
        };
    }

    /** A Flink state object (as {@code applyToKeyedState} hands it) seen as the Weir state of its descriptor's kind. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static State wrap(StateDescriptor<?> descriptor, org.apache.flink.api.common.state.State flink) {
        return switch (descriptor.getType()) {
            case VALUE -> new FlinkValueState<>((org.apache.flink.api.common.state.ValueState) flink,
                    ((ValueStateDescriptor) descriptor).getDefaultValue());
            case LIST -> new FlinkListState<>((org.apache.flink.api.common.state.ListState) flink);
            case REDUCING, AGGREGATING -> new FlinkAppendingState<>((org.apache.flink.api.common.state.AppendingState) flink);
            case MAP -> new FlinkMapState<>((org.apache.flink.api.common.state.MapState) flink);
        };
    }

    /**
     * The Flink descriptor of a merging Weir state (list, reducing, aggregating), the same Flink creates when the
     * state is read, for Flink's {@code mergePartitionedState}.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static org.apache.flink.api.common.state.StateDescriptor<? extends org.apache.flink.api.common.state.MergingState<?, ?>, ?>
            mergingDescriptor(StateDescriptor<?> descriptor) {
        org.apache.flink.api.common.state.StateDescriptor flinkDescriptor = switch (descriptor.getType()) {
            case LIST -> new org.apache.flink.api.common.state.ListStateDescriptor<>(descriptor.getName(), FlinkTypes.OBJECT);
            case REDUCING -> new org.apache.flink.api.common.state.ReducingStateDescriptor<Object>(descriptor.getName(),
                    new dev.weir.flink.functions.WeirReduceFunction(((ReducingStateDescriptor) descriptor).getReduceFunction()),
                    FlinkTypes.OBJECT);
            case AGGREGATING -> new org.apache.flink.api.common.state.AggregatingStateDescriptor<Object, Object, Object>(descriptor.getName(),
                    new dev.weir.flink.functions.WeirAggregateFunction(((AggregatingStateDescriptor) descriptor).getAggregateFunction()),
                    FlinkTypes.OBJECT);
            case VALUE, MAP -> throw new IllegalArgumentException("Only list, reducing and aggregating state can be merged, not "
                    + descriptor.getType() + " state '" + descriptor.getName() + "'");
        };
        withTtl(flinkDescriptor, descriptor);
        return flinkDescriptor;
    }

    private static void withTtl(org.apache.flink.api.common.state.StateDescriptor<?, ?> flinkDescriptor, StateDescriptor<?> weir) {
        StateTtlConfig ttl = weir.getTtlConfig();
        if (ttl != null && ttl.isEnabled()) {
            flinkDescriptor.enableTimeToLive(TtlTranslation.toFlink(ttl));
        }
    }
}
