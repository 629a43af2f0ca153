package dev.weir.rocksdb;

import java.util.Arrays;

/**
 * Puts the write-back cache's dirty entries of one column in about RocksDB's key order (bytewise) before they are
 * written: RocksDB inserts a batch's keys into the memtable's skip list each from where the previous insert ended, so
 * 316,000 keys in order cost a third of the CPU they cost scattered (75-83 against 250-360 ms, branch rc).
 *
 * <p>Cheaply, not exactly: state keys share most of their bytes (the key group's high byte, the key's length, the
 * serializer's header), so the order looks only at the first {@value #PREFIX_BYTES} byte positions, among a key's
 * first {@value #LOOKED_AT}, at which a sample of the keys differ. Those bytes, with the entry's index below them, make one
 * {@code long} per entry, sorted as primitives. Keys equal in those bytes keep their relative order; any order is
 * correct, this one is only faster to apply.
 */
final class FlushOrder {
    /** How many leading key bytes are searched for positions at which keys differ. */
    static final int LOOKED_AT = 32;
    /** How many of those positions the order compares: 40 bits above a 24-bit index. */
    static final int PREFIX_BYTES = 5;
    private static final int INDEX_BITS = 24;
    /** About how many keys are compared to find the positions at which keys differ. */
    private static final int SAMPLED = 1024;

    private long[] sortable = new long[0];
    private int[] copy = new int[0];

    /**
     * Sorts {@code entries[0, n)}, entry numbers whose key lies at {@code arena[fields[e * stride + keyAtField] ..]}
     * for {@code fields[e * stride + keyLengthField]} bytes, in about key order; leaves them as they are past 2^24.
     */
    void sort(int[] entries, int n, int[] fields, int stride, int keyAtField, int keyLengthField, byte[] arena) {
        if (n < 2 || n > 1 << INDEX_BITS) {
            return;
        }
        int firstAt = fields[entries[0] * stride + keyAtField];
        int firstLength = fields[entries[0] * stride + keyLengthField];
        int varying = 0;
        // A sample of the keys finds the positions that vary as well as all of them would, for a fraction of the cost.
        int step = Math.max(1, n / SAMPLED);
        for (int i = step; i < n; i += step) {
            int at = fields[entries[i] * stride + keyAtField];
            int length = fields[entries[i] * stride + keyLengthField];
            int limit = Math.min(LOOKED_AT, Math.max(length, firstLength));
            for (int p = 0; p < limit; p++) {
                if ((varying & (1 << p)) == 0 && byteAt(arena, at, length, p) != byteAt(arena, firstAt, firstLength, p)) {
                    varying |= 1 << p;
                }
            }
        }
        int[] positions = new int[PREFIX_BYTES];
        int count = 0;
        for (int p = 0; p < LOOKED_AT && count < PREFIX_BYTES; p++) {
            if ((varying & (1 << p)) != 0) {
                positions[count++] = p;
            }
        }
        if (count == 0) {
            return;
        }
        if (sortable.length < n) {
            sortable = new long[n];
            copy = new int[n];
        }
        for (int i = 0; i < n; i++) {
            int at = fields[entries[i] * stride + keyAtField];
            int length = fields[entries[i] * stride + keyLengthField];
            long prefix = 0;
            for (int k = 0; k < PREFIX_BYTES; k++) {
                prefix = prefix << 8 | (k < count ? byteAt(arena, at, length, positions[k]) : 0);
            }
            // The sign bit flipped: a signed sort of the results is the unsigned (bytewise) order of the prefixes.
            sortable[i] = (prefix << INDEX_BITS | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(sortable, 0, n);
        System.arraycopy(entries, 0, copy, 0, n);
        for (int i = 0; i < n; i++) {
            entries[i] = copy[(int) (sortable[i] & ((1 << INDEX_BITS) - 1))];
        }
        if (sortable.length > 1 << 16) {
            // Keep no large arrays between flushes.
            sortable = new long[0];
            copy = new int[0];
        }
    }

    private static int byteAt(byte[] arena, int at, int length, int p) {
        return p < length ? arena[at + p] & 0xFF : 0;
    }
}
