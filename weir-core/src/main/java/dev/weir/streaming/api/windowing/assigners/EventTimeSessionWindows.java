package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Session windows in event time: each element opens {@code [t, t + gap)}, and windows that overlap or touch merge. */
public class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long sessionTimeout;

    protected EventTimeSessionWindows(long sessionTimeout) {
        if (sessionTimeout <= 0) {
            throw new IllegalArgumentException("EventTimeSessionWindows parameters must satisfy 0 < size; the gap was " + sessionTimeout + " ms");
        }
        this.sessionTimeout = sessionTimeout;
    }

    public static EventTimeSessionWindows withGap(Duration size) {
        return new EventTimeSessionWindows(Durations.millis(size, "size"));
    }

    public static EventTimeSessionWindows withGap(Time size) {
        return new EventTimeSessionWindows(Durations.millis(size, "size"));
    }

    /** Sessions whose gap each element chooses. */
    public static <T> DynamicEventTimeSessionWindows<T> withDynamicGap(SessionWindowTimeGapExtractor<T> sessionWindowTimeGapExtractor) {
        return new DynamicEventTimeSessionWindows<>(Objects.requireNonNull(sessionWindowTimeGapExtractor, "sessionWindowTimeGapExtractor"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long t = requireTimestamp(timestamp);
        return List.of(new TimeWindow(t, t + sessionTimeout));
    }

    public long getGap() {
        return sessionTimeout;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
    }

    @Override
    public void mergeWindows(Collection<TimeWindow> windows, MergeCallback<TimeWindow> callback) {
        TimeWindow.mergeWindows(windows, callback);
    }

    @Override
    public String toString() {
        return "EventTimeSessionWindows(" + sessionTimeout + ")";
    }
}
