package dev.weir.engine.exec;

/** Rethrows a checked exception through an interface that does not declare it, without wrapping it. */
final class Sneaky {
    private Sneaky() {
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException rethrow(Throwable t) throws E {
        throw (E) t;
    }
}
