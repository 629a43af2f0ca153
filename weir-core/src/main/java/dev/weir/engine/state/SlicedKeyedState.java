package dev.weir.engine.state;

import java.util.function.LongConsumer;

/**
 * Keyed state laid out by time slice, then key: the slices of the slicing window operator kept by a backend off the
 * heap (RocksDB), so that a window's state may be far larger than the heap. A value is one key's partial aggregate
 * (or buffered elements) in one slice, written in the stored form a snapshot holds; in snapshots the state's entries
 * are those of a keyed state whose namespace is the slice's start ({@code Long}), the form the heap operator's
 * {@link OwnedKeyedState} slices take, so a savepoint moves between backends. Called by the task's thread only.
 */
public interface SlicedKeyedState {
    /** The current key's value in the slice starting at {@code slice}, freshly read (null when it has none). */
    Object get(long slice);

    /** Sets the current key's value in the slice starting at {@code slice}. */
    void put(long slice, Object value);

    /** Hands each slice that holds an entry to {@code slices}, once, in no particular order (after a restore). */
    void forEachSlice(LongConsumer slices);

    /**
     * A cursor over every key with a value in one of {@code slices[0 .. count)} (in time order), each key once with its
     * values of those slices: a window of several slices combines them key by key without holding the window's keys.
     * The caller closes it before writing to this state again.
     */
    Cursor read(long[] slices, int count);

    /** Drops every key's value in the slice starting at {@code slice}. */
    void remove(long slice);

    /** The keys of some slices, one at a time. */
    interface Cursor extends AutoCloseable {
        /** Moves to the next key; false when there is none. */
        boolean next();

        /** The current key. */
        Object key();

        /** The current key's value in the {@code index}-th slice read, or null when it has none there. */
        Object value(int index);

        @Override
        void close();
    }
}
