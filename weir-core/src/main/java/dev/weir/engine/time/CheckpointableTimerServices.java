package dev.weir.engine.time;

/**
 * Timer services a checkpoint can take and restore: part of the timer SPI, implemented by the heap's
 * ({@link HeapTimerServices}) and by a keyed state backend that keeps timers itself ({@link TimerServicesFactory}).
 * Used by the task's thread only.
 */
public interface CheckpointableTimerServices extends KeyedTimerServices {
    /** Hands every timer of every service to the visitor (for a snapshot; the visitor must copy what it keeps). */
    void forEachTimer(TimerVisitor visitor) throws Exception;

    /**
     * Re-creates a timer from a snapshot, before operators open: the timer waits until its service is asked for by
     * name, and then fires as if registered then.
     */
    void restoreTimer(String service, boolean eventTime, Object key, Object namespace, long timestamp) throws Exception;

    /**
     * Whether the timers live in the keyed state backend's own storage, so that a checkpoint the backend takes as
     * files ({@link dev.weir.engine.checkpoint.FileSnapshottingBackend}) holds them already and leaves them out of the
     * key groups' entries.
     */
    default boolean storedInBackendFiles() {
        return false;
    }
}
