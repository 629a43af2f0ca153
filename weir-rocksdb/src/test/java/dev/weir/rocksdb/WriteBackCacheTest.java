package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.checkpoint.storage.StateSerializer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;

/** The write-back cache in front of RocksDB: what stays in memory, what reaches RocksDB, and when. */
class WriteBackCacheTest {
    /** What one entry of a 4-byte key and a 4-byte value counts against the budget. */
    private static final int ENTRY = 4 + 4 + WriteBackCache.ENTRY_OVERHEAD;

    @TempDir
    Path dir;
    private RocksDBInstance rocks;
    private ColumnFamilyHandle handle;

    @BeforeEach
    void open() throws Exception {
        rocks = new RocksDBInstance(dir.resolve("db"), RocksDBSettings.from(Map.of()));
        handle = rocks.createColumnFamily("state");
    }

    @AfterEach
    void close() {
        rocks.close();
    }

    private WriteBackCache cache(long budget) {
        return new WriteBackCache(rocks, "op", budget, new AtomicInteger());
    }

    private static byte[] bytes(int i) {
        return new byte[] {(byte) (i >>> 24), (byte) (i >>> 16), (byte) (i >>> 8), (byte) i};
    }

    /** Hands out the stored bytes as they are, so a test sees exactly what the cache holds. */
    private static final StateSerializer STORED_BYTES = new StateSerializer() {
        @Override
        public byte[] serialize(Object value) {
            return (byte[]) value;
        }

        @Override
        public Object deserialize(byte[] bytes) {
            return bytes.clone();
        }

        @Override
        public Object deserialize(byte[] bytes, int offset, int length) {
            return Arrays.copyOfRange(bytes, offset, offset + length);
        }

        @Override
        public Object copy(Object value) {
            return ((byte[]) value).clone();
        }
    };

    private static byte[] stored(WriteBackCache cache, WriteBackCache.Column column, byte[] key) {
        return (byte[]) cache.read(column, key, STORED_BYTES, "state");
    }

    private byte[] inRocksDB(int key) throws Exception {
        return rocks.db().get(handle, bytes(key));
    }

    @Test
    void aWriteStaysInTheCacheUntilFlushedThenRocksDBHoldsIt() throws Exception {
        WriteBackCache cache = cache(1 << 20);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, false);
        cache.put(column, bytes(1), bytes(100));
        cache.put(column, bytes(1), bytes(101));

