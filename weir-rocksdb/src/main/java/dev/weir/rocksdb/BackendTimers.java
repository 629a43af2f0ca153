package dev.weir.rocksdb;

import dev.weir.engine.state.KeyContext;
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.ProcessingTimeService;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * What a RocksDB backend knows of its operator's timers: whether they live in its database
 * ({@code state.backend.rocksdb.timer-service.factory}), the timer services once the engine asked for them, and the
 * timer column families a restore brought before it did. Used by the task's thread only.
 */
final class BackendTimers {
    private final RocksDBKeyedStateBackend backend;
    private final RocksDBInstance rocks;
    private final String operatorName;
    /** {@code HEAP}: the engine keeps the operator's timers on the heap and this backend holds none. */
    private final boolean onHeap;
    private RocksDBTimerServices services;
    /** Timer columns restored before the engine asked for the timer services, handed over when it does. */
    private Map<String, ColumnFamilyHandle> restoredColumns;
    private long restoredSequence;
    /** The timer columns a restore at another parallelism created before the timer services existed (or with HEAP). */
    private final Map<String, ColumnFamilyHandle> copiedColumns = new HashMap<>();
    /**
     * The sequence the database holds since the last store (-1: none stored by this backend). Storing it again unchanged
     * would put a write in the memtable of the default column family, and so a new SST file in every checkpoint.
     */
    private long storedSequence = -1;

    BackendTimers(RocksDBKeyedStateBackend backend, RocksDBInstance rocks, String operatorName, boolean onHeap) {
        this.backend = backend;
        this.rocks = rocks;
        this.operatorName = operatorName;
        this.onHeap = onHeap;
    }

    /** The timer services in RocksDB, created once; null with HEAP timers. {@code keys} must be the backend. */
    CheckpointableTimerServices services(KeyContext keys, ProcessingTimeService processingTime) {
        if (onHeap) {
            return null;
        }
        if (keys != backend) {
            throw new IllegalArgumentException("RocksDB timers of " + operatorName + " take their keys from the backend itself, "
                    + "not from " + keys);
        }
        if (services == null) {
            services = new RocksDBTimerServices(backend, backend, processingTime);
            if (restoredColumns != null) {
                services.restored(restoredColumns, restoredSequence, false);
                restoredColumns = null;
            }
        }
        return services;
    }

    /** The backend closes: releases what the timer services hold natively. */
    void close() {
        if (services != null) {
            services.close();
        }
    }

    /** Before a copy of the database is taken: the next registration sequence goes into it. */
    void storeSequence() {
        if (services == null) {
            return;
        }
        long next = services.nextSequenceToStore();
        if (next == storedSequence) {
            return;
        }
        try {
            TimerSequence.write(rocks.db(), rocks.writeOptions(), next);
            storedSequence = next;
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not store the timer sequence of " + operatorName + " in "
                    + rocks.directory() + ": " + e.getMessage(), e);
        }
    }

    /** The column family a restore at another parallelism copies a timer service's key groups into, created once. */
    ColumnFamilyHandle columnForCopy(String service) {
        ColumnFamilyHandle existing = services != null ? services.columnOf(service) : copiedColumns.get(service);
        if (existing != null) {
            return existing;
        }
        ColumnFamilyHandle created = rocks.createColumnFamily(TimerColumn.columnName(service));
        copiedColumns.put(service, created);
        return created;
    }

    /**
     * After a restore: the timer columns it brought (by service name), the sequence to go on from, and whether it
     * replaced the database; refused when this job keeps its timers on the heap and the checkpoint holds some.
     */
    void restored(Map<String, ColumnFamilyHandle> columns, long sequence, boolean databaseReplaced) {
        storedSequence = -1;
        if (onHeap) {
            for (ColumnFamilyHandle column : columns.values()) {
                try (RocksIterator it = rocks.newIterator(column)) {
                    it.seekToFirst();
                    if (it.isValid()) {
                        throw new IllegalStateException("cannot restore the timers of " + operatorName + ": the checkpoint holds "
                                + "them in RocksDB (" + RocksDBSettings.TIMER_SERVICE + ": ROCKSDB) and this job keeps timers on "
                                + "the heap (HEAP). Restore with ROCKSDB, or switch through a savepoint (savepoints hold timers "
                                + "in the format both restore)");
                    }
                }
            }
            return;
        }
        if (services == null) {
            if (restoredColumns == null) {
                restoredColumns = new LinkedHashMap<>();
            }
            restoredColumns.putAll(columns);
            restoredSequence = Math.max(restoredSequence, sequence);
            return;
        }
        services.restored(columns, sequence, databaseReplaced);
    }
}
