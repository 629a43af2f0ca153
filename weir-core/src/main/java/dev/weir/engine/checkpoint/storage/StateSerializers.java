package dev.weir.engine.checkpoint.storage;

import org.apache.fory.logging.LogLevel;
import org.apache.fory.logging.LoggerFactory;

/** Creates the {@link StateSerializer}s snapshots use. */
public final class StateSerializers {

    static {
        // Fory warns on every instance that registration is off and logs each class it compiles; for Weir
        // both are by design, and a task per core would flood the log. Errors still show.
        LoggerFactory.setLogLevel(LogLevel.ERROR_LEVEL);
    }

    private StateSerializers() {
    }

    /** A new serializer for the calling thread, resolving classes with the thread's context class loader. */
    public static StateSerializer create() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return create(loader != null ? loader : StateSerializers.class.getClassLoader());
    }

    /** A new serializer for the calling thread, resolving state classes with {@code userClassLoader}. */
    public static StateSerializer create(ClassLoader userClassLoader) {
        return new ForyStateSerializer(userClassLoader);
    }
}
