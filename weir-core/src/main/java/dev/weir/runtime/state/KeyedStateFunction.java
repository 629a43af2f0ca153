package dev.weir.runtime.state;

import dev.weir.api.common.state.State;

/** Visits one key's state, for {@code KeyedBroadcastProcessFunction.Context#applyToKeyedState}. */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    void process(K key, S state) throws Exception;
}
