package dev.weir.rocksdb;

import dev.weir.api.common.state.State;
import dev.weir.api.common.state.StateDescriptor;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.OwnedKeyedState;
import dev.weir.engine.state.SlicedKeyedState;
import dev.weir.engine.state.SlicedStateBackend;
import dev.weir.engine.state.StateEntryVisitor;
import dev.weir.engine.checkpoint.DeferredKeyGroups;
import dev.weir.engine.checkpoint.FileSnapshottingBackend;
import dev.weir.engine.checkpoint.StreamingSavepointBackend;
import dev.weir.engine.checkpoint.KeyedStateFileSnapshot;
import dev.weir.engine.checkpoint.RestoredStateFiles;
import dev.weir.engine.checkpoint.storage.StateFile;
import dev.weir.engine.state.KeyContext;
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.engine.time.TimerServicesFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Keyed state of one operator subtask in an embedded RocksDB on local disk: one column family per state, keys laid
 * out by {@link StateKeys} (key group first), values serialized with Weir's state serializer. Only the block cache
 * and memtables (bounded by {@link SharedRocksDBMemory}) hold state in memory, so state may be far larger than the
 * heap. Used by the task's thread only.
 *
 * <p>Snapshots visit each key group's range and hand out values in the stored form every backend shares (see
 * {@link CheckpointableKeyedStateBackend}), freshly decoded. Restored entries of a state not created yet are kept
 * in a staging column family in that stored form, and laid out for their kind (a list's elements, a map's entries)
 * when the operator creates the state: the snapshot does not say a state's kind, the descriptor does.
 */
