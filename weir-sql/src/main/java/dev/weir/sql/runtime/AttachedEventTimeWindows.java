package dev.weir.sql.runtime;

import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.types.Row;
import java.util.Collection;
import java.util.List;

/**
 * The window a row already belongs to, read from its {@code window_start} and {@code window_end} columns: the windows
 * of a window aggregate over the output of another window aggregate (Flink's window-attached windowing, a cascaded
 * window aggregate grouped by the inner one's window bounds). Fired by the watermark at {@code window_end - 1}, as the
 * inner aggregate's rows for that window arrive before the watermark that fired them.
 */
public final class AttachedEventTimeWindows extends WindowAssigner<Object, TimeWindow> {
    private static final long serialVersionUID = 1L;

    private final int startColumn;
    private final int endColumn;

    /** Windows read from the columns {@code startColumn} and {@code endColumn} (epoch milliseconds) of each row. */
    public AttachedEventTimeWindows(int startColumn, int endColumn) {
        this.startColumn = startColumn;
        this.endColumn = endColumn;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, WindowAssignerContext context) {
        Row row = (Row) element;
        return List.of(new TimeWindow((Long) row.getField(startColumn), (Long) row.getField(endColumn)));
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
        return "AttachedEventTimeWindows(start=" + startColumn + ", end=" + endColumn + ")";
    }
}
