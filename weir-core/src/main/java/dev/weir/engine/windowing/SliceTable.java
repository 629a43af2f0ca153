package dev.weir.engine.windowing;

import java.util.Arrays;

/**
 * The partial aggregates of one time slice, by key: entries in dense parallel arrays, in the order their keys
 * arrived, found through an open-addressing index (linear probing) of entry numbers. A lookup allocates nothing, and a
 * window firing walks the slice's entries in array order without skipping empty slots or chasing one timer and one map
 * entry per key. Entries are only added or cleared all at once, so an entry's slot never changes while the table
 * grows.
 *
 * <p>While every key is a {@code Long} (the usual case) an entry costs 12 bytes, the key's value in a {@code long[]}
 * and the value's reference, and 6 bytes of index (one and a half slots of 4 bytes): 18 to 36 bytes per key as the
 * entry arrays fill between their doublings, against 21 to 43 for open-addressing slots of 16 bytes kept at most three
 * quarters full (issue 22, workload 10). Probes compare the keys' values and never read a key object, which is cold,
 * scattered over the heap; neither boxed keys nor hashes are kept (the value gives the hash again). A key of another
 * type turns the table into an ordinary one, with key objects and their hashes.
 *
 * <p>Partials of a function whose accumulators have only primitive fields ({@link FlatAggregatingSlices}) live in
 * {@code flat}, {@code width} longs per entry, instead of one object per key and slice; such an entry's value slot
 * stays null unless the function handed back an accumulator of another class, which is then kept as it is.
 *
 * <p>Array lengths are a power of two minus 4 entries: with the 16-byte array header each array then fills a
 * power-of-two number of bytes, so a large table's arrays fill whole G1 heap regions instead of spilling into one more.
 */
final class SliceTable {
    /** The smallest entry capacity: 2^4 - 4. */
    private static final int MIN_CAPACITY = 12;
    /** Array elements the 16-byte header of an array takes the room of, for 4-byte elements. */
    private static final int HEADER_ELEMENTS = 4;

    /** The slice's first timestamp; the slice ends at {@code start + sliceSize}. */
    long start;
    /** Entry number + 1 per index slot, 0 when empty; longer than the entry arrays by half. */
    private int[] index;
    private long[] longKeys;
    private Object[] values;
    /** The keys and their spread hashes, by entry; only once a key that is not a {@code Long} arrived. */
    private Object[] keys;
    private int[] hashes;
    private boolean allLongs = true;
    /**
     * Whether any value slot was set since the table was last empty: while not, every value is null and readers of
     * flat partials skip the value array, one cache line less per element.
     */
    private boolean holdsValues;
    /** Per entry, how many partials a window's combination holds; only for {@link WindowAssembly}'s table. */
    private int[] counts;
    private final boolean counting;
    /** Longs per entry in {@code flat}; 0 when partials are objects. */
    private final int width;
    private long[] flat;
    /** Whether the last {@link #slot} or {@link #slotOf} call added its key. */
    private boolean added;
    private int size;

    SliceTable() {
        this(0, false);
    }

    SliceTable(boolean counting) {
        this(0, counting);
    }

