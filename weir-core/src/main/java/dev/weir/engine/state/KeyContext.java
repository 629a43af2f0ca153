package dev.weir.engine.state;

/** Holds the key that keyed state and timers are currently scoped to. */
public interface KeyContext {
    void setCurrentKey(Object key);

    Object getCurrentKey();
}
