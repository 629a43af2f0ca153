package dev.weir.engine.time;

/**
 * Event-time and processing-time timers of one keyed operator, scoped to the current key. A timer is unique per
 * key, namespace and timestamp: registering it again has no effect. Timers fire in timestamp order.
 */
public interface InternalTimerService<N> {
    long currentProcessingTime();

    long currentWatermark();

    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);

    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);

    int numEventTimeTimers();

    int numProcessingTimeTimers();
}
