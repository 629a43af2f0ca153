package dev.weir.engine.time;

import dev.weir.engine.state.KeyContext;
import dev.weir.engine.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The heap timer services of one keyed operator subtask, by name, sharing one watermark and one registration
 * sequence so that timers of different services with the same timestamp fire in registration order. Used by the
 * task's thread only.
 *
 * <p>In BATCH mode, as in Flink, processing time does not advance while the job runs: processing-time timers do not
 * fire on the clock but at the end of input, after the event-time timers, when the final watermark arrives. While
 * those timers fire the services are quiesced, as Flink's are: a timer registered from a timer callback is ignored
 * (with one warning), so a callback that registers the next timer does not keep the job from ending.
 */
public final class HeapTimerServices implements CheckpointableTimerServices {
    private final KeyContext keyContext;
    /**
     * The key context when it is a state backend, which knows the current key group: timers keep it, so firing one
     * does not hash its key again.
     */
    private final KeyedStateBackend keyGroups;
    private final ProcessingTimeService processingTimeService;
    private final Map<String, HeapInternalTimerService<?>> byName = new HashMap<>();
    /** The same services as a list, so firing scans them without an iterator. */
    private final ArrayList<HeapInternalTimerService<?>> services = new ArrayList<>();
    /** Timers restored from a snapshot for services that operators have not asked for yet, by service name. */
    private final Map<String, List<Object[]>> restoredTimers = new HashMap<>();
    private long currentWatermark = Long.MIN_VALUE;
    private long nextSequence;
    private final boolean batch;
    /** BATCH mode, while the timers fire at the end of input: new timers are ignored. */
    private boolean quiesced;
    private boolean warnedQuiesced;

    public HeapTimerServices(KeyContext keyContext, ProcessingTimeService processingTimeService) {
        this(keyContext, processingTimeService, false);
    }

    /** Timer services that, when {@code batch}, fire processing-time timers only at the end of input. */
    public HeapTimerServices(KeyContext keyContext, ProcessingTimeService processingTimeService, boolean batch) {
        this.keyContext = Objects.requireNonNull(keyContext, "keyContext");
        this.keyGroups = keyContext instanceof KeyedStateBackend backend ? backend : null;
        this.processingTimeService = Objects.requireNonNull(processingTimeService, "processingTimeService");
        this.batch = batch;
    }

    /** Whether processing-time timers wait for the end of input (BATCH mode) instead of the clock. */
    boolean batch() {
        return batch;
    }

