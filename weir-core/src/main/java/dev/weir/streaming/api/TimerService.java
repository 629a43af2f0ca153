package dev.weir.streaming.api;

/**
 * Time and timers for the current key. A timer fires once per key and timestamp (registering the same one
 * twice has no effect); event-time timers fire when the watermark reaches their timestamp, in timestamp order.
 */
public interface TimerService {
    /** Flink's message for timers on non-keyed streams. */
    String UNSUPPORTED_REGISTER_TIMER_MSG = "Setting timers is only supported on a keyed streams.";
    String UNSUPPORTED_DELETE_TIMER_MSG = "Deleting timers is only supported on a keyed streams.";

    long currentProcessingTime();

    long currentWatermark();

    void registerProcessingTimeTimer(long time);

    void registerEventTimeTimer(long time);

    void deleteProcessingTimeTimer(long time);

    void deleteEventTimeTimer(long time);
}
