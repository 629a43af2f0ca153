package dev.weir.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactionStyle;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.StringAppendOperator;
import org.rocksdb.WriteOptions;

/**
 * One working RocksDB database of one operator subtask, in a directory of its own under the configured local
 * directory, with the options every state's column family shares (the append merge operator for list state, the
 * predefined options, the shared block cache). The database is scratch space: checkpoints hold the state, so the
 * write-ahead log is off (as in Flink) and the directory is deleted on {@link #close()}.
 */
final class RocksDBInstance implements AutoCloseable {
    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final SharedRocksDBMemory memory;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnOptions;
    private final StringAppendOperator append;
    private final BloomFilter bloom;
    private final WriteOptions writeOptions;
    private final ReadOptions readOptions;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultColumn;
    private final List<ColumnFamilyHandle> created = new ArrayList<>();
    private boolean closed;

    RocksDBInstance(Path directory, RocksDBSettings settings) throws RocksDBException, IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        this.memory = settings.managedMemory() || settings.fixedPerSlot() > 0 ? SharedRocksDBMemory.acquire(settings.sharedMemoryBytes()) : null;
        this.append = new StringAppendOperator("");
        this.bloom = new BloomFilter(10, false);
        BlockBasedTableConfig table = new BlockBasedTableConfig().setFilterPolicy(bloom);
        if (memory != null) {
            table.setBlockCache(memory.cache()).setCacheIndexAndFilterBlocks(true).setCacheIndexAndFilterBlocksWithHighPriority(true);
        }
        this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL).setStatsDumpPeriodSec(0).setUseFsync(false).setMaxOpenFiles(-1);
        this.columnOptions = new ColumnFamilyOptions().setMergeOperator(append);
        switch (settings.predefined()) {
            case "SPINNING_DISK_OPTIMIZED" -> {
                dbOptions.setIncreaseParallelism(4);
                columnOptions.setCompactionStyle(CompactionStyle.LEVEL).setLevelCompactionDynamicLevelBytes(true);
            }
            case "SPINNING_DISK_OPTIMIZED_HIGH_MEM" -> {
                dbOptions.setIncreaseParallelism(4);
                columnOptions.setCompactionStyle(CompactionStyle.LEVEL).setLevelCompactionDynamicLevelBytes(true)
                        .setTargetFileSizeBase(256L << 20).setMaxBytesForLevelBase(1L << 30).setWriteBufferSize(64L << 20)
                        .setMinWriteBufferNumberToMerge(3).setMaxWriteBufferNumber(4);
                table.setBlockSize(128L << 10);
            }
            case "FLASH_SSD_OPTIMIZED" -> dbOptions.setIncreaseParallelism(4);
            default -> { }
        }
        if (memory != null) {
            dbOptions.setWriteBufferManager(memory.writeBuffers());
        }
        columnOptions.setTableFormatConfig(table);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.readOptions = new ReadOptions();
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        this.db = RocksDB.open(dbOptions, directory.toString(),
                List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions)), handles);
        this.defaultColumn = handles.get(0);
    }

    RocksDB db() {
        return db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    Path directory() {
        return directory;
    }

    ColumnFamilyHandle createColumnFamily(String name) {
        try {
            ColumnFamilyHandle handle = db.createColumnFamily(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), columnOptions));
            created.add(handle);
            return handle;
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not create the column family of state '" + name + "' in "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    void dropColumnFamily(ColumnFamilyHandle handle) {
        try {
            db.dropColumnFamily(handle);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not drop a column family in " + directory + ": " + e.getMessage(), e);
        }
        created.remove(handle);
        handle.close();
    }

    RocksIterator newIterator(ColumnFamilyHandle column) {
        return db.newIterator(column, readOptions);
    }

    /** Closes the database and its options and deletes its directory; a second call does nothing. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (ColumnFamilyHandle handle : created) {
            handle.close();
        }
        defaultColumn.close();
        db.close();
        readOptions.close();
        writeOptions.close();
        columnOptions.close();
        dbOptions.close();
        append.close();
        bloom.close();
        if (memory != null) {
            memory.release();
        }
        deleteRecursively(directory);
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the RocksDB working directory " + dir, e);
        }
    }
}