public final class RocksDBKeyedStateBackend implements CheckpointableKeyedStateBackend, FileSnapshottingBackend, StreamingSavepointBackend,
        TimerServicesFactory, SlicedStateBackend {
    private static final String STAGED_PREFIX = "\u0000restored\u0000";
    /** The task thread's CPU time, which a loaded machine distorts far less than wall time, for the snapshot's log line. */
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final int maxParallelism;
    private final KeyGroupRange keyGroupRange;
    private final String operatorName;
    private final LongSupplier processingClock;
    private final StateSerializer serializer;
    private final StateKeys keys;
    private final RocksDBStateAccess access;
    private final StoredFormWriter storedForm;
    private final RocksDBInstance rocks;
    /** Recently used entries of value, reducing and aggregating states, written to RocksDB when evicted or snapshotted. */
    private final WriteBackCache cache;
    /** The stored files the next checkpoint may reference. */
    private final SharedFileTracker sharedFiles;
    /** The operator's timers when they live in this database (the timer service factory ROCKSDB). */
    private final BackendTimers timers;
    /** By state name, in creation or restore order. */
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, OwnedKeyedState> owned = new LinkedHashMap<>();
    /** The slicing window operators' slices, laid out by slice. */
    private final SliceColumns slices;

    private Object currentKey;
    private int currentKeyGroup = -1;
    /** How long the last snapshot's flush of the write-back cache took, for its log line. */
    private long cacheFlushNanos;
    private long cacheFlushCpuNanos;

    RocksDBKeyedStateBackend(int maxParallelism, KeyGroupRange range, String operatorName, LongSupplier processingClock,
                             StateSerializer serializer, RocksDBInstance rocks, boolean incremental, boolean heapTimers,
                             String storedPrefix, long writeBackCache) {
        this.maxParallelism = maxParallelism;
        this.processingClock = processingClock;
        this.keyGroupRange = range;
        this.operatorName = operatorName;
        this.serializer = serializer;
        this.keys = new StateKeys(serializer);
        this.cache = new WriteBackCache(rocks, operatorName, writeBackCache, WriteBackCache.PROCESS_CACHES);
        this.access = new RocksDBStateAccess(rocks, keys, serializer, operatorName, cache);
        this.storedForm = new StoredFormWriter(access, serializer, operatorName);
        this.rocks = rocks;
        this.sharedFiles = new SharedFileTracker(incremental, storedPrefix);
        this.timers = new BackendTimers(this, rocks, operatorName, heapTimers);
        this.slices = new SliceColumns(access, rocks, keys, this, range, serializer, writeBackCache);
    }

    @Override
    public void setCurrentKey(Object key) {
        if (key == currentKey && key != null) {
            return;
        }
        setCurrentKey(key, KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism));
    }

    /** Scopes state to {@code key} of {@code keyGroup}, which the keyed exchange computed already. */
    @Override
    public void setCurrentKey(Object key, int keyGroup) {
        if (key == currentKey && key != null) {
            return;
        }
        keyGroupRange.requireContains(key, keyGroup, maxParallelism);
        keys.setCurrentKey(key, keyGroup);
        currentKey = key;
        currentKeyGroup = keyGroup;
    }

    @Override
    public Object getCurrentKey() {
        return currentKey;
    }

    @Override
    public int getCurrentKeyGroup() {
        return currentKeyGroup;
    }

    @Override
    public int getMaxParallelism() {
        return maxParallelism;
    }

    @Override
    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends State> S getOrCreateState(StateDescriptor<?> descriptor) {
        Objects.requireNonNull(descriptor, "descriptor");
        String name = descriptor.getName();
        Column column = columns.get(name);
        if (column != null && column.state != null) {
            if (column.kind != descriptor.getType()) {
                throw new IllegalStateException("state '" + name + "' is already registered as " + column.kind
                        + " state and cannot also be " + descriptor.getType() + " state (" + descriptor
                        + "): give each state descriptor of an operator its own name");
            }
            return (S) column.state;
        }
        if (owned.containsKey(name) || slices.contains(name)) {
            throw new IllegalStateException("state '" + name + "' is already registered: give each state of an operator its own name");
        }
        if (column == null) {
            column = new Column();
            columns.put(name, column);
        }
        if (column.kind != null && column.kind != descriptor.getType()) {
            throw new IllegalStateException("cannot restore state '" + name + "' of " + operatorName + " as " + descriptor.getType()
                    + " state: the checkpoint holds it as " + column.kind + " state; the job that took the checkpoint used "
                    + "another kind of state descriptor under this name");
        }
        // A column created here, with nothing restored into it, holds no entry RocksDB would have to be asked for.
        boolean restored = column.live != null || column.staged != null;
        if (column.live == null) {
            column.live = rocks.createColumnFamily(name);
        }
        column.kind = descriptor.getType();
        column.cached = new WriteBackCache.Column(column.live, restored);
        column.state = RocksDBStateKinds.create(descriptor, column.cached, access, processingClock);
        if (column.staged != null) {
            moveStagedIntoLayout(name, column);
        }
        if (restored) {
            RestoredValueType.check(descriptor, rocks, column.live, serializer);
        }
        return (S) column.state;
    }

    /** Lays the restored entries of a state just created out for its kind, then drops the staging column family. */
    private void moveStagedIntoLayout(String name, Column column) {
        try (RocksIterator it = rocks.newIterator(column.staged)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                storedForm.write(name, column.kind, column.live, it.key(), serializer.deserialize(it.value()));
            }
        }
        rocks.dropColumnFamily(column.staged);
        column.staged = null;
    }

    @Override
    public void adopt(String stateName, OwnedKeyedState state, StateEntryVisitor restored) throws Exception {
        Objects.requireNonNull(state, "state");
        Column column = columns.get(stateName);
        if ((column != null && column.kind != null) || owned.containsKey(stateName) || slices.contains(stateName)) {
            throw new IllegalStateException("state '" + stateName + "' is already registered: give each state of an operator its own name");
        }
        if (column != null) {
            columns.remove(stateName);
            try (RocksIterator it = rocks.newIterator(column.staged)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    restored.visit(stateName, keys.key(k), keys.namespace(k), serializer.deserialize(it.value()));
                }
            }
            rocks.dropColumnFamily(column.staged);
        }
        owned.put(stateName, state);
    }

    /** The slices of a slicing window operator, here rather than on the heap (restored entries moved into their layout). */
    @Override
    public SlicedKeyedState getSlicedState(String name) {
        Column column = columns.get(name);
        if ((column != null && column.kind != null) || owned.containsKey(name)) {
            throw new IllegalStateException("state '" + name + "' is already registered: give each state of an operator its own name");
        }
        if (column != null) {
            columns.remove(name);
        }
        return slices.state(name, column == null ? null : column.staged, operatorName);
    }

    @Override
    public Stream<Object> getKeys(String stateName, Object namespace) {
        Column column = columns.get(stateName);
        if (column == null) {
            return Stream.empty();
        }
        cache.flush();
        Set<Object> found = new LinkedHashSet<>();
        try (RocksIterator it = rocks.newIterator(column.live != null ? column.live : column.staged)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (keys.namespace(k).equals(namespace)) {
                    found.add(keys.key(k));
                }
            }
        }
        return found.stream();
    }

    @Override
    public List<String> getStateNames() {
        List<String> names = new ArrayList<>(columns.keySet());
        names.addAll(owned.keySet());
        names.addAll(slices.names());
        return names;
    }

    @Override
    public void forEachEntry(int keyGroup, StateEntryVisitor visitor) throws Exception {
        requireOwned(keyGroup, "visit");
        cache.flush();
        byte[] prefix = StateKeys.keyGroupPrefix(keyGroup);
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Column column = e.getValue();
            if (column.kind != null) {
                StoredFormReader.visit(e.getKey(), column.kind, rocks.db(), column.live, prefix, keys, serializer, visitor);
            } else {
                StoredFormReader.visit(e.getKey(), StateDescriptor.Type.VALUE, rocks.db(), column.staged, prefix, keys, serializer, visitor);
            }
        }
        slices.visit(keyGroup, visitor);
    }

    @Override
    public void forEachOwnedEntry(OwnedEntryVisitor visitor) throws Exception {
        for (Map.Entry<String, OwnedKeyedState> e : owned.entrySet()) {
            String name = e.getKey();
            e.getValue().forEachEntry((keyGroup, key, namespace, value) -> visitor.visit(name, keyGroup, key, namespace, value));
        }
    }

    @Override
    public void restoreEntry(String stateName, int keyGroup, Object key, Object namespace, Object storedValue) {
        Objects.requireNonNull(stateName, "stateName");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(storedValue, "storedValue");
        requireOwned(keyGroup, "restore");
        int actual = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (actual != keyGroup) {
            throw new IllegalArgumentException("cannot restore state '" + stateName + "': key '" + key + "' belongs to key group "
                    + actual + " at max parallelism " + maxParallelism + ", but the snapshot filed it under key group " + keyGroup
                    + "; the snapshot is corrupt or was taken with another max parallelism");
        }
        Column column = columns.computeIfAbsent(stateName, n -> new Column());
        byte[] rocksKey = keys.keyAndNamespace(key, keyGroup, namespace);
        if (column.kind != null) {
            // Past the cache, into a state already in use: the cache must not answer for this key any more.
            cache.invalidate();
            if (column.cached != null) {
                column.cached.mayHoldEntries = true;
            }
            storedForm.write(stateName, column.kind, column.live, rocksKey, storedValue);
            return;
        }
        if (column.staged == null) {
            column.staged = rocks.createColumnFamily(STAGED_PREFIX + stateName);
        }
        access.put(column.staged, rocksKey, serializer.serialize(storedValue), stateName);
    }

    /** Values are decoded from RocksDB for each visit: no one else holds them, so snapshots need not copy them. */
    @Override
    public boolean visitsDetachedValues() {
        return true;
    }

    @Override
    public void close() {
        cache.close();
        slices.close();
        timers.close();
        rocks.close();
    }

    private void requireOwned(int keyGroup, String action) {
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("cannot " + action + " key group " + keyGroup + ": this backend owns "
                    + keyGroupRange + " (max parallelism " + maxParallelism + ")");
        }
    }

    // ---- timers (state.backend.rocksdb.timer-service.factory: ROCKSDB) ----

    /** Timers in this database, unless configured on the heap; {@code keys} must be this backend, as the engine passes. */
    @Override
    public CheckpointableTimerServices createTimerServices(KeyContext keys, ProcessingTimeService processingTime) {
        return timers.services(keys, processingTime);
    }

    ColumnFamilyHandle createTimerColumn(String columnName) {
        return rocks.createColumnFamily(columnName);
    }

    TimerColumn timerColumn(String service, ColumnFamilyHandle handle) {
        return new TimerColumn(service, rocks, keys, operatorName, handle);
    }

    /** The current key (set by the timer services' key context, this backend) in {@code namespace}, as RocksDB bytes. */
    byte[] currentTimerKeyAndNamespace(Object namespace) {
        return keys.currentKeyAndNamespace(namespace);
    }

    /** A restored entry's key in {@code namespace} as RocksDB bytes, refusing a key this subtask does not own. */
    byte[] restoredKeyAndNamespace(String what, Object key, Object namespace) {
        int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalArgumentException("cannot restore " + what + " of " + operatorName + ": key '" + key + "' is in key group "
                    + keyGroup + ", outside this subtask's " + keyGroupRange + " (max parallelism " + maxParallelism + ")");
        }
        return keys.keyAndNamespace(key, keyGroup, namespace);
    }

    // ---- snapshots as files (incremental checkpoints) ----

    @Override
    public KeyedStateFileSnapshot snapshotFiles(long checkpointId) {
        // Beside the working directory, not in it: the task may end and delete that before the I/O thread has written
        // the checkpoint, and the hard-linked SST files outlive the database's own.
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        Path local = localCopy("-chk-", checkpointId);
        ColumnCatalog.write(local, columnKinds());
        return sharedFiles.snapshot(local, checkpointId, new SynchronousPart(System.nanoTime() - start,
                THREADS.getCurrentThreadCpuTime() - startCpu, cacheFlushNanos, cacheFlushCpuNanos));
    }

    /**
     * A savepoint reads the keyed state (and timers kept here) key group by key group from a RocksDB checkpoint of
     * the database on the I/O thread, in the canonical format: never the whole state on the heap at once.
     */
    @Override
    public DeferredKeyGroups snapshotForSavepoint(long checkpointId) {
        Path local = localCopy("-savepoint-", checkpointId);
        return new RocksDBSavepointCopy(local, columnKinds(), STAGED_PREFIX, operatorName);
    }

    /**
     * A RocksDB checkpoint (hard links) of the working database beside it, with the timer sequence stored in it. From the
     * first one on, the write-back cache keeps few entries dirty, so later ones have little to write here.
     */
    private Path localCopy(String kind, long checkpointId) {
        Path local = rocks.directory().resolveSibling(rocks.directory().getFileName() + kind + checkpointId);
        RocksDBInstance.deleteRecursively(local);
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        cache.flush();
        slices.flush();
        cache.boundDirtyEntries();
        cacheFlushNanos = System.nanoTime() - start;
        cacheFlushCpuNanos = THREADS.getCurrentThreadCpuTime() - startCpu;
        timers.storeSequence();
        rocks.createCheckpoint(local);
        return local;
    }

    /** Each state's kind by name (null: restored, not created yet, in its staging column family). */
    private Map<String, StateDescriptor.Type> columnKinds() {
        Map<String, StateDescriptor.Type> kinds = new LinkedHashMap<>();
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            Column column = e.getValue();
            if (column.kind != null) {
                kinds.put(e.getKey(), column.kind);
            } else if (column.staged != null) {
                kinds.put(e.getKey(), null);
            }
        }
        return kinds;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        sharedFiles.completed(checkpointId);
    }

    @Override
    public void restoreFiles(List<RestoredStateFiles> oldSubtasks) throws Exception {
        if (!columns.isEmpty() || !owned.isEmpty() || !slices.names().isEmpty()) {
            throw new IllegalStateException("the keyed state files of " + operatorName + " must be restored before any state "
                    + "is created or restored");
        }
        // A restored job checkpoints: its cache keeps few entries dirty from the start, as after a first checkpoint.
        cache.boundDirtyEntries();
        int i = 0;
        for (RestoredStateFiles old : oldSubtasks) {
            Path local = rocks.directory().resolve("restore-" + i++);
            RocksDBInstance.deleteRecursively(local);
            Files.createDirectories(local);
            try {
                Map<String, StateFile> sst = RestoredFiles.materialize(old, local);
                Map<String, StateDescriptor.Type> kinds = ColumnCatalog.read(local);
                Files.delete(local.resolve(ColumnCatalog.FILE_NAME));
                if (oldSubtasks.size() == 1 && old.firstKeyGroup() == keyGroupRange.getStartKeyGroup()
                        && old.endKeyGroup() == keyGroupRange.getEndKeyGroup()) {
                    // The same key groups: the checkpoint's database becomes the working one as it is.
                    Map<String, ColumnFamilyHandle> handles = rocks.replaceWith(local);
                    Map<String, ColumnFamilyHandle> timerColumns = new LinkedHashMap<>();
                    handles.forEach((name, handle) -> {
                        if (TimerColumn.isTimerColumn(name)) {
                            timerColumns.put(TimerColumn.serviceOf(name), handle);
                        }
                    });
                    timers.restored(timerColumns, TimerSequence.read(rocks.db()), true);
                    slices.restored(handles);
                    for (Map.Entry<String, StateDescriptor.Type> e : kinds.entrySet()) {
                        Column column = columnFor(e.getKey(), e.getValue());
                        if (e.getValue() == null) {
                            column.staged = handles.get(STAGED_PREFIX + e.getKey());
                        } else {
                            column.live = handles.get(e.getKey());
                        }
                    }
                    sharedFiles.restored(sst);
                } else {
                    copyOwnedKeyGroups(local, kinds, old);
                }
            } finally {
                RocksDBInstance.deleteRecursively(local);
            }
        }
    }

    /** Restoring at another parallelism: copies the key groups this backend owns out of an old subtask's database. */
    private void copyOwnedKeyGroups(Path local, Map<String, StateDescriptor.Type> kinds, RestoredStateFiles old) throws RocksDBException {
        int first = Math.max(old.firstKeyGroup(), keyGroupRange.getStartKeyGroup());
        int end = Math.min(old.endKeyGroup(), keyGroupRange.getEndKeyGroup());
        Map<String, ColumnFamilyHandle> timerColumns = new LinkedHashMap<>();
        long sequence = RestoredFiles.copyKeyGroups(rocks, local, kinds, first, end, STAGED_PREFIX, (name, kind) -> {
            Column column = columnFor(name, kind);
            if (kind == null) {
                if (column.staged == null) {
                    column.staged = rocks.createColumnFamily(STAGED_PREFIX + name);
                }
                return column.staged;
            }
            if (column.live == null) {
                column.live = rocks.createColumnFamily(name);
            }
            return column.live;
        }, service -> timerColumns.computeIfAbsent(service, timers::columnForCopy), slices::column);
        timers.restored(timerColumns, sequence, false);
    }

    /** The column of state {@code name} restored with {@code kind} (null: staged), refusing two kinds for one name. */
    private Column columnFor(String name, StateDescriptor.Type kind) {
        Column column = columns.computeIfAbsent(name, n -> new Column());
        if (kind != null) {
            if (column.kind != null && column.kind != kind) {
                throw new IllegalStateException("cannot restore state '" + name + "' of " + operatorName + ": the checkpoint's "
                        + "subtasks hold it as " + column.kind + " and as " + kind + " state; the checkpoint is corrupt");
            }
            column.kind = kind;
        }
        return column;
    }

    /** One named state: its column family once created, and the restored entries waiting for its kind. */
    private static final class Column {
        StateDescriptor.Type kind;
        ColumnFamilyHandle live;
        ColumnFamilyHandle staged;
        /** The live column as the write-back cache knows it, once the state is created. */
        WriteBackCache.Column cached;
        Object state;
    }
}
