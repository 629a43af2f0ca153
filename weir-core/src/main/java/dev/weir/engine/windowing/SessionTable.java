package dev.weir.engine.windowing;

import dev.weir.api.common.functions.AggregateFunction;
import java.util.Arrays;

/**
 * The in-flight sessions of every key of one session-window subtask, one row of longs per session: its bounds
 * {@code [start, end)}, an identity that stays with it through merges, a version that changes whenever its bounds
 * change, the slot and identity of its key's previous session by start, and, for an {@code AggregateFunction}
 * whose accumulator has only primitive fields ({@link PrimitiveFields}), the accumulator's fields. Other partial
 * aggregates (a reduce's element, other accumulators) are objects beside the row.
 *
 * <p>With far more keys than the caches hold, each session's data is a cache miss wherever it lives; here an element
 * that opens a session writes one row, and a firing reads that row and frees it, instead of touching a list object,
 * its arrays, an accumulator object and a key object each. A key's sessions form a list from its latest back
 * ({@link SessionKeyIndex} holds the latest); a link to a session that has fired since is told by its identity, so a
 * firing updates no other session. Freed rows are reused last-freed first: the rows that the sessions of one
 * watermark free in firing order are taken by the next elements in arrival order, so rows stay near each other in
 * both passes.
 *
 * <p>The accumulator sees Flink's calls in Flink's order: {@code createAccumulator} and {@code add} for a session's
 * first element, {@code add} on an accumulator holding the partial for the others (one scratch instance, loaded from
 * the row and stored back after the call), {@code merge} when sessions merge, and {@code getResult} on a fresh
 * accumulator, since the result may be the accumulator itself and is emitted by reference. What {@code add} or
 * {@code merge} returns that is not of the accumulator's exact class is kept as an object, as other partials are.
 */
final class SessionTable {
    private static final int START = 0;
    private static final int END = 1;
    private static final int ID = 2;
    private static final int VERSION = 3;
    /** The slot of the key's previous session plus one (0: none), and {@link #HELD} when the partial is an object. */
    private static final int PREV = 4;
    /** The identity of the key's previous session when it was linked; a different one now means it has fired. */
    private static final int PREV_ID = 5;
    private static final int HEADER = 6;
    private static final long HELD = 1L << 32;
    private static final long PREV_MASK = HELD - 1;

    private final SliceFunction aggregation;
    /** The accumulator's fields when partials are kept in the rows; null when every partial is an object. */
    private final PrimitiveFields fields;
    private final AggregateFunction<Object, Object, Object> function;
    private final int stride;
    private long[] rows;
    /** Each slot's key; null when the slot is free. */
    private Object[] keys;
    private Object[] partials;
    /** Free slots below {@link #used}, the last freed on top. */
    private int[] free = new int[16];
    private int freeCount;
    private int used;
    private int live;
    /** The instance flat partials are loaded into for {@code add}; created on first use. */
    private Object scratch;

    /** Partials as objects, through {@code aggregation}. */
    SessionTable(SliceFunction aggregation) {
        this(aggregation, null, null);
    }

    /** Partials of {@code function} in the rows when {@code fields} (its accumulator's) is not null. */
    SessionTable(SliceFunction aggregation, AggregateFunction<Object, Object, Object> function, PrimitiveFields fields) {
        this.aggregation = aggregation;
        this.function = function;
        this.fields = function == null ? null : fields;
        this.stride = HEADER + (this.fields == null ? 0 : this.fields.width);
        int capacity = 16;
        rows = new long[capacity * stride];
        keys = new Object[capacity];
        partials = new Object[capacity];
    }

    /** Sessions in flight. */
    int size() {
        return live;
    }

    /** Slots are below this; a slot holds a session when {@link #key} is not null. */
    int limit() {
        return used;
    }

    Object key(int slot) {
        return keys[slot];
    }

    long start(int slot) {
        return rows[slot * stride];
    }

    long end(int slot) {
        return rows[slot * stride + END];
    }

    /** The session's identity; -1 once the slot is free, and identities are never reused. */
    long id(int slot) {
        return rows[slot * stride + ID];
    }

    long version(int slot) {
        return rows[slot * stride + VERSION];
    }

