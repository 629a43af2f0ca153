package dev.weir.runtime.state;

/** The namespace of state that is scoped to a key only (not to a window). */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {
    }

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
