package dev.weir.rocksdb;

import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * A RocksDB write batch assembled on the heap in RocksDB's own serialized layout (the bytes {@link WriteBatch#data()}
 * returns) and handed to RocksDB in one call: adding an entry copies its bytes from wherever they lie, where
 * {@link WriteBatch#put} is a native call per entry and wants each key and value as an array of its own. The write
 * back cache writes its dirty entries this way.
 *
 * <p>The layout (RocksDB's {@code db/write_batch.cc}): a 12-byte header (sequence number, fixed 64-bit, and entry
 * count, fixed 32-bit, both little-endian), then per entry a tag byte, the column family's id as a varint (not for the
 * default column family) and the key and value, each a varint length and the bytes. RocksDB checks the layout when it
 * applies the batch and refuses a malformed one.
 */
final class HeapWriteBatch {
    /** Past this many bytes {@link #put} and {@link #delete} ask the caller to write, so the buffer stays bounded. */
    static final int WRITE_AT = 4 << 20;
    private static final int HEADER = 12;
    private static final byte DELETE = 0x0;
    private static final byte PUT = 0x1;
    private static final byte COLUMN_FAMILY_DELETE = 0x4;
    private static final byte COLUMN_FAMILY_PUT = 0x5;
    /** A larger buffer is dropped after a write rather than kept for the next batch. */
    private static final int KEPT_BUFFER = 1 << 16;

    private byte[] buffer = new byte[1 << 12];
    private int size = HEADER;
    private int count;

    /**
     * Adds a put of {@code key[keyAt ..]} to {@code value[valueAt ..]} in the column family of id {@code columnFamily}
     * ({@link ColumnFamilyHandle#getID()}, a native call the caller makes once); returns whether the batch is due to be
     * written.
     */
    boolean put(int columnFamily, byte[] key, int keyAt, int keyLength, byte[] value, int valueAt, int valueLength) {
        room(1 + 5 + 5 + keyLength + 5 + valueLength);
        tag(columnFamily, PUT, COLUMN_FAMILY_PUT);
        slice(key, keyAt, keyLength);
        slice(value, valueAt, valueLength);
        count++;
        return size >= WRITE_AT;
    }

    /** Adds a delete of {@code key[keyAt ..]} in column family {@code columnFamily}; returns whether the batch is due. */
    boolean delete(int columnFamily, byte[] key, int keyAt, int keyLength) {
        room(1 + 5 + 5 + keyLength);
        tag(columnFamily, DELETE, COLUMN_FAMILY_DELETE);
        slice(key, keyAt, keyLength);
        count++;
        return size >= WRITE_AT;
    }

    int count() {
        return count;
    }

    /** Applies the entries added since the last write to {@code db} in one batch, and starts an empty one. */
    void write(RocksDB db, WriteOptions options) throws RocksDBException {
        if (count == 0) {
            return;
        }
        Arrays.fill(buffer, 0, 8, (byte) 0);
        buffer[8] = (byte) count;
        buffer[9] = (byte) (count >>> 8);
        buffer[10] = (byte) (count >>> 16);
        buffer[11] = (byte) (count >>> 24);
        byte[] image = Arrays.copyOf(buffer, size);
        size = HEADER;
        count = 0;
        if (buffer.length > KEPT_BUFFER) {
            buffer = new byte[KEPT_BUFFER];
        }
        try (WriteBatch batch = new WriteBatch(image)) {
            db.write(options, batch);
        }
    }

    private void tag(int columnFamilyId, byte defaultTag, byte columnFamilyTag) {
        if (columnFamilyId == 0) {
            buffer[size++] = defaultTag;
        } else {
            buffer[size++] = columnFamilyTag;
            varint(columnFamilyId);
        }
    }

    private void slice(byte[] bytes, int at, int length) {
        varint(length);
        System.arraycopy(bytes, at, buffer, size, length);
        size += length;
    }

    private void varint(int value) {
        while ((value & ~0x7F) != 0) {
            buffer[size++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        buffer[size++] = (byte) value;
    }

    private void room(int bytes) {
        if (buffer.length - size < bytes) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }
}