    /**
     * The named service, created on first use.
     *
     * @throws IllegalStateException if the service exists with another target: two operators' timers would mix
     */
    @Override
    @SuppressWarnings("unchecked")
    public <N> InternalTimerService<N> getTimerService(String name, Triggerable<N> target) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        HeapInternalTimerService<?> existing = byName.get(name);
        if (existing != null) {
            if (existing.target() != target) {
                throw new IllegalStateException("timer service '" + name + "' already fires into " + existing.target()
                        + " and cannot also fire into " + target + ": use another timer service name for another target");
            }
            return (InternalTimerService<N>) existing;
        }
        HeapInternalTimerService<N> service = new HeapInternalTimerService<>(name, target, this, processingTimeService);
        byName.put(name, service);
        services.add(service);
        List<Object[]> restored = restoredTimers.remove(name);
        if (restored != null) {
            for (Object[] t : restored) {
                service.restoreTimer((Boolean) t[0], t[1], t[2], (Long) t[3]);
            }
        }
        return service;
    }

    /** Hands every timer of every service to the visitor (for a snapshot; the visitor must copy what it keeps). */
    public void forEachTimer(TimerVisitor visitor) throws Exception {
        for (int i = 0, n = services.size(); i < n; i++) {
            services.get(i).forEachTimer(visitor);
        }
        for (Map.Entry<String, List<Object[]>> e : restoredTimers.entrySet()) {
            for (Object[] t : e.getValue()) {
                visitor.visit(e.getKey(), (Boolean) t[0], t[1], t[2], (Long) t[3]);
            }
        }
    }

    /**
     * Re-creates a timer from a snapshot. Restore happens before operators open, so the timer waits until its
     * service is asked for by name.
     */
    public void restoreTimer(String service, boolean eventTime, Object key, Object namespace, long timestamp) {
        HeapInternalTimerService<?> existing = byName.get(service);
        if (existing != null) {
            existing.restoreTimer(eventTime, key, namespace, timestamp);
        } else {
            restoredTimers.computeIfAbsent(service, s -> new ArrayList<>()).add(new Object[] {eventTime, key, namespace, timestamp});
        }
    }

    /**
     * Fires every event-time timer at or before the watermark, earliest first across all services. The watermark
     * never goes back: an older one fires only timers at or before the current watermark (registered late).
     */
    @Override
    public void advanceWatermark(long watermark) throws Exception {
        if (watermark > currentWatermark) {
            currentWatermark = watermark;
        }
        if (batch && watermark == Long.MAX_VALUE) {
            quiesced = true;
            fireEventTimers(currentWatermark);
            while (fireNextProcessingTimer()) {
                // every processing-time timer, earliest first; none can be added now
            }
            return;
        }
        fireEventTimers(currentWatermark);
    }

    /**
     * Whether a timer registered now is ignored: in BATCH mode while the timers fire at the end of input, as Flink's
     * batch timer service is quiesced then. Warns the first time.
     */
    boolean ignoresNewTimers(String serviceName, long time) {
        if (quiesced && !warnedQuiesced) {
            warnedQuiesced = true;
            System.getLogger(HeapTimerServices.class.getName()).log(System.Logger.Level.WARNING,
                    "Timer service ''{0}'' is quiesced: the timers fire at the end of input in BATCH mode, so the timer for "
                            + "{1} registered from a timer callback is ignored, as in Flink (later ones too, without a warning)",
                    serviceName, time);
        }
        return quiesced;
    }

    /** Fires the earliest processing-time timer across all services; false when there is none. */
    private boolean fireNextProcessingTimer() throws Exception {
        HeapInternalTimerService<?> earliestService = null;
        TimerQueue<?> earliest = null;
        for (int i = 0, n = services.size(); i < n; i++) {
            HeapInternalTimerService<?> service = services.get(i);
            TimerQueue<?> queue = service.processingTimers();
            if (!queue.isEmpty() && (earliest == null || queue.headFiresBefore(earliest))) {
                earliest = queue;
                earliestService = service;
            }
        }
        if (earliestService == null) {
            return false;
        }
        earliestService.fireNextProcessingTimer();
        return true;
    }

    private void fireEventTimers(long limit) throws Exception {
        ArrayList<HeapInternalTimerService<?>> all = services;
        while (true) {
            HeapInternalTimerService<?> earliestService = null;
            TimerQueue<?> earliest = null;
            for (int i = 0, n = all.size(); i < n; i++) {
                HeapInternalTimerService<?> service = all.get(i);
                TimerQueue<?> queue = service.eventTimers();
                if (!queue.isEmpty() && queue.headTimestamp() <= limit && (earliest == null || queue.headFiresBefore(earliest))) {
                    earliest = queue;
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

    long nextSequence() {
        return nextSequence++;
    }

    /** Scopes state to a timer's key, with the key group it was registered under when known (not -1). */
    void setCurrentKey(Object key, int keyGroup) {
        if (keyGroup >= 0 && keyGroups != null) {
            keyGroups.setCurrentKey(key, keyGroup);
        } else {
            keyContext.setCurrentKey(key);
        }
    }

    /** The current key's key group, or -1 when the key context does not know key groups. */
    int currentKeyGroup() {
        return keyGroups == null ? -1 : keyGroups.getCurrentKeyGroup();
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
