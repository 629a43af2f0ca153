package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;

/** A write batch built on the heap in RocksDB's layout: RocksDB applies exactly the puts and deletes it was given. */
class HeapWriteBatchTest {
    @TempDir
    Path dir;
    private RocksDBInstance rocks;

    @BeforeEach
    void open() throws Exception {
        rocks = new RocksDBInstance(dir.resolve("db"), RocksDBSettings.from(Map.of()));
    }

    @AfterEach
    void close() {
        rocks.close();
    }

    @Test
    void putsAndDeletesReachTheirColumnFamiliesWithTheirExactBytes() throws Exception {
        ColumnFamilyHandle first = rocks.createColumnFamily("first");
        ColumnFamilyHandle second = rocks.createColumnFamily("second");
        rocks.db().put(second, "gone".getBytes(), "old".getBytes());
        byte[] arena = "..key-a..value-a..".getBytes();
        byte[] large = new byte[300]; // its length takes two varint bytes
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) i;
        }

        HeapWriteBatch batch = new HeapWriteBatch();
        batch.put(first.getID(), arena, 2, 5, arena, 9, 7);
        batch.put(second.getID(), "large".getBytes(), 0, 5, large, 0, large.length);
        batch.put(second.getID(), "empty".getBytes(), 0, 5, new byte[0], 0, 0);
        batch.delete(second.getID(), "gone".getBytes(), 0, 4);
        assertThat(batch.count()).isEqualTo(4);
        assertThat(rocks.db().get(first, "key-a".getBytes())).isNull();
        batch.write(rocks.db(), rocks.writeOptions());

        assertThat(batch.count()).isZero();
        assertThat(rocks.db().get(first, "key-a".getBytes())).isEqualTo("value-a".getBytes());
        assertThat(rocks.db().get(second, "key-a".getBytes())).isNull();
        assertThat(rocks.db().get(second, "large".getBytes())).isEqualTo(large);
        assertThat(rocks.db().get(second, "empty".getBytes())).isEmpty();
        assertThat(rocks.db().get(second, "gone".getBytes())).isNull();
    }

    @Test
    void aBatchPastItsWriteSizeSaysSoAndTheNextBatchStartsEmpty() throws Exception {
        ColumnFamilyHandle column = rocks.createColumnFamily("state");
        HeapWriteBatch batch = new HeapWriteBatch();
        byte[] value = new byte[HeapWriteBatch.WRITE_AT / 2];

        assertThat(batch.put(column.getID(), "a".getBytes(), 0, 1, value, 0, value.length)).isFalse();
        assertThat(batch.put(column.getID(), "b".getBytes(), 0, 1, value, 0, value.length)).isTrue();
        batch.write(rocks.db(), rocks.writeOptions());
        batch.put(column.getID(), "c".getBytes(), 0, 1, "3".getBytes(), 0, 1);
        batch.write(rocks.db(), rocks.writeOptions());

        assertThat(rocks.db().get(column, "a".getBytes())).hasSize(value.length);
        assertThat(rocks.db().get(column, "b".getBytes())).hasSize(value.length);
        assertThat(rocks.db().get(column, "c".getBytes())).isEqualTo("3".getBytes());
    }
}
