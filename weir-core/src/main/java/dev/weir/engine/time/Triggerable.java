package dev.weir.engine.time;

/** The operator that a timer service calls when its timers fire; the current key is set to the timer's key first. */
public interface Triggerable<N> {
    void onEventTime(InternalTimer<N> timer) throws Exception;

    void onProcessingTime(InternalTimer<N> timer) throws Exception;
}
