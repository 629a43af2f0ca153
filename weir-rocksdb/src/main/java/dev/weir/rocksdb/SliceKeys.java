package dev.weir.rocksdb;

import java.util.Arrays;

/**
 * The byte layout of window slices in RocksDB: {@code [key group: 2 bytes][slice start: 8 bytes][key]}, the slice
 * start big-endian with its sign bit flipped so that byte order is time order. One slice of one key group is then one
 * contiguous range (a window firing reads it sequentially, dropping a slice deletes it as a range), and a key group
 * is one range for snapshots and rescaling, as for every other state ({@link StateKeys}).
 */
final class SliceKeys {
    /** The length of {@code [key group][slice start]}, where the key begins. */
    static final int PREFIX_BYTES = StateKeys.KEY_GROUP_BYTES + 8;

    private SliceKeys() {
    }

    /** {@code [key group][slice]}: the range of one slice in one key group. */
    static byte[] prefix(int keyGroup, long slice) {
        byte[] out = new byte[PREFIX_BYTES];
        writePrefix(out, keyGroup, slice);
        return out;
    }

    /** The RocksDB key of {@code key} (serialized) in {@code slice} of {@code keyGroup}. */
    static byte[] key(int keyGroup, long slice, byte[] key) {
        byte[] out = new byte[PREFIX_BYTES + key.length];
        writePrefix(out, keyGroup, slice);
        System.arraycopy(key, 0, out, PREFIX_BYTES, key.length);
        return out;
    }

    static long slice(byte[] rocksKey) {
        long v = 0;
        for (int i = StateKeys.KEY_GROUP_BYTES; i < PREFIX_BYTES; i++) {
            v = (v << 8) | (rocksKey[i] & 0xFF);
        }
        return v ^ Long.MIN_VALUE;
    }

    /** Whether two RocksDB keys of slices hold the same key (whatever their slices). */
    static boolean sameKey(byte[] a, byte[] b) {
        return Arrays.equals(a, PREFIX_BYTES, a.length, b, PREFIX_BYTES, b.length);
    }

    /** Orders two RocksDB keys of slices by their keys' bytes, as RocksDB orders the keys of one slice. */
    static int compareKeys(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, PREFIX_BYTES, a.length, b, PREFIX_BYTES, b.length);
    }

    static void writePrefix(byte[] out, int keyGroup, long slice) {
        out[0] = (byte) (keyGroup >>> 8);
        out[1] = (byte) keyGroup;
        long v = slice ^ Long.MIN_VALUE;
        for (int i = PREFIX_BYTES - 1; i >= StateKeys.KEY_GROUP_BYTES; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
    }
}
