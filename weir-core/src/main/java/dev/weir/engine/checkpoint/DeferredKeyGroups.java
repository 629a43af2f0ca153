package dev.weir.engine.checkpoint;

/**
 * A point-in-time copy of a subtask's keyed state that fills its key groups' snapshots one at a time on the
 * checkpoint's I/O thread, so a savepoint never holds the subtask's whole keyed state on the heap: each key group is
 * read, serialized, written and dropped before the next. Made at the barrier by a {@link StreamingSavepointBackend}.
 */
public interface DeferredKeyGroups {
    /** Adds the entries (and the timers the backend keeps) of {@code group}'s key group, in stored form, to {@code group}. */
    void fill(KeyGroupSnapshot group) throws Exception;

    /** Deletes the copy; called once, after the last {@link #fill} or instead of any, on any thread. */
    void release();
}
