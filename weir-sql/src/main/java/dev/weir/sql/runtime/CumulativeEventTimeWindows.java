package dev.weir.sql.runtime;

import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Flink SQL's CUMULATE windows as a window assigner: windows that all start at a multiple of {@code size} and end
 * every {@code step} up to {@code size}, so an element belongs to every such window ending after it.
 */
public final class CumulativeEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final WindowSpec spec;

    public CumulativeEventTimeWindows(WindowSpec spec) {
        this.spec = spec;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return windowsOf(spec, timestamp);
    }

    /** The CUMULATE windows of {@code spec} that hold time {@code timestamp}. */
    static List<TimeWindow> windowsOf(WindowSpec spec, long timestamp) {
        long start = spec.firstStart(timestamp);
        List<TimeWindow> windows = new ArrayList<>(spec.maxWindowsPerElement());
        for (long end = start + spec.slide(); end <= start + spec.size(); end += spec.slide()) {
            if (end > timestamp) {
                windows.add(new TimeWindow(start, end));
            }
        }
        return windows;
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
        return spec.describe();
    }
}
