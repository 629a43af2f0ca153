package dev.weir.testing;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.AggregatingStateDescriptor;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.TtlValue;
import dev.weir.engine.state.VoidNamespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Reads a key's state the way the function would see it now, without touching it: reading through the state object
 * would refresh a time to live updated on read, or clean up an expired value, and so change what the test checks.
 */
final class StatePeek {
    private final HarnessStateBackend backend;
    private final LongSupplier clock;

    StatePeek(HarnessStateBackend backend, LongSupplier clock) {
        this.backend = backend;
        this.clock = clock;
    }

    /** The value of a value, reducing or aggregating state (the aggregate's result), or null. */
    Object value(String stateName, Object key) throws Exception {
        StateDescriptor<?> descriptor = require(stateName, "getValueState", StateDescriptor.Type.VALUE, StateDescriptor.Type.REDUCING,
                StateDescriptor.Type.AGGREGATING);
        Object stored = visible(stored(stateName, key), descriptor);
        if (stored != null && descriptor instanceof AggregatingStateDescriptor<?, ?, ?> aggregating) {
            return result(aggregating.getAggregateFunction(), stored);
        }
        return stored;
    }

    /** The elements of a list state, in order; empty when it has none. */
    List<Object> list(String stateName, Object key) throws Exception {
        StateDescriptor<?> descriptor = require(stateName, "getListState", StateDescriptor.Type.LIST);
        Object stored = stored(stateName, key);
        if (stored == null) {
            return List.of();
        }
        List<Object> elements = new ArrayList<>();
        for (Object element : (List<?>) stored) {
            Object visible = visible(element, descriptor);
            if (visible != null) {
                elements.add(visible);
            }
        }
        return Collections.unmodifiableList(elements);
    }

    /** The entries of a map state; empty when it has none. */
    Map<Object, Object> map(String stateName, Object key) throws Exception {
        StateDescriptor<?> descriptor = require(stateName, "getMapState", StateDescriptor.Type.MAP);
        Object stored = stored(stateName, key);
        if (stored == null) {
            return Map.of();
        }
        Map<Object, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) stored).entrySet()) {
            Object visible = visible(e.getValue(), descriptor);
            if (visible != null) {
                entries.put(e.getKey(), visible);
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private StateDescriptor<?> require(String stateName, String method, StateDescriptor.Type... kinds) {
        Objects.requireNonNull(stateName, "stateName");
        StateDescriptor<?> descriptor = backend.descriptor(stateName);
        if (descriptor == null) {
            throw new IllegalArgumentException("The operator has no keyed state named '" + stateName + "'; it created "
                    + String.join(", ", backend.stateNames()) + " (by descriptor name). A state exists once the function "
                    + "asked for it, usually in open(): pass the name of its state descriptor");
        }
        for (StateDescriptor.Type kind : kinds) {
            if (descriptor.getType() == kind) {
                return descriptor;
            }
        }
        throw new IllegalArgumentException("State '" + stateName + "' is " + descriptor.getType() + " state, which " + method
                + " cannot read: use " + readerOf(descriptor.getType()));
    }

    private static String readerOf(StateDescriptor.Type kind) {
        return switch (kind) {
            case LIST -> "getListState";
            case MAP -> "getMapState";
            default -> "getValueState";
        };
    }

    private Object stored(String stateName, Object key) throws Exception {
        Objects.requireNonNull(key, "key");
        HeapKeyedStateBackend heap = backend.heap();
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, heap.getMaxParallelism());
        if (!heap.getKeyGroupRange().contains(keyGroup)) {
            throw new IllegalArgumentException("Key '" + key + "' is in key group " + keyGroup + ", which this harness's subtask does "
                    + "not own (" + heap.getKeyGroupRange() + "): its state lives in another subtask; ask for a key of this subtask");
        }
        Object[] found = new Object[1];
        heap.forEachEntry(keyGroup, (name, k, namespace, value) -> {
            if (name.equals(stateName) && namespace instanceof VoidNamespace && k.equals(key)) {
                found[0] = value;
            }
        });
        return found[0];
    }

    /** The user value inside a stored value, or null when its time to live ran out and the state hides it. */
    private Object visible(Object stored, StateDescriptor<?> descriptor) {
        if (!(stored instanceof TtlValue ttlValue)) {
            return stored;
        }
        StateTtlConfig ttl = descriptor.getTtlConfig();
        long last = ttlValue.getLastAccessTimestamp();
        long expiry = last + ttl.getTimeToLive().toMillis();
        boolean expired = expiry >= last && clock.getAsLong() >= expiry;
        if (expired && ttl.getStateVisibility() == StateTtlConfig.StateVisibility.NeverReturnExpired) {
            return null;
        }
        return ttlValue.getUserValue();
    }

    @SuppressWarnings("unchecked")
    private static Object result(AggregateFunction<?, ?, ?> function, Object accumulator) {
        return ((AggregateFunction<Object, Object, Object>) function).getResult(accumulator);
    }
}
