package dev.weir.sql.runtime;

import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.triggers.ProcessingTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import java.util.Collection;

/**
 * Flink SQL's CUMULATE windows on a processing-time attribute: a row belongs to the cumulating windows of the moment it
 * arrives (the task's processing time), each fired by a processing-time timer at its end.
 */
public final class CumulativeProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final WindowSpec spec;

    public CumulativeProcessingTimeWindows(WindowSpec spec) {
        this.spec = spec;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        return CumulativeEventTimeWindows.windowsOf(spec, context.getCurrentProcessingTime());
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
        return spec.describe() + " on processing time";
    }
}
