package dev.weir.rocksdb;

import dev.weir.engine.time.InternalTimerService;
import dev.weir.engine.time.ProcessingTimeWakeups;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.engine.time.Triggerable;
import java.util.Objects;

/**
 * One named timer service of a keyed operator with its timers in RocksDB. Event-time timers are fired by
 * {@link RocksDBTimerServices#advanceWatermark}; for processing-time timers it keeps a callback registered with the
 * {@link ProcessingTimeService} at the earliest timer's time, as the heap's service does.
 */
final class RocksDBInternalTimerService<N> implements InternalTimerService<N>, ProcessingTimeWakeups.DueTimers {
    private final String name;
    private final Triggerable<N> target;
    private final RocksDBTimerServices owner;
    private final ProcessingTimeService processingTimeService;
    private final RocksDBTimerQueue eventTimers;
    private final RocksDBTimerQueue processingTimers;
    private final ProcessingTimeWakeups wakeups;

    RocksDBInternalTimerService(String name, Triggerable<N> target, RocksDBTimerServices owner, ProcessingTimeService processingTimeService,
                                RocksDBTimerQueue eventTimers, RocksDBTimerQueue processingTimers) {
        this.name = name;
        this.target = target;
        this.owner = owner;
        this.processingTimeService = processingTimeService;
        this.eventTimers = eventTimers;
        this.processingTimers = processingTimers;
        this.wakeups = new ProcessingTimeWakeups(processingTimeService, this);
    }

    Triggerable<N> target() {
        return target;
    }

    @Override
    public long currentProcessingTime() {
        return processingTimeService.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return owner.currentWatermark();
    }

    @Override
    public void registerEventTimeTimer(N namespace, long time) {
        Object key = owner.requireCurrentKey(name);
        eventTimers.add(owner.currentKeyAndNamespace(Objects.requireNonNull(namespace, "namespace")), key, namespace, time,
                owner.nextSequence());
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        owner.requireCurrentKey(name);
        eventTimers.remove(owner.currentKeyAndNamespace(Objects.requireNonNull(namespace, "namespace")), time);
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        Object key = owner.requireCurrentKey(name);
        if (processingTimers.add(owner.currentKeyAndNamespace(Objects.requireNonNull(namespace, "namespace")), key, namespace, time,
                owner.nextSequence())) {
            wakeups.ensureBy(time);
        }
    }

    /** Deleting leaves the callback registered; when it fires and finds no due timer it just re-registers. */
    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        owner.requireCurrentKey(name);
        processingTimers.remove(owner.currentKeyAndNamespace(Objects.requireNonNull(namespace, "namespace")), time);
    }

    @Override
    public int numEventTimeTimers() {
        return (int) Math.min(Integer.MAX_VALUE, eventTimers.size());
    }

    @Override
    public int numProcessingTimeTimers() {
        return (int) Math.min(Integer.MAX_VALUE, processingTimers.size());
    }

    /** The earliest event-time timer, or null. */
    CachedTimer peekEventTimer() {
        return eventTimers.peek();
    }

    /** Fires the earliest event-time timer with its key set as the current key. */
    @SuppressWarnings("unchecked")
    void fireNextEventTimer() throws Exception {
        CachedTimer timer = eventTimers.poll();
        owner.setCurrentKey(timer.key);
        target.onEventTime((dev.weir.engine.time.InternalTimer<N>) (Object) timer);
    }

    /** Registers the callback for the earliest processing-time timer: the service was created or its timers restored. */
    void scheduleEarliestProcessingTimer() {
        CachedTimer next = processingTimers.peek();
        if (next != null) {
            wakeups.ensureBy(next.timestamp);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void fireUpTo(long time) throws Exception {
        CachedTimer timer;
        while ((timer = processingTimers.peek()) != null && timer.timestamp <= time) {
            processingTimers.poll();
            owner.setCurrentKey(timer.key);
            target.onProcessingTime((dev.weir.engine.time.InternalTimer<N>) (Object) timer);
        }
    }

    @Override
    public boolean noProcessingTimers() {
        return processingTimers.peek() == null;
    }

    @Override
    public long earliestProcessingTimer() {
        return processingTimers.peek().timestamp;
    }
}
