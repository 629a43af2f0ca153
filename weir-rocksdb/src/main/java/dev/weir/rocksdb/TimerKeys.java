package dev.weir.rocksdb;

/**
 * The byte layout of timers in a timer service's column family. Each timer is two entries, both starting with its
 * key group so a key-group range is one RocksDB range (rescaling copies it like state):
 * <ul>
 *   <li>an order entry {@code [key group: 2][domain: 1][timestamp: 8][sequence: 8]} whose value is the timer's
 *       {@code [key group][key length][key][namespace length][namespace]} ({@link StateKeys}): iterating a key group's
 *       domain visits its timers in firing order, by timestamp and then registration sequence, as the heap fires;</li>
 *   <li>an index entry {@code [domain + 2][key length][key][namespace length][namespace][timestamp]} after the key
 *       group, whose value is the sequence: it finds a timer by key, namespace and timestamp, to refuse a duplicate
 *       and to delete.</li>
 * </ul>
 * Numbers are big-endian with the timestamp's sign bit flipped, so unsigned byte order is numeric order.
 */
final class TimerKeys {
    static final byte EVENT_TIME = 0;
    static final byte PROCESSING_TIME = 1;
    private static final int INDEX = 2;
    private static final int GROUP = StateKeys.KEY_GROUP_BYTES;
    static final int ORDER_KEY_BYTES = GROUP + 1 + 8 + 8;

    private TimerKeys() {
    }

    static byte[] orderKey(int keyGroup, byte domain, long timestamp, long sequence) {
        byte[] out = new byte[ORDER_KEY_BYTES];
        out[0] = (byte) (keyGroup >>> 8);
        out[1] = (byte) keyGroup;
        out[GROUP] = domain;
        writeLong(out, GROUP + 1, timestamp ^ Long.MIN_VALUE);
        writeLong(out, GROUP + 9, sequence);
        return out;
    }

    /** The index key of a timer whose key and namespace are {@code keyAndNamespace} (key group first, as StateKeys lays it). */
    static byte[] indexKey(byte[] keyAndNamespace, byte domain, long timestamp) {
        byte[] out = new byte[keyAndNamespace.length + 1 + 8];
        out[0] = keyAndNamespace[0];
        out[1] = keyAndNamespace[1];
        out[GROUP] = (byte) (domain + INDEX);
        System.arraycopy(keyAndNamespace, GROUP, out, GROUP + 1, keyAndNamespace.length - GROUP);
        writeLong(out, out.length - 8, timestamp ^ Long.MIN_VALUE);
        return out;
    }

    /** The first key of a key group's order entries in {@code domain}. */
    static byte[] orderStart(int keyGroup, byte domain) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup, domain};
    }

    /** Whether {@code rocksKey} is an order entry of {@code keyGroup} in {@code domain}. */
    static boolean isOrderEntry(byte[] rocksKey, int keyGroup, byte domain) {
        return rocksKey.length == ORDER_KEY_BYTES && StateKeys.keyGroup(rocksKey) == keyGroup && rocksKey[GROUP] == domain;
    }

    /** Whether {@code rocksKey} is an order entry (of any key group and domain), not an index entry. */
    static boolean isOrderEntry(byte[] rocksKey) {
        return rocksKey.length == ORDER_KEY_BYTES && rocksKey[GROUP] < INDEX;
    }

    static byte domain(byte[] orderKey) {
        return orderKey[GROUP];
    }

    static long timestamp(byte[] orderKey) {
        return readLong(orderKey, GROUP + 1) ^ Long.MIN_VALUE;
    }

    static long sequence(byte[] orderKey) {
        return readLong(orderKey, GROUP + 9);
    }

    static byte[] sequenceBytes(long sequence) {
        byte[] out = new byte[8];
        writeLong(out, 0, sequence);
        return out;
    }

    static long readLong(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }

    private static void writeLong(byte[] b, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            b[at + i] = (byte) v;
            v >>>= 8;
        }
    }
}
