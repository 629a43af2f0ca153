package dev.weir.engine.checkpoint.storage;

/**
 * Turns a user's state value into bytes for a snapshot and back; any class, no registration.
 *
 * <p>Instances are thread-confined: create one per task thread with {@link StateSerializers#create()}. Values
 * may be {@code null}. Classes are written by name with their field names, so a POJO or record that gained
 * or lost fields since the snapshot still reads back (see docs/state-serialization.md).
 */
public interface StateSerializer {

    /** The bytes of {@code value} (which may be {@code null}). */
    byte[] serialize(Object value);

    /** The value {@link #serialize} wrote into {@code bytes}. */
    Object deserialize(byte[] bytes);

    /** The value {@link #serialize} wrote into {@code bytes[offset .. offset + length)}. */
    Object deserialize(byte[] bytes, int offset, int length);

    /**
     * A deep copy of {@code value}, made without bytes: a snapshot keeps the copy while the task goes on changing the
     * original in place (as window slices and aggregate accumulators are).
     */
    Object copy(Object value);
}
