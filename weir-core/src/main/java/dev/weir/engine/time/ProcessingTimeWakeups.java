package dev.weir.engine.time;

import java.util.Arrays;

/**
 * The callbacks one timer service keeps registered with the {@link ProcessingTimeService}: one at or before its
 * earliest processing-time timer, never two for the same need. Shared by the heap's and RocksDB's timer services,
 * which differ only in where the timers are kept ({@link DueTimers}).
 */
public final class ProcessingTimeWakeups {
    /** The timer service's side: fires what is due and tells the earliest time left. */
    public interface DueTimers {
        /** Fires every processing-time timer at or before {@code time}, including those registered while firing. */
        void fireUpTo(long time) throws Exception;

        /** Whether the service has no processing-time timer left. */
        boolean noProcessingTimers();

        /** The earliest processing-time timer's time; only asked when there is one. */
        long earliestProcessingTimer();
    }

    private final ProcessingTimeService service;
    private final DueTimers timers;
    private final ProcessingTimeCallback callback = this::onProcessingTime;
    /**
     * Times of the callbacks registered and not yet fired, latest first: a new one is registered only before all
     * pending ones, and they fire earliest first, so this is a stack.
     */
    private long[] pending = new long[4];
    private int pendingCount;
    /** While timers fire: the time being fired, as due timers registered meanwhile fire in that loop. */
    private boolean firing;
    private long firingTime;

    public ProcessingTimeWakeups(ProcessingTimeService service, DueTimers timers) {
        this.service = service;
        this.timers = timers;
    }

    /** Registers a callback for {@code time} unless one is pending at or before it, or the firing loop will reach it. */
    public void ensureBy(long time) {
        if (firing && time <= firingTime || pendingCount > 0 && pending[pendingCount - 1] <= time) {
            return;
        }
        if (pendingCount == pending.length) {
            pending = Arrays.copyOf(pending, pendingCount * 2);
        }
        pending[pendingCount++] = time;
        service.registerTimer(time, callback);
    }

    private void onProcessingTime(long time) throws Exception {
        while (pendingCount > 0 && pending[pendingCount - 1] <= time) {
            pendingCount--;
        }
        firing = true;
        firingTime = time;
        try {
            timers.fireUpTo(time);
        } finally {
            firing = false;
            if (!timers.noProcessingTimers()) {
                ensureBy(timers.earliestProcessingTimer());
            }
        }
    }
}
