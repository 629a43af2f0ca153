package dev.weir.engine.state;

/**
 * The runtime side of every keyed state object: besides the current key (held by the backend) it is scoped to a
 * namespace, {@link VoidNamespace#INSTANCE} for user state and the window for window state.
 */
public interface InternalKvState<N> {
    void setCurrentNamespace(N namespace);

    N getCurrentNamespace();

    /** The state's descriptor name. */
    String getName();
}
