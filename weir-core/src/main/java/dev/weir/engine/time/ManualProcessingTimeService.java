package dev.weir.engine.time;

/**
 * A {@link ProcessingTimeService} whose clock only moves when told to, for tests and the operator test harness:
 * {@link #setCurrentTime} advances it and fires the timers that became due.
 */
public final class ManualProcessingTimeService implements ProcessingTimeService {
    private final TaskProcessingTimeService timers = new TaskProcessingTimeService(this::getCurrentProcessingTime);
    private long currentTime;

    /** A service whose clock starts at 0. */
    public ManualProcessingTimeService() {
        this(0L);
    }

    public ManualProcessingTimeService(long startTime) {
        this.currentTime = startTime;
    }

    /**
     * Moves the clock to {@code time} and fires every timer due by then, in time order; returns how many fired.
     *
     * @throws IllegalArgumentException if {@code time} is before the current time: processing time never goes back
     */
    public int setCurrentTime(long time) throws Exception {
        if (time < currentTime) {
            throw new IllegalArgumentException("processing time cannot go back from " + currentTime + " to " + time
                    + ": set a time at or after the current one");
        }
        currentTime = time;
        return timers.fireTimersUpTo(time);
    }

    /** Moves the clock forward by {@code millis} and fires the due timers; returns how many fired. */
    public int advance(long millis) throws Exception {
        return setCurrentTime(currentTime + millis);
    }

    @Override
    public long getCurrentProcessingTime() {
        return currentTime;
    }

    @Override
    public void registerTimer(long time, ProcessingTimeCallback callback) {
        timers.registerTimer(time, callback);
    }

    /** Fires the timers due at the current time; like the harnesses of Flink, a timer for t fires at t. */
    @Override
    public int fireDueTimers() throws Exception {
        return timers.fireTimersUpTo(currentTime);
    }

    @Override
    public long nextTimerTime() {
        return timers.nextTimerTime();
    }

    /** How many timers are pending. */
    public int numPendingTimers() {
        return timers.numPendingTimers();
    }
}
