package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Non-overlapping event-time windows of a fixed size, aligned to the epoch plus an optional offset. */
public class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long offset;

    protected TumblingEventTimeWindows(long size, long offset) {
        if (size <= 0 || Math.abs(offset) >= size) {
            throw new IllegalArgumentException("TumblingEventTimeWindows parameters must satisfy abs(offset) < size, and size > 0; were size "
                    + size + " ms, offset " + offset + " ms");
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(Durations.millis(size, "size"), 0);
    }

    /** Windows shifted by {@code offset}, e.g. {@code of(Duration.ofDays(1), Duration.ofHours(-8))} for days in UTC+8. */
    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(Durations.millis(size, "size"), Durations.millis(offset, "offset"));
    }

    public static TumblingEventTimeWindows of(Time size) {
        return new TumblingEventTimeWindows(Durations.millis(size, "size"), 0);
    }

    public static TumblingEventTimeWindows of(Time size, Time offset) {
        return new TumblingEventTimeWindows(Durations.millis(size, "size"), Durations.millis(offset, "offset"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        long start = TimeWindow.getWindowStartWithOffset(requireTimestamp(timestamp), offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    public long getSize() {
        return size;
    }

    public long getOffset() {
        return offset;
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
    public String toString() {
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
