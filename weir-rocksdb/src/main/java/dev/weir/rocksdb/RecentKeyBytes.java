package dev.weir.rocksdb;

/**
 * The serialized forms of recently used keys, so that an element whose key came before is not serialized again: a
 * direct-mapped table of {@value #SLOTS} slots by the key's hash, a new key replacing the one in its slot. Only keys of
 * immutable types whose equal values always serialize to equal bytes are kept ({@code String}, {@code Long},
 * {@code Integer}); any other key misses. A hit hands out the arrays of the first serialization, the same array for
 * the same key, so callers may compare them by identity; nobody may change them. Used by the task's thread only.
 */
final class RecentKeyBytes {
    static final int SLOTS = 1 << 14;
    private static final int MASK = SLOTS - 1;

    private final Object[] keys = new Object[SLOTS];
    private final byte[][] bytes = new byte[SLOTS][];
    private final byte[][] prefixes = new byte[SLOTS][];
    private final int[] keyGroups = new int[SLOTS];

    /** {@code key}'s slot, or -1 when keys of its type are never kept. */
    static int slot(Object key) {
        Class<?> type = key.getClass();
        if (type != String.class && type != Long.class && type != Integer.class) {
            return -1;
        }
        int h = key.hashCode();
        return (h ^ (h >>> 16) ^ (h >>> 7)) & MASK;
    }

    /** Whether slot {@code slot} holds {@code key} of {@code keyGroup}. */
    boolean holds(int slot, Object key, int keyGroup) {
        Object kept = keys[slot];
        return kept != null && keyGroups[slot] == keyGroup && kept.equals(key);
    }

    byte[] bytes(int slot) {
        return bytes[slot];
    }

    byte[] prefix(int slot) {
        return prefixes[slot];
    }

    void keep(int slot, Object key, int keyGroup, byte[] keyBytes, byte[] keyPrefix) {
        keys[slot] = key;
        keyGroups[slot] = keyGroup;
        bytes[slot] = keyBytes;
        prefixes[slot] = keyPrefix;
    }
}
