package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/** The write-back cache's table: latest write per key and column, its bounds, and what a flush hands RocksDB. */
class WriteBackCacheTest {
    static {
        RocksDB.loadLibrary();
    }

    private static final ColumnFamilyHandle A = null;

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aKeyReadsAsItsLatestWriteAndADeletionAsTheDeletedMarker() {
        WriteBackCache cache = new WriteBackCache(8, 1 << 20);
        assertThat(cache.get(A, bytes("k"))).isNull();
        cache.put(A, bytes("k"), bytes("1"));
        cache.put(A, bytes("k"), bytes("2"));
        assertThat(cache.get(A, bytes("k"))).isEqualTo(bytes("2"));
        assertThat(cache.size()).isEqualTo(1);
        cache.put(A, bytes("k"), WriteBackCache.DELETED);
        assertThat(cache.get(A, bytes("k"))).isSameAs(WriteBackCache.DELETED);
    }

    @Test
    void theCacheIsFullAtItsEntryBoundAndAtItsByteBound() {
        WriteBackCache byEntries = new WriteBackCache(3, 1 << 20);
        assertThat(byEntries.put(A, bytes("a"), bytes("1"))).isFalse();
        assertThat(byEntries.put(A, bytes("b"), bytes("1"))).isFalse();
        assertThat(byEntries.put(A, bytes("b"), bytes("2"))).as("an overwrite takes no new entry").isFalse();
        assertThat(byEntries.put(A, bytes("c"), bytes("1"))).isTrue();

        WriteBackCache byBytes = new WriteBackCache(100, 10);
        assertThat(byBytes.put(A, bytes("a"), bytes("1234"))).isFalse();
        assertThat(byBytes.put(A, bytes("b"), bytes("1234"))).as("2 + 8 bytes").isTrue();
    }

    @Test
    void aFlushWritesEveryLatestWriteOnceAndEmptiesTheCache(@TempDir Path dir) throws Exception {
        WriteBackCache cache = new WriteBackCache(1000, 1 << 20);
        try (Options options = new Options().setCreateIfMissing(true); RocksDB db = RocksDB.open(options, dir.toString());
             WriteBatch batch = new WriteBatch(); WriteOptions write = new WriteOptions()) {
            ColumnFamilyHandle column = db.getDefaultColumnFamily();
            db.put(bytes("key0"), bytes("stored"));
            for (int i = 0; i < 500; i++) {
                cache.put(column, bytes("key" + i), bytes("v" + i));
            }
            for (int i = 0; i < 500; i += 2) {
                cache.put(column, bytes("key" + i), WriteBackCache.DELETED);
            }
            cache.put(column, bytes("key1"), bytes("latest"));
            cache.flushInto(batch);
            assertThat(batch.count()).isEqualTo(500);
            assertThat(cache.isEmpty()).isTrue();
            assertThat(cache.get(column, bytes("key1"))).isNull();
            db.write(write, batch);
            assertThat(db.get(bytes("key0"))).isNull();
            assertThat(db.get(bytes("key1"))).isEqualTo(bytes("latest"));
            assertThat(db.get(bytes("key499"))).isEqualTo(bytes("v499"));
        }
    }
}
