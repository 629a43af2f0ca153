package dev.weir.api.state;

/** Visits one key's state, for {@code KeyedBroadcastProcessFunction.Context#applyToKeyedState}. */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
    void process(K key, S state) throws Exception;
}
