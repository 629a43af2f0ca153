package dev.weir.streaming.api.windowing.assigners;

import dev.weir.streaming.api.windowing.time.Time;
import dev.weir.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.time.Duration;
import java.util.Collection;

/** Overlapping windows of wall-clock time of {@code size} that start every {@code slide}. */
public class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final long size;
    private final long slide;
    private final long offset;

    protected SlidingProcessingTimeWindows(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0 || Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("SlidingProcessingTimeWindows parameters must satisfy abs(offset) < slide and size > 0 "
                    + "and slide > 0; were size " + size + " ms, slide " + slide + " ms, offset " + offset + " ms");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(Durations.millis(size, "size"), Durations.millis(slide, "slide"), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(Durations.millis(size, "size"), Durations.millis(slide, "slide"), Durations.millis(offset, "offset"));
    }

    public static SlidingProcessingTimeWindows of(Time size, Time slide) {
        return new SlidingProcessingTimeWindows(Durations.millis(size, "size"), Durations.millis(slide, "slide"), 0);
    }

    public static SlidingProcessingTimeWindows of(Time size, Time slide, Time offset) {
        return new SlidingProcessingTimeWindows(Durations.millis(size, "size"), Durations.millis(slide, "slide"), Durations.millis(offset, "offset"));
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return SlidingEventTimeWindows.windowsOf(context.getCurrentProcessingTime(), size, slide, offset);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public String toString() {
        return "SlidingProcessingTimeWindows(" + size + ", " + slide + ")";
    }
}
