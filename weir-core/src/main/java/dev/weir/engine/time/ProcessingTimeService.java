package dev.weir.engine.time;

/**
 * Wall-clock time and timers for one task. Timers fire on the task's own thread, between elements, when the task
 * polls {@link #fireDueTimers()}: never concurrently with element processing.
 */
public interface ProcessingTimeService {
    long getCurrentProcessingTime();

    /** Registers a callback for {@code time}; several callbacks for the same time all fire, in registration order. */
    void registerTimer(long time, ProcessingTimeCallback callback);

    /** Fires every timer whose time is not after the current time; returns how many fired. */
    int fireDueTimers() throws Exception;

    /** The time of the earliest pending timer, or {@code Long.MAX_VALUE}. */
    long nextTimerTime();
}