    SliceTable(int width, boolean counting) {
        this.width = width;
        this.counting = counting;
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The slots are 0 until this; a slot holds an entry when {@link #occupied}. */
    int capacity() {
        return size;
    }

    /** Whether the slot holds an entry. */
    boolean occupied(int slot) {
        return slot < size;
    }

    /** The key of an occupied slot ({@code Long} keys are boxed again here). */
    Object key(int slot) {
        return allLongs ? Long.valueOf(longKeys[slot]) : keys[slot];
    }

    Object value(int slot) {
        return values[slot];
    }

    void setValue(int slot, Object value) {
        values[slot] = value;
        if (value != null) {
            holdsValues = true;
        }
    }

    /** The value of {@code slot}, null without reading the value array while {@link #holdsValues} is false. */
    Object valueIfAny(int slot) {
        return holdsValues ? values[slot] : null;
    }

    /** The entries' primitive partials, {@link #width} longs per entry from {@code slot * width}; null when width is 0. */
    long[] flat() {
        return flat;
    }

    int width() {
        return width;
    }

    /** Whether the last {@link #slot} or {@link #slotOf} call added its key (the entry holds no partial yet). */
    boolean added() {
        return added;
    }

    /**
     * Whether the value in {@code slot} is one slice's partial as it is (every value of a slice or suffix table; in a
     * combination table, a key only one slice held), rather than a combination of several.
     */
    boolean single(int slot) {
        return !counting || counts[slot] == 1;
    }

    int count(int slot) {
        return counts[slot];
    }

    void setCount(int slot, int count) {
        counts[slot] = count;
    }

    /** The slot of {@code key}, added with a null value when missing. */
    int slot(Object key) {
        if (allLongs && key.getClass() == Long.class) {
            return slotOfLong((Long) key);
        }
        if (allLongs) {
            leaveLongMode();
        }
        int hash = spread(key.hashCode());
        int found = probe(key, hash);
        if (found >= 0) {
            added = false;
            return found;
        }
        if (size == values.length) {
            grow(size + 1);
            return slot(key);
        }
        index[-found - 1] = size + 1;
        keys[size] = key;
        hashes[size] = hash;
        added = true;
        return size++;
    }

    /** The slot of the {@code Long} key {@code value}; only while every key is a {@code Long}. */
    private int slotOfLong(long value) {
        int found = probeLong(value);
        if (found >= 0) {
            added = false;
            return found;
        }
        if (size == longKeys.length) {
            grow(size + 1);
            return slotOfLong(value);
        }
        index[-found - 1] = size + 1;
        longKeys[size] = value;
        added = true;
        return size++;
    }

    /** The entry of {@code key} (its spread hash given), or -1 minus the empty index slot where it would go. */
    private int probe(Object key, int hash) {
        int[] idx = index;
        int n = idx.length;
        int i = home(hash, n);
        for (int e = idx[i]; e != 0; e = idx[i]) {
            e--;
            if (hashes[e] == hash) {
                Object k = keys[e];
                if (k == key || k.equals(key)) {
                    return e;
                }
            }
            if (++i == n) {
                i = 0;
            }
        }
        return -i - 1;
    }

    /** As {@link #probe}, for the {@code Long} key {@code value} while every key is a {@code Long}. */
    private int probeLong(long value) {
        int[] idx = index;
        int n = idx.length;
        int i = home(spread(Long.hashCode(value)), n);
        long[] ks = longKeys;
        for (int e = idx[i]; e != 0; e = idx[i]) {
            if (ks[e - 1] == value) {
                return e - 1;
            }
            if (++i == n) {
                i = 0;
            }
        }
        return -i - 1;
    }

    /**
     * The slot of the key in {@code other}'s slot {@code j}, added with a null value when missing; while both tables
     * hold only {@code Long}s, without boxing or reading a key object.
     */
    int slotOf(SliceTable other, int j) {
        if (allLongs && other.allLongs) {
            return slotOfLong(other.longKeys[j]);
        }
        return slot(other.key(j));
    }

    /**
     * The slot of the key in {@code other}'s slot {@code j}, or -1 when this table does not hold it; adds nothing.
     * While both tables hold only {@code Long}s, without boxing or reading a key object.
     */
    int find(SliceTable other, int j) {
        int found;
        if (allLongs && other.allLongs) {
            found = probeLong(other.longKeys[j]);
        } else {
            Object key = other.key(j);
            if (allLongs) {
                found = key.getClass() == Long.class ? probeLong((Long) key) : -1;
            } else {
                found = probe(key, spread(key.hashCode()));
            }
        }
        return Math.max(found, -1);
    }

    /**
     * Makes this empty table a copy of {@code other}: its entries in the same slots, values shared, by copying arrays
     * instead of adding key by key. Both tables keep the same width; neither counts.
     */
    void copyFrom(SliceTable other) {
        if (values.length != other.values.length) {
            allocate(other.values.length);
        }
        int n = other.size;
        System.arraycopy(other.index, 0, index, 0, index.length);
        System.arraycopy(other.longKeys, 0, longKeys, 0, n);
        System.arraycopy(other.values, 0, values, 0, n);
        if (width > 0) {
            System.arraycopy(other.flat, 0, flat, 0, n * width);
        }
        if (!other.allLongs) {
            keys = Arrays.copyOf(other.keys, values.length);
            hashes = Arrays.copyOf(other.hashes, values.length);
        }
        allLongs = other.allLongs;
        holdsValues = other.holdsValues;
        size = n;
    }

    /**
     * A key that is not a {@code Long} arrived: every key becomes an object again, with its hash. The index stays as
     * it is: a {@code Long}'s hash code is the one its value gave.
     */
    private void leaveLongMode() {
        int capacity = values.length;
        keys = new Object[capacity];
        hashes = new int[capacity];
        for (int e = 0; e < size; e++) {
            keys[e] = Long.valueOf(longKeys[e]);
            hashes[e] = spread(Long.hashCode(longKeys[e]));
        }
        allLongs = false;
    }

    /** Makes room for {@code entries} keys without growing while they are added. */
    void reserve(int entries) {
        if (entries > values.length) {
            grow(entries);
        }
    }

    /** Empties the table for reuse by another slice; keeps its capacity unless a burst made it much larger. */
    void clear() {
        if (values.length > 4 * Math.max(MIN_CAPACITY, size * 2) && values.length > 1024) {
            allocate(capacityFor(size * 2));
        } else if (size > 0) {
            Arrays.fill(index, 0);
            Arrays.fill(values, 0, size, null);
            if (counting) {
                Arrays.fill(counts, 0, size, 0);
            }
        }
        size = 0;
        allLongs = true;
        holdsValues = false;
        keys = null;
        hashes = null;
    }

    /** Entry arrays for at least {@code entries} keys and twice as many as now, the index rebuilt. */
    private void grow(int entries) {
        int capacity = capacityFor(Math.max(entries, values.length * 2 + HEADER_ELEMENTS));
        longKeys = Arrays.copyOf(longKeys, capacity);
        values = Arrays.copyOf(values, capacity);
        if (width > 0) {
            flat = Arrays.copyOf(flat, capacity * width);
        }
        if (counting) {
            counts = Arrays.copyOf(counts, capacity);
        }
        if (!allLongs) {
            keys = Arrays.copyOf(keys, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
        }
        int[] idx = new int[indexLength(capacity)];
        int n = idx.length;
        for (int e = 0; e < size; e++) {
            int i = home(allLongs ? spread(Long.hashCode(longKeys[e])) : hashes[e], n);
            while (idx[i] != 0) {
                if (++i == n) {
                    i = 0;
                }
            }
            idx[i] = e + 1;
        }
        index = idx;
    }

    private void allocate(int capacity) {
        index = new int[indexLength(capacity)];
        longKeys = new long[capacity];
        values = new Object[capacity];
        flat = width > 0 ? new long[capacity * width] : null;
        counts = counting ? new int[capacity] : null;
    }

    /** The least power of two minus {@link #HEADER_ELEMENTS} that holds {@code entries}, at least the minimum. */
    private static int capacityFor(int entries) {
        int least = Math.max(MIN_CAPACITY, entries) + HEADER_ELEMENTS;
        return Integer.highestOneBit(least - 1) * 2 - HEADER_ELEMENTS;
    }

    /** One and a half index slots per entry: the index is at most two thirds full. */
    private static int indexLength(int capacity) {
        return capacity + (capacity >> 1);
    }

    /** The index slot a hash starts probing at: its top bits scaled to the index's length (no power of two). */
    private static int home(int hash, int length) {
        return (int) (((hash & 0xFFFF_FFFFL) * length) >>> 32);
    }

    /** Fibonacci hashing on the key's hash: the top bits pick the slot, so keys with close hash codes spread out. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B9;
    }
}
