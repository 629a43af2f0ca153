package dev.weir.engine.time;

import java.util.Objects;

/**
 * One named timer service of a keyed operator: its event-time and processing-time timers on the heap. Event-time
 * timers are fired by {@link HeapTimerServices#advanceWatermark}; for processing-time timers it keeps a callback
 * registered with the {@link ProcessingTimeService} at the earliest timer's time.
 */
final class HeapInternalTimerService<N> implements InternalTimerService<N>, ProcessingTimeWakeups.DueTimers {
    private final String name;
    private final Triggerable<N> target;
    private final HeapTimerServices owner;
    private final ProcessingTimeService processingTimeService;
    private final TimerQueue<N> eventTimers = new TimerQueue<>();
    private final TimerQueue<N> processingTimers = new TimerQueue<>();
    /** The timers handed to the target while they fire, one per domain; reused, as the queues hold no timer objects. */
    private final TimerEntry<N> firingEventTimer = new TimerEntry<>();
    private final TimerEntry<N> firingProcessingTimer = new TimerEntry<>();
    private final ProcessingTimeWakeups wakeups;

    HeapInternalTimerService(String name, Triggerable<N> target, HeapTimerServices owner, ProcessingTimeService processingTimeService) {
        this.name = name;
        this.target = target;
        this.owner = owner;
        this.processingTimeService = processingTimeService;
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
        if (owner.ignoresNewTimers(name, time)) {
            return;
        }
        eventTimers.add(owner.requireCurrentKey(name), Objects.requireNonNull(namespace, "namespace"), owner.currentKeyGroup(), time,
                owner.nextSequence());
    }

    @Override
    public void deleteEventTimeTimer(N namespace, long time) {
        eventTimers.remove(owner.requireCurrentKey(name), Objects.requireNonNull(namespace, "namespace"), time);
    }

    @Override
    public void registerProcessingTimeTimer(N namespace, long time) {
        if (owner.ignoresNewTimers(name, time)) {
            return;
        }
        Object key = owner.requireCurrentKey(name);
        if (processingTimers.add(key, Objects.requireNonNull(namespace, "namespace"), owner.currentKeyGroup(), time,
                owner.nextSequence())) {
            ensureCallbackBy(time);
        }
    }

    /** Deleting leaves the callback registered; when it fires and finds no due timer it just re-registers. */
    @Override
    public void deleteProcessingTimeTimer(N namespace, long time) {
        processingTimers.remove(owner.requireCurrentKey(name), Objects.requireNonNull(namespace, "namespace"), time);
    }

    @Override
    public int numEventTimeTimers() {
        return eventTimers.size();
    }

    @Override
    public int numProcessingTimeTimers() {
        return processingTimers.size();
    }

    /** Hands every timer of this service to the visitor, event-time timers first. */
    void forEachTimer(TimerVisitor visitor) throws Exception {
        for (int i = 0, n = eventTimers.size(); i < n; i++) {
            visitor.visit(name, true, eventTimers.keyAt(i), eventTimers.namespaceAt(i), eventTimers.timestampAt(i));
        }
        for (int i = 0, n = processingTimers.size(); i < n; i++) {
            visitor.visit(name, false, processingTimers.keyAt(i), processingTimers.namespaceAt(i), processingTimers.timestampAt(i));
        }
    }

    /** Re-creates a timer from a snapshot; processing-time timers get their callback as when registered. */
    @SuppressWarnings("unchecked")
    void restoreTimer(boolean eventTime, Object key, Object namespace, long timestamp) {
        if (eventTime) {
            eventTimers.add(key, (N) namespace, -1, timestamp, owner.nextSequence());
        } else if (processingTimers.add(key, (N) namespace, -1, timestamp, owner.nextSequence())) {
            ensureCallbackBy(timestamp);
        }
    }

    /** The event-time timers, for {@link HeapTimerServices} to find the earliest across services. */
    TimerQueue<N> eventTimers() {
        return eventTimers;
    }

    /** The processing-time timers, for {@link HeapTimerServices} to find the earliest across services. */
    TimerQueue<N> processingTimers() {
        return processingTimers;
    }

    /** Fires the earliest processing-time timer with its key set as the current key (BATCH mode's end of input). */
    void fireNextProcessingTimer() throws Exception {
        TimerEntry<N> timer = firingProcessingTimer;
        processingTimers.pollInto(timer);
        owner.setCurrentKey(timer.getKey(), timer.keyGroup());
        try {
            target.onProcessingTime(timer);
        } finally {
            timer.clear();
        }
    }

    /** Fires the earliest event-time timer with its key set as the current key. */
    void fireNextEventTimer() throws Exception {
        TimerEntry<N> timer = firingEventTimer;
        eventTimers.pollInto(timer);
        owner.setCurrentKey(timer.getKey(), timer.keyGroup());
        try {
            target.onEventTime(timer);
        } finally {
            timer.clear();
        }
    }

    @Override
    public void fireUpTo(long time) throws Exception {
        while (!processingTimers.isEmpty() && processingTimers.headTimestamp() <= time) {
            fireNextProcessingTimer();
        }
    }

    @Override
    public boolean noProcessingTimers() {
        return processingTimers.isEmpty();
    }

    @Override
    public long earliestProcessingTimer() {
        return processingTimers.headTimestamp();
    }

    /** Has a callback registered by {@code time}, unless in BATCH mode, where processing time never advances. */
    private void ensureCallbackBy(long time) {
        if (!owner.batch()) {
            wakeups.ensureBy(time);
        }
    }
}
