package dev.weir.engine.time;

/**
 * The timer services of one keyed operator subtask, by name, and the watermark that drives their event-time
 * timers. Created by the task for keyed operators only.
 */
public interface KeyedTimerServices {
    /** The timer service with this name, created on first use; its timers call {@code target}. */
    <N> InternalTimerService<N> getTimerService(String name, Triggerable<N> target);

    /**
     * Advances event time: fires, in timestamp order across all services, every event-time timer at or before
     * {@code watermark}, with the current key set to each timer's key. A timer registered while firing that is
     * also due fires in the same call.
     */
    void advanceWatermark(long watermark) throws Exception;

    long currentWatermark();
}
