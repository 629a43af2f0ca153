package dev.weir.engine.state;

/**
 * What every state backend tells a user whose state value the serializer cannot write: the heap at the checkpoint,
 * RocksDB at the write. One phrase, so that the backends' messages keep giving the same fix.
 */
public final class UnserializableStateAdvice {
    /** Make the resource transient and rebuild it in {@code open()}. */
    public static final String RESOURCE_FIELD_FIX =
            "make the field that holds a resource (a thread, a connection, a stream, a lambda) transient and rebuild it in open()";

    private UnserializableStateAdvice() {
    }
}
