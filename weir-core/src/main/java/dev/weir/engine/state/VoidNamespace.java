package dev.weir.engine.state;

/**
 * The namespace of state that is scoped to a key only (not to a window). All instances are equal: a snapshot read
 * back by a serializer may create a new instance, and it must find the same state as {@link #INSTANCE}.
 */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoidNamespace;
    }

    @Override
    public int hashCode() {
        return 99;
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
