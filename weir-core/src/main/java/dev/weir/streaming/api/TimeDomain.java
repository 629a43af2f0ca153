package dev.weir.streaming.api;

/** Whether a timer was set in event time or processing time. */
public enum TimeDomain {
    EVENT_TIME,
    PROCESSING_TIME
}
