package dev.weir.rocksdb;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.VoidNamespace;
import java.util.Arrays;

/**
 * The byte layout of RocksDB keys, and the current key's bytes cached between accesses:
 * {@code [key group: 2 bytes, big-endian][key length: 4][key][namespace length: 4][namespace][map key]}. The key
 * group comes first so that one key group (and a range of them) is one contiguous RocksDB range; the lengths make
 * {@code key + namespace} a prefix no other pair shares, so a map state's entries are one range too.
 * {@link VoidNamespace} is written as zero bytes. Keys are serialized once per {@link #setCurrentKey}, unless
 * {@link RecentKeyBytes} still holds the key's bytes; the namespace's bytes are kept while it stays equal, so a run of
 * accesses to one key and window serializes nothing.
 */
final class StateKeys {
    static final int KEY_GROUP_BYTES = 2;
    private static final byte[] NO_BYTES = new byte[0];

    private final StateSerializer serializer;
    /** Serializing the key was a fifth of workload 11b's CPU (10,000 keys in random order): a key seen lately is not. */
    private final RecentKeyBytes recent = new RecentKeyBytes();
    /** {@code [key group][key length][key]} of the current key. */
    private byte[] keyPrefix;
    private byte[] keyBytes;
    private int currentKeyGroup;
    private Object lastNamespace;
    private byte[] lastNamespaceBytes;
    /** The last {@code keyPrefix + namespace}, valid while neither changed. */
    private byte[] composite;
    private Object currentKey;
    private byte[] compositeKeyPrefix;
    private Object compositeNamespace;

    StateKeys(StateSerializer serializer) {
        this.serializer = serializer;
    }

    void setCurrentKey(Object key, int keyGroup) {
        currentKey = key;
        int slot = RecentKeyBytes.slot(key);
        if (slot >= 0 && recent.holds(slot, key, keyGroup)) {
            keyBytes = recent.bytes(slot);
            keyPrefix = recent.prefix(slot);
        } else {
            keyBytes = serializer.serialize(key);
            keyPrefix = keyPrefix(keyBytes, keyGroup);
            if (slot >= 0) {
                recent.keep(slot, key, keyGroup, keyBytes, keyPrefix);
            }
        }
        currentKeyGroup = keyGroup;
    }

    /** The current key serialized; the same array until the key changes. */
    byte[] currentKeyBytes() {
        return keyBytes;
    }

    /** The current key as the user's function sees it, for error messages. */
    Object currentKey() {
        return currentKey;
    }

    int currentKeyGroup() {
        return currentKeyGroup;
    }

    boolean hasCurrentKey() {
        return keyPrefix != null;
    }

    /** {@code [key group][key length][key][namespace length][namespace]} of the current key in {@code namespace}. */
    byte[] currentKeyAndNamespace(Object namespace) {
        if (composite != null && compositeKeyPrefix == keyPrefix
                && (compositeNamespace == namespace || compositeNamespace.equals(namespace))) {
            return composite;
        }
        composite = compose(keyPrefix, namespaceBytes(namespace));
        compositeKeyPrefix = keyPrefix;
        compositeNamespace = namespace;
        return composite;
    }

    /** The RocksDB key of {@code key} in {@code namespace}, for restores. */
    byte[] keyAndNamespace(Object key, int keyGroup, Object namespace) {
        return compose(keyPrefix(serializer.serialize(key), keyGroup), namespaceBytes(namespace));
    }

    byte[] namespaceBytes(Object namespace) {
        if (namespace instanceof VoidNamespace) {
            return NO_BYTES;
        }
        if (lastNamespace != null && lastNamespace.equals(namespace)) {
            return lastNamespaceBytes;
        }
        lastNamespaceBytes = serializer.serialize(namespace);
        lastNamespace = namespace;
        return lastNamespaceBytes;
    }

    /** {@code prefix} followed by {@code suffix}: a map entry's key from its key-and-namespace prefix. */
    static byte[] concat(byte[] prefix, byte[] suffix) {
        byte[] out = Arrays.copyOf(prefix, prefix.length + suffix.length);
        System.arraycopy(suffix, 0, out, prefix.length, suffix.length);
        return out;
    }

    static byte[] keyGroupPrefix(int keyGroup) {
        return new byte[] {(byte) (keyGroup >>> 8), (byte) keyGroup};
    }

    static int keyGroup(byte[] rocksKey) {
        return ((rocksKey[0] & 0xFF) << 8) | (rocksKey[1] & 0xFF);
    }

    /** The serialized key of a state entry's RocksDB key. */
    static byte[] keyBytes(byte[] rocksKey) {
        int at = KEY_GROUP_BYTES + 4;
        return Arrays.copyOfRange(rocksKey, at, at + readInt(rocksKey, KEY_GROUP_BYTES));
    }

    Object key(byte[] rocksKey) {
        return serializer.deserialize(rocksKey, KEY_GROUP_BYTES + 4, readInt(rocksKey, KEY_GROUP_BYTES));
    }

    Object namespace(byte[] rocksKey) {
        int at = namespaceLengthAt(rocksKey);
        int length = readInt(rocksKey, at);
        return length == 0 ? VoidNamespace.INSTANCE : serializer.deserialize(rocksKey, at + 4, length);
    }

    /** Where a map entry's own key starts: right after the key and namespace. */
    static int userKeyOffset(byte[] rocksKey) {
        int at = namespaceLengthAt(rocksKey);
        return at + 4 + readInt(rocksKey, at);
    }

    /** The smallest byte string greater than every string starting with {@code prefix}: the end of its range. */
    static byte[] successor(byte[] prefix) {
        byte[] out = prefix.clone();
        for (int i = out.length - 1; i >= 0; i--) {
            if (out[i] != (byte) 0xFF) {
                out[i]++;
                return Arrays.copyOf(out, i + 1);
            }
        }
        // Unreachable: a key group's first byte is at most 0x7F.
        throw new IllegalArgumentException("no successor of a prefix of 0xFF bytes");
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int namespaceLengthAt(byte[] rocksKey) {
        return KEY_GROUP_BYTES + 4 + readInt(rocksKey, KEY_GROUP_BYTES);
    }

    private static byte[] keyPrefix(byte[] key, int keyGroup) {
        byte[] out = new byte[KEY_GROUP_BYTES + 4 + key.length];
        out[0] = (byte) (keyGroup >>> 8);
        out[1] = (byte) keyGroup;
        writeInt(out, KEY_GROUP_BYTES, key.length);
        System.arraycopy(key, 0, out, KEY_GROUP_BYTES + 4, key.length);
        return out;
    }

    private static byte[] compose(byte[] keyPrefix, byte[] namespace) {
        byte[] out = Arrays.copyOf(keyPrefix, keyPrefix.length + 4 + namespace.length);
        writeInt(out, keyPrefix.length, namespace.length);
        System.arraycopy(namespace, 0, out, keyPrefix.length + 4, namespace.length);
        return out;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
