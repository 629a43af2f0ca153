package dev.weir.rocksdb;

import dev.weir.engine.state.KeyContext;
import dev.weir.engine.state.KeyGroupRange;
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.engine.time.TimerVisitor;
import dev.weir.engine.time.Triggerable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * The timer services of one keyed operator subtask with their timers in its RocksDB database
 * ({@code state.backend.rocksdb.timer-service.factory: ROCKSDB}, Flink's default for this backend): one column family
 * per named service ({@link TimerKeys}), so checkpoints copy timers with the state's files, rescaling splits them by
 * key group, and a subtask may hold more timers than its heap. They fire as the heap's do: by timestamp, then in
 * registration order across all services, one registration sequence for all. Used by the task's thread only.
 */
final class RocksDBTimerServices implements CheckpointableTimerServices {
    private final KeyContext keyContext;
    private final RocksDBKeyedStateBackend backend;
    private final ProcessingTimeService processingTimeService;
    private final KeyGroupRange range;
    /** The timers of every service, by name, also those restored whose service no operator asked for yet. */
    private final Map<String, ServiceTimers> timers = new LinkedHashMap<>();
    /** The services operators asked for, which fire. */
    private final ArrayList<RocksDBInternalTimerService<?>> services = new ArrayList<>();
    private long currentWatermark = Long.MIN_VALUE;
    private long nextSequence;

    /** One service's column family and queues, and the service once an operator asked for it. */
    private static final class ServiceTimers {
        final TimerColumn column;
        final RocksDBTimerQueue event;
        final RocksDBTimerQueue processing;
        RocksDBInternalTimerService<?> service;

        ServiceTimers(TimerColumn column, RocksDBTimerQueue event, RocksDBTimerQueue processing) {
            this.column = column;
            this.event = event;
            this.processing = processing;
        }
    }

    RocksDBTimerServices(KeyContext keyContext, RocksDBKeyedStateBackend backend, ProcessingTimeService processingTimeService) {
        this.keyContext = Objects.requireNonNull(keyContext, "keyContext");
        this.backend = backend;
        this.processingTimeService = Objects.requireNonNull(processingTimeService, "processingTimeService");
        this.range = backend.getKeyGroupRange();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N> InternalTimerService<N> getTimerService(String name, Triggerable<N> target) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        ServiceTimers stored = timersOf(name, null, true);
        RocksDBInternalTimerService<?> existing = stored.service;
        if (existing != null) {
            if (existing.target() != target) {
                throw new IllegalStateException("timer service '" + name + "' already fires into " + existing.target()
                        + " and cannot also fire into " + target + ": use another timer service name for another target");
            }
            return (InternalTimerService<N>) existing;
        }
        RocksDBInternalTimerService<N> service = new RocksDBInternalTimerService<>(name, target, this, processingTimeService,
                stored.event, stored.processing);
        stored.service = service;
        services.add(service);
        service.scheduleEarliestProcessingTimer();
        return service;
    }

    /** Event-time timers at or before the watermark fire, earliest first across all services; the watermark never goes back. */
    @Override
    public void advanceWatermark(long watermark) throws Exception {
        if (watermark > currentWatermark) {
            currentWatermark = watermark;
        }
        ArrayList<RocksDBInternalTimerService<?>> all = services;
        while (true) {
            RocksDBInternalTimerService<?> earliestService = null;
            CachedTimer earliest = null;
            for (int i = 0, n = all.size(); i < n; i++) {
                RocksDBInternalTimerService<?> service = all.get(i);
                CachedTimer head = service.peekEventTimer();
                if (head != null && head.timestamp <= currentWatermark && (earliest == null || head.firesBefore(earliest))) {
                    earliest = head;
                    earliestService = service;
                }
            }
            if (earliestService == null) {
                return;
            }
            earliestService.fireNextEventTimer();
        }
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    /** Visits every timer of every service in RocksDB, key group by key group, in firing order within each. */
    @Override
    public void forEachTimer(TimerVisitor visitor) throws Exception {
        for (ServiceTimers stored : timers.values()) {
            TimerColumn column = stored.column;
            try (RocksIterator it = column.newIterator()) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (TimerKeys.isOrderEntry(k)) {
                        byte[] keyAndNamespace = it.value();
                        visitor.visit(column.service, TimerKeys.domain(k) == TimerKeys.EVENT_TIME, column.key(keyAndNamespace),
                                column.namespace(keyAndNamespace), TimerKeys.timestamp(k));
                    }
                }
            }
        }
    }

    /** Stores a restored timer in its service's column family; a processing-time one gets its callback if the service exists. */
    @Override
    public void restoreTimer(String service, boolean eventTime, Object key, Object namespace, long timestamp) {
        Objects.requireNonNull(namespace, "namespace");
        ServiceTimers stored = timersOf(service, null, true);
        byte[] keyAndNamespace = backend.restoredKeyAndNamespace("timer service '" + service + "'", key, namespace);
        RocksDBTimerQueue queue = eventTime ? stored.event : stored.processing;
        queue.add(keyAndNamespace, key, namespace, timestamp, nextSequence());
        if (!eventTime && stored.service != null) {
            stored.service.scheduleEarliestProcessingTimer();
        }
    }

    /** The timers are in the backend's column families, so its checkpoint files hold them. */
    @Override
    public boolean storedInBackendFiles() {
        return true;
    }

    /** The registration sequence to write into a checkpoint: restored, it keeps new timers after the restored ones. */
    long nextSequenceToStore() {
        return nextSequence;
    }

    /**
     * A restore filled the database, or replaced it ({@code databaseReplaced}: every handle taken before is closed): the
     * timer columns it brought are these (by service name), registration goes on after {@code restoredSequence}, and
     * every cache is read again.
     */
    void restored(Map<String, ColumnFamilyHandle> columns, long restoredSequence, boolean databaseReplaced) {
        nextSequence = Math.max(nextSequence, restoredSequence);
        for (Map.Entry<String, ColumnFamilyHandle> e : columns.entrySet()) {
            timersOf(e.getKey(), e.getValue(), false);
        }
        for (ServiceTimers stored : timers.values()) {
            if (databaseReplaced && !columns.containsKey(stored.column.service)) {
                stored.column.replaceHandle(backend.createTimerColumn(TimerColumn.columnName(stored.column.service)));
            }
            stored.event.reset();
            stored.processing.reset();
            if (stored.service != null) {
                stored.service.scheduleEarliestProcessingTimer();
            }
        }
    }

    /** The names of the services with timers in the database, for the checkpoint's catalog. */
    java.util.Set<String> serviceNames() {
        return timers.keySet();
    }

    /** The handle of a service's column family, if it has one. */
    ColumnFamilyHandle columnOf(String service) {
        ServiceTimers stored = timers.get(service);
        return stored == null ? null : stored.column.handle();
    }

    private ServiceTimers timersOf(String name, ColumnFamilyHandle restored, boolean fresh) {
        ServiceTimers stored = timers.get(name);
        if (stored != null) {
            if (restored != null) {
                stored.column.replaceHandle(restored);
            }
            return stored;
        }
        ColumnFamilyHandle handle = restored != null ? restored : backend.createTimerColumn(TimerColumn.columnName(name));
        TimerColumn column = backend.timerColumn(name, handle);
        stored = new ServiceTimers(column, new RocksDBTimerQueue(column, TimerKeys.EVENT_TIME, range, fresh),
                new RocksDBTimerQueue(column, TimerKeys.PROCESSING_TIME, range, fresh));
        timers.put(name, stored);
        return stored;
    }

    /** Releases the columns' native write batches (the backend closes the database). */
    void close() {
        for (ServiceTimers stored : timers.values()) {
            stored.column.close();
        }
    }

    long nextSequence() {
        return nextSequence++;
    }

    void setCurrentKey(Object key) {
        keyContext.setCurrentKey(key);
    }

    byte[] currentKeyAndNamespace(Object namespace) {
        return backend.currentTimerKeyAndNamespace(namespace);
    }

    Object requireCurrentKey(String serviceName) {
        Object key = keyContext.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("timer service '" + serviceName + "' was used with no current key: timers can "
                    + "only be registered or deleted while processing an element or a timer of a keyed stream (after keyBy)");
        }
        return key;
    }
}
