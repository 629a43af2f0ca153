package dev.weir.rocksdb;

import java.util.Arrays;

/**
 * One window slice's entries held on the heap by a {@link SliceCache}: per key its serialized form, the key itself,
 * its key group and its partial aggregate as an object, in parallel arrays indexed by entry number, found by an
 * open-addressing table of the keys' hashes. Two flags say how the slice stands against RocksDB: whether RocksDB may
 * hold entries of it ({@link #inRocks}), and whether every entry of it is here ({@link #complete}), so that a key
 * missing here is missing from the slice and a firing need not read RocksDB. Used by the task's thread only.
 */
final class CachedSlice {
    static final int NONE = -1;
    /** Entries beyond which {@link #sorted()} cannot number them in its sort keys. */
    static final int MAX_ENTRIES = 1 << 24;
    private static final int INDEX_BITS = 24;

    final long start;
    /** RocksDB may hold entries of this slice (written by an eviction or a checkpoint, or restored). */
    boolean inRocks;
    /** Every entry of this slice is here: RocksDB holds none that this cache does not hold with the same or an older value. */
    boolean complete;

    int size;
    byte[][] keyBytes = new byte[8][];
    Object[] keys = new Object[8];
    Object[] values = new Object[8];
    int[] keyGroups = new int[8];
    private int[] hashes = new int[8];
    private boolean[] dirty = new boolean[8];
    private int dirtyCount;
    /** Open addressing, linear probing: an entry's number + 1 per slot, 0 when empty; at most half full. */
    private int[] table = new int[16];

    CachedSlice(long start, boolean inRocks) {
        this.start = start;
        this.inRocks = inRocks;
        this.complete = !inRocks;
    }

    /** The entry of {@code key} (serialized, of hash {@code hash}), or {@link #NONE}. */
    int find(byte[] key, int hash) {
        int mask = table.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int e = table[i] - 1;
            if (e < 0) {
                return NONE;
            }
            if (hashes[e] == hash && (keyBytes[e] == key || Arrays.equals(keyBytes[e], key))) {
                return e;
            }
        }
    }

    /** Adds an entry that {@link #find} did not find; returns its number. */
    int add(byte[] key, int hash, int keyGroup, Object keyObject, Object value, boolean isDirty) {
        if (size == keyBytes.length) {
            grow();
        }
        int e = size++;
        keyBytes[e] = key;
        keys[e] = keyObject;
        values[e] = value;
        keyGroups[e] = keyGroup;
        hashes[e] = hash;
        dirty[e] = isDirty;
        if (isDirty) {
            dirtyCount++;
        }
        place(e);
        return e;
    }

    /** Replaces entry {@code e}'s value, which a checkpoint or an eviction must then write. */
    void set(int e, Object value) {
        values[e] = value;
        if (!dirty[e]) {
            dirty[e] = true;
            dirtyCount++;
        }
    }

    boolean isDirty(int e) {
        return dirty[e];
    }

    int dirtyCount() {
        return dirtyCount;
    }

    /** Marks every entry as written to RocksDB. */
    void cleaned() {
        if (dirtyCount > 0) {
            Arrays.fill(dirty, 0, size, false);
            dirtyCount = 0;
        }
        inRocks = true;
    }

    /** Drops every entry (they are in RocksDB, or the slice is gone); the slice keeps its flags. */
    void clear() {
        keyBytes = new byte[8][];
        keys = new Object[8];
        values = new Object[8];
        keyGroups = new int[8];
        hashes = new int[8];
        dirty = new boolean[8];
        table = new int[16];
        size = 0;
        dirtyCount = 0;
    }

    /**
     * The entry numbers in RocksDB's order of the slice's keys: by key group, then by the serialized key's bytes
     * (unsigned, a shorter key before the longer keys it begins). One primitive sort on the key group and the first three
     * bytes at which keys differ, then the few entries those leave tied ordered by their whole keys.
     */
    int[] sorted() {
        int n = size;
        int[] order = new int[n];
        if (n < 2) {
            if (n == 1) {
                order[0] = 0;
            }
            return order;
        }
        int common = commonPrefix(n);
        long[] sortable = new long[n];
        for (int e = 0; e < n; e++) {
            byte[] k = keyBytes[e];
            long prefix = 0;
            for (int p = common; p < common + 3; p++) {
                prefix = prefix << 8 | (p < k.length ? k[p] & 0xFF : 0);
            }
            // The sign bit flipped: a signed sort of the results is the unsigned order of group, prefix and entry.
            sortable[e] = ((long) keyGroups[e] << 48 | prefix << INDEX_BITS | e) ^ Long.MIN_VALUE;
        }
        Arrays.sort(sortable);
        long mask = (1L << INDEX_BITS) - 1;
        for (int i = 0; i < n; i++) {
            order[i] = (int) (sortable[i] & mask);
        }
        // Entries equal in group and prefix bytes lie next to each other; insertion-sort each such run by whole keys.
        for (int i = 1; i < n; i++) {
            if ((sortable[i] & ~mask) != (sortable[i - 1] & ~mask)) {
                continue;
            }
            int e = order[i];
            int j = i - 1;
            while (j >= 0 && (sortable[j] & ~mask) == (sortable[i] & ~mask)
                    && Arrays.compareUnsigned(keyBytes[order[j]], keyBytes[e]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = e;
        }
        return order;
    }

    /** How many leading bytes every key shares with the first. */
    private int commonPrefix(int n) {
        byte[] first = keyBytes[0];
        int common = first.length;
        for (int e = 1; e < n && common > 0; e++) {
            int m = Arrays.mismatch(first, 0, common, keyBytes[e], 0, Math.min(common, keyBytes[e].length));
            if (m >= 0) {
                common = m;
            } else if (keyBytes[e].length < common) {
                common = keyBytes[e].length;
            }
        }
        return common;
    }

    private void place(int e) {
        if (size * 2 > table.length) {
            rehash(table.length * 2);
            return;
        }
        int mask = table.length - 1;
        int i = hashes[e] & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = e + 1;
    }

    private void rehash(int length) {
        table = new int[length];
        int mask = length - 1;
        for (int e = 0; e < size; e++) {
            int i = hashes[e] & mask;
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = e + 1;
        }
    }

    private void grow() {
        int length = keyBytes.length * 2;
        keyBytes = Arrays.copyOf(keyBytes, length);
        keys = Arrays.copyOf(keys, length);
        values = Arrays.copyOf(values, length);
        keyGroups = Arrays.copyOf(keyGroups, length);
        hashes = Arrays.copyOf(hashes, length);
        dirty = Arrays.copyOf(dirty, length);
    }
}
