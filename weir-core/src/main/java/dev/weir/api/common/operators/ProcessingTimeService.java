package dev.weir.api.common.operators;

/**
 * Wall-clock time and timers for a sink writer or an operator, as Flink's
 * {@code org.apache.flink.api.common.operators.ProcessingTimeService}. Timers fire on the task's own thread between
 * elements, never concurrently with {@code write}; a timer for time t fires once the clock has passed t.
 *
 * <p>Unlike Flink's, {@link #registerTimer} returns nothing (Flink returns a {@code ScheduledFuture}): Weir's timers
 * cannot be cancelled; a callback that is no longer wanted returns without doing anything.
 */
public interface ProcessingTimeService {
    /** The current processing time, in milliseconds since the epoch. */
    long getCurrentProcessingTime();

    /** Calls {@code target} once the processing time has passed {@code timestamp}. */
    void registerTimer(long timestamp, ProcessingTimeCallback target);

    /** What a processing-time timer calls. */
    @FunctionalInterface
    interface ProcessingTimeCallback {
        /** Called on the task's thread with the time the timer was registered for. */
        void onProcessingTime(long time) throws Exception;
    }
}
