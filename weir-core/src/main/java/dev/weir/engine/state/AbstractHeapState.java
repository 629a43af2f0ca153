package dev.weir.engine.state;

import java.util.Objects;

/** The namespace handling and storage shared by every heap state: one {@link StateTable}, one current namespace. */
abstract class AbstractHeapState<N> implements InternalKvState<N> {
    final StateTable table;
    N currentNamespace;

    @SuppressWarnings("unchecked")
    AbstractHeapState(StateTable table) {
        this.table = table;
        this.currentNamespace = (N) VoidNamespace.INSTANCE;
    }

    @Override
    public final void setCurrentNamespace(N namespace) {
        currentNamespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public final N getCurrentNamespace() {
        return currentNamespace;
    }

    @Override
    public final String getName() {
        return table.name();
    }

    /** Removes the value of the current key in the current namespace. */
    public void clear() {
        table.remove(currentNamespace);
    }
}
