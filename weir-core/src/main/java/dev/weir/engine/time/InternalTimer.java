package dev.weir.engine.time;

/** A timer of a keyed operator: a timestamp, the key it belongs to, and a namespace (the window, or void). */
public interface InternalTimer<N> {
    long getTimestamp();

    Object getKey();

    N getNamespace();
}
