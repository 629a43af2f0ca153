package dev.weir.rocksdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactionStyle;
import org.rocksdb.Checkpoint;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.IndexType;
import org.rocksdb.Options;
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
    /** Merges the runs a loading burst left at the checkpoint after it (incremental checkpoints only, else null). */
    private final LoadingBurstCompaction burstCompaction;
    private RocksDB db;
    private ColumnFamilyHandle defaultColumn;
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
            // As Flink with managed memory: index and filter blocks charged to the shared cache, level 0's pinned there.
            table.setBlockCache(memory.cache()).setCacheIndexAndFilterBlocks(true).setCacheIndexAndFilterBlocksWithHighPriority(true)
                    .setPinL0FilterAndIndexBlocksInCache(true);
            if (settings.partitionedIndexFilters()) {
                // As Flink's partitioned-index-filters: a lookup loads one small partition of the index and of the filter
                // (the top level pinned) rather than an SST file's whole index and filter, which evict each other once
                // they outgrow the cache's high-priority share.
                table.setIndexType(IndexType.kTwoLevelIndexSearch).setPartitionFilters(true).setMetadataBlockSize(4096)
                        .setPinTopLevelIndexAndFilter(true);
            }
        }
        this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setInfoLogLevel(InfoLogLevel.HEADER_LEVEL).setStatsDumpPeriodSec(0).setUseFsync(false).setMaxOpenFiles(-1);
        this.columnOptions = new ColumnFamilyOptions().setMergeOperator(append);
        if (settings.incremental()) {
            // Universal compaction unless a predefined option says otherwise: a small change flushes into a small sorted
            // run, which merges with the runs of other small changes and rewrites the large run of the whole state only
            // once the changes add up to a large share of it. Levelled compaction (RocksDB's default) with uniformly
            // spread keys rewrites the whole last level whenever level 0 reaches its trigger, so every few incremental
            // checkpoints uploaded the whole state again (docs/state-backends.md, "Incremental checkpoints and
            // compaction"). A full checkpoint copies every file anyway, and levelled compaction keeps fewer of them.
            // RocksDB opens a database written with either style under the other, so a restore may switch.
            columnOptions.setCompactionStyle(CompactionStyle.UNIVERSAL);
        }
        boolean universal = settings.incremental() && !settings.predefined().startsWith("SPINNING_DISK_OPTIMIZED");
        this.burstCompaction = universal ? new LoadingBurstCompaction() : null;
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
        this.db = RocksDB.open(dbOptions, databaseDirectory().toString(),
                List.of(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, columnOptions)), handles);
        this.defaultColumn = handles.get(0);
    }

    /** Where the working database lives, inside {@link #directory()} beside the local checkpoints. */
    private Path databaseDirectory() {
        return directory.resolve("db");
    }

    /**
     * A RocksDB checkpoint of the working database in {@code target} (which must not exist): memtables flushed, then
     * the live SST files hard-linked and the MANIFEST copied, a consistent point-in-time copy the database never
     * changes again.
     */
    void createCheckpoint(Path target) {
        try (FlushOptions flush = new FlushOptions().setWaitForFlush(true); Checkpoint checkpoint = Checkpoint.create(db)) {
            List<ColumnFamilyHandle> all = new ArrayList<>(created);
            all.add(defaultColumn);
            db.flush(flush, all);
            if (burstCompaction != null) {
                for (ColumnFamilyHandle column : all) {
                    burstCompaction.afterFlush(db, column);
                }
            }
            checkpoint.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not create a checkpoint of " + databaseDirectory() + " in " + target
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the (still empty) working database by the one in {@code restored}, which is moved into place; returns
     * its column families by name (the default one left out). Handles taken before are invalid afterwards.
     */
    Map<String, ColumnFamilyHandle> replaceWith(Path restored) throws RocksDBException, IOException {
        for (ColumnFamilyHandle handle : created) {
            handle.close();
        }
        created.clear();
        defaultColumn.close();
        db.close();
        deleteRecursively(databaseDirectory());
        Files.move(restored, databaseDirectory());
        List<ColumnFamilyDescriptor> descriptors = descriptors(databaseDirectory());
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        db = RocksDB.open(dbOptions, databaseDirectory().toString(), descriptors, handles);
        if (burstCompaction != null) {
            // The restored files are stored already: merging them would upload the whole state again.
            burstCompaction.forgetAll();
            for (ColumnFamilyHandle handle : handles) {
                burstCompaction.mergedAsItIs(db, handle);
            }
        }
        return byName(descriptors, handles, h -> defaultColumn = h, created);
    }

    /** Opens the database in {@code dir} read-only, with this instance's options (the merge operator lists need). */
    ReadOnlyDatabase openReadOnly(Path dir) throws RocksDBException {
        List<ColumnFamilyDescriptor> descriptors = descriptors(dir);
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        RocksDB readOnly = RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handles);
        List<ColumnFamilyHandle> all = new ArrayList<>();
        Map<String, ColumnFamilyHandle> columns = byName(descriptors, handles, h -> { }, all);
        return new ReadOnlyDatabase(readOnly, columns, handles);
    }

    private List<ColumnFamilyDescriptor> descriptors(Path dir) throws RocksDBException {
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, dir.toString());
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (byte[] name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
        }
        return descriptors;
    }

    private static Map<String, ColumnFamilyHandle> byName(List<ColumnFamilyDescriptor> descriptors, List<ColumnFamilyHandle> handles,
                                                          java.util.function.Consumer<ColumnFamilyHandle> onDefault,
                                                          List<ColumnFamilyHandle> others) {
        Map<String, ColumnFamilyHandle> columns = new LinkedHashMap<>();
        for (int i = 0; i < descriptors.size(); i++) {
            String name = new String(descriptors.get(i).getName(), StandardCharsets.UTF_8);
            if (java.util.Arrays.equals(descriptors.get(i).getName(), RocksDB.DEFAULT_COLUMN_FAMILY)) {
                onDefault.accept(handles.get(i));
            } else {
                columns.put(name, handles.get(i));
                others.add(handles.get(i));
            }
        }
        return columns;
    }

    /** A database opened read-only to copy key groups out of (a restore at another parallelism). */
    record ReadOnlyDatabase(RocksDB db, Map<String, ColumnFamilyHandle> columns, List<ColumnFamilyHandle> handles)
            implements AutoCloseable {
        @Override
        public void close() {
            for (ColumnFamilyHandle handle : handles) {
                handle.close();
            }
            db.close();
        }
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
        if (burstCompaction != null) {
            burstCompaction.forget(handle);
        }
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

    /** Deletes {@code dir} and what it holds; files that vanish meanwhile (deleted by another thread) are fine. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attrs)
                        throws IOException {
                    Files.deleteIfExists(file);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (java.nio.file.NoSuchFileException e) {
            // Deleted meanwhile: the goal is reached.
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the RocksDB working directory " + dir, e);
        }
    }
}
