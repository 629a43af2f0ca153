package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.Window;
import java.io.Serializable;
import java.util.Collection;

/** Assigns each element to zero or more windows, and names the trigger that fires them by default. */
public abstract class WindowAssigner<T, W extends Window> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The windows of {@code element}, whose timestamp is {@code timestamp} ({@code Long.MIN_VALUE} for none). */
    public abstract Collection<W> assignWindows(T element, long timestamp, WindowAssignerContext context);

    /** The trigger used when {@code WindowedStream.trigger(...)} is not called. */
    public abstract Trigger<T, W> getDefaultTrigger();

    /** Whether the windows are in event time (fired by watermarks, and elements can be late). */
    public abstract boolean isEventTime();

    /** What an assigner may ask of the runtime. */
    public abstract static class WindowAssignerContext {
        public abstract long getCurrentProcessingTime();
    }

    static long requireTimestamp(long timestamp) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker): an event-time window "
                    + "needs timestamps; call assignTimestampsAndWatermarks(...) before the window, or use a processing-time assigner");
        }
        return timestamp;
    }
}