    /** The slot of the key's previous session by start, or -1 when it has none in flight. */
    int prev(int slot) {
        int at = slot * stride;
        int prev = (int) (rows[at + PREV] & PREV_MASK) - 1;
        return prev >= 0 && rows[prev * stride + ID] == rows[at + PREV_ID] ? prev : -1;
    }

    /** Links the session to its key's previous session {@code prev} (-1: none). */
    void setPrev(int slot, int prev) {
        int at = slot * stride;
        rows[at + PREV] = (rows[at + PREV] & HELD) | (prev + 1L);
        rows[at + PREV_ID] = prev < 0 ? -1 : rows[prev * stride + ID];
    }

    /** Gives the session new bounds and the version that marks the change. */
    void setBounds(int slot, long start, long end, long version) {
        int at = slot * stride;
        rows[at] = start;
        rows[at + END] = end;
        rows[at + VERSION] = version;
    }

    /** A new session of {@code key}, without a partial yet and without a previous session; returns its slot. */
    int open(Object key, long start, long end, long id, long version) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (used == keys.length) {
                grow();
            }
            slot = used++;
        }
        int at = slot * stride;
        long[] row = rows;
        row[at] = start;
        row[at + END] = end;
        row[at + ID] = id;
        row[at + VERSION] = version;
        row[at + PREV] = 0;
        row[at + PREV_ID] = -1;
        keys[slot] = key;
        live++;
        return slot;
    }

    /** Frees the session's slot; its identity reads -1 until the slot is taken again. */
    void close(int slot) {
        rows[slot * stride + ID] = -1;
        keys[slot] = null;
        partials[slot] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, freeCount * 2);
        }
        free[freeCount++] = slot;
        live--;
    }

    /** Adds {@code value} to the session's partial; {@code first} for the session's first element. */
    void add(int slot, Object value, boolean first) throws Exception {
        if (fields == null) {
            partials[slot] = aggregation.add(first ? null : partials[slot], value);
        } else if (first) {
            // A new accumulator that flows only into add and put never escapes, so the JIT can leave it unallocated.
            put(slot, function.add(value, function.createAccumulator()));
        } else if ((rows[slot * stride + PREV] & HELD) != 0) {
            put(slot, function.add(value, partials[slot]));
        } else {
            Object target = scratch;
            if (target == null) {
                target = scratch = function.createAccumulator();
            }
            put(slot, function.add(value, load(target, slot)));
        }
    }

    /** The session's partial as an object, as checkpoints hold it and merges combine it: a fresh one when flat. */
    Object partial(int slot) {
        if (fields == null || (rows[slot * stride + PREV] & HELD) != 0) {
            return partials[slot];
        }
        return load(function.createAccumulator(), slot);
    }

    /** Replaces the session's partial, restored or combined, by {@code partial}. */
    void setPartial(int slot, Object partial) {
        if (fields == null) {
            partials[slot] = partial;
        } else {
            put(slot, partial);
        }
    }

    /** The window function's input for the session. */
    Object result(int slot) {
        return aggregation.result(partial(slot), true);
    }

    /** Keeps {@code accumulator} as the session's partial: in the row when it is of the exact class. */
    private void put(int slot, Object accumulator) {
        int at = slot * stride;
        if (accumulator != null && accumulator.getClass() == fields.type) {
            fields.store(accumulator, rows, at + HEADER);
            if ((rows[at + PREV] & HELD) != 0) {
                rows[at + PREV] &= PREV_MASK;
                partials[slot] = null;
            }
        } else {
            rows[at + PREV] |= HELD;
            partials[slot] = accumulator;
        }
    }

    private Object load(Object target, int slot) {
        fields.load(target, rows, slot * stride + HEADER);
        return target;
    }

    private void grow() {
        int capacity = keys.length * 2;
        rows = Arrays.copyOf(rows, capacity * stride);
        keys = Arrays.copyOf(keys, capacity);
        partials = Arrays.copyOf(partials, capacity);
    }

    @Override
    public String toString() {
        return "SessionTable{sessions=" + live + ", slots=" + used + ", capacity=" + keys.length + "}";
    }
}