        assertThat(stored(cache, column, bytes(1))).isEqualTo(bytes(101));
        assertThat(inRocksDB(1)).isNull();
        cache.flush();
        assertThat(inRocksDB(1)).isEqualTo(bytes(101));
        assertThat(cache.size()).isEqualTo(1);
        assertThat(column.mayHoldEntries).isTrue();
    }

    @Test
    void onceCheckpointedTheCacheWritesItsDirtyEntriesBackWhenTheyPassTheLimitAndKeepsThemCached() throws Exception {
        WriteBackCache cache = cache(64L << 20);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, false);
        int limit = WriteBackCache.DIRTY_LIMIT;
        for (int key = 0; key <= limit; key++) {
            cache.put(column, bytes(key), bytes(key + 1));
        }
        assertThat(inRocksDB(0)).as("never checkpointed: no dirty limit").isNull();
        cache.flush();
        cache.boundDirtyEntries();

        for (int key = 0; key < limit; key++) {
            cache.put(column, bytes(key), bytes(key + 2));
        }
        assertThat(inRocksDB(limit - 1)).as("at the limit, still dirty").isEqualTo(bytes(limit));
        cache.put(column, bytes(limit), bytes(limit + 2));
        for (int key = 0; key <= limit; key++) {
            assertThat(inRocksDB(key)).as("key %d", key).isEqualTo(bytes(key + 2));
            assertThat(stored(cache, column, bytes(key))).isEqualTo(bytes(key + 2));
        }
        assertThat(cache.size()).as("written back, not evicted").isEqualTo(limit + 1);
    }

    @Test
    void pastItsBudgetTheCacheWritesItsLeastRecentlyUsedEntriesToRocksDBAndKeepsTheRest() throws Exception {
        WriteBackCache cache = cache(10 * ENTRY);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, false);
        for (int k = 0; k < 10; k++) {
            cache.put(column, bytes(k), bytes(100 + k));
        }
        assertThat(stored(cache, column, bytes(0))).isEqualTo(bytes(100));
        for (int k = 0; k < 10; k++) {
            assertThat(inRocksDB(k)).isNull();
        }

        // The eleventh entry passes the budget: the two least recently used (1 and 2; 0 was just read) go, down to 90%.
        cache.put(column, bytes(10), bytes(110));

        assertThat(cache.size()).isEqualTo(9);
        assertThat(inRocksDB(1)).isEqualTo(bytes(101));
        assertThat(inRocksDB(2)).isEqualTo(bytes(102));
        assertThat(inRocksDB(0)).isNull();
        assertThat(inRocksDB(3)).isNull();
        for (int k = 0; k <= 10; k++) {
            assertThat(stored(cache, column, bytes(k))).isEqualTo(bytes(100 + k));
        }
    }

    @Test
    void aDeleteOfAnEntryRocksDBHoldsReachesRocksDBWhenFlushed() throws Exception {
        rocks.db().put(handle, bytes(7), bytes(70));
        WriteBackCache cache = cache(1 << 20);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, true);
        assertThat(stored(cache, column, bytes(7))).isEqualTo(bytes(70));

        cache.put(column, bytes(7), null);

        assertThat(stored(cache, column, bytes(7))).isNull();
        assertThat(inRocksDB(7)).isEqualTo(bytes(70));
        cache.flush();
        assertThat(inRocksDB(7)).isNull();
    }

    @Test
    void aMissIsReadFromRocksDBOnlyInAColumnRocksDBMayHoldEntriesOf() throws Exception {
        rocks.db().put(handle, bytes(5), bytes(50));
        WriteBackCache cache = cache(1 << 20);

        assertThat(stored(cache, new WriteBackCache.Column(handle, false), bytes(5))).isNull();
        assertThat(stored(cache, new WriteBackCache.Column(handle, true), bytes(5))).isEqualTo(bytes(50));
    }

    @Test
    void cachesSplitTheirBudgetEvenlyWhileOpen() {
        AtomicInteger sharers = new AtomicInteger();
        WriteBackCache first = new WriteBackCache(rocks, "op", 1000, sharers);
        WriteBackCache second = new WriteBackCache(rocks, "op", 1000, sharers);
        assertThat(first.capacity()).isEqualTo(500);
        second.close();
        second.close();
        assertThat(first.capacity()).isEqualTo(1000);
    }

    @Test
    void withNoBudgetEveryWriteGoesStraightToRocksDB() throws Exception {
        WriteBackCache cache = cache(0);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, false);
        cache.put(column, bytes(3), bytes(30));

        assertThat(inRocksDB(3)).isEqualTo(bytes(30));
        assertThat(cache.size()).isZero();
        assertThat(stored(cache, column, bytes(3))).isEqualTo(bytes(30));
    }

    @Test
    void invalidatingWritesTheDirtyEntriesAndForgetsThemAll() throws Exception {
        WriteBackCache cache = cache(1 << 20);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, false);
        cache.put(column, bytes(1), bytes(10));
        cache.invalidate();

        assertThat(cache.size()).isZero();
        assertThat(inRocksDB(1)).isEqualTo(bytes(10));
        rocks.db().put(handle, bytes(1), bytes(11));
        assertThat(stored(cache, column, bytes(1))).isEqualTo(bytes(11));
    }

    @Test
    void aValueThatGrowsOrShrinksIsReadBackExactlyAndItsNeighboursStayIntact() throws Exception {
        WriteBackCache cache = cache(1 << 20);
        WriteBackCache.Column column = new WriteBackCache.Column(handle, false);
        for (int round = 1; round <= 40; round++) {
            for (int k = 0; k < 100; k++) {
                cache.put(column, bytes(k), value(k, (k + round) % 7 * round));
            }
        }
        for (int k = 0; k < 100; k++) {
            assertThat(stored(cache, column, bytes(k))).isEqualTo(value(k, (k + 40) % 7 * 40));
        }
        cache.flush();
        for (int k = 0; k < 100; k++) {
            assertThat(inRocksDB(k)).isEqualTo(value(k, (k + 40) % 7 * 40));
        }
    }

    @Test
    void underEvictionEveryReadSeesTheLastWriteAndAFlushLeavesRocksDBHoldingExactlyThem() throws Exception {
        // A small budget: entries are evicted, their slots freed and the arena compacted all along.
        WriteBackCache cache = cache(300 * (ENTRY + 16));
        WriteBackCache.Column first = new WriteBackCache.Column(handle, false);
        WriteBackCache.Column second = new WriteBackCache.Column(rocks.createColumnFamily("other"), false);
        Map<Integer, byte[]> expectedFirst = new HashMap<>();
        Map<Integer, byte[]> expectedSecond = new HashMap<>();
        Random random = new Random(19);
        for (int i = 0; i < 60_000; i++) {
            int k = random.nextInt(2_000);
            boolean inFirst = random.nextBoolean();
            WriteBackCache.Column column = inFirst ? first : second;
            Map<Integer, byte[]> expected = inFirst ? expectedFirst : expectedSecond;
            int action = random.nextInt(10);
            if (action < 5) {
                assertThat(stored(cache, column, bytes(k))).isEqualTo(expected.get(k));
            } else if (action < 9) {
                byte[] value = value(k, random.nextInt(40));
                cache.put(column, bytes(k), value);
                expected.put(k, value);
            } else {
                cache.put(column, bytes(k), null);
                expected.remove(k);
            }
        }
        cache.flush();
        for (int k = 0; k < 2_000; k++) {
            assertThat(inRocksDB(k)).isEqualTo(expectedFirst.get(k));
            assertThat(rocks.db().get(second.handle, bytes(k))).isEqualTo(expectedSecond.get(k));
        }
    }

    /** {@code length} bytes counting up from {@code k}. */
    private static byte[] value(int k, int length) {
        byte[] value = new byte[length];
        for (int i = 0; i < length; i++) {
            value[i] = (byte) (k + i);
        }
        return value;
    }
}
