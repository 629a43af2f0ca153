package dev.weir.sql.plan;

import dev.weir.sql.runtime.WindowSpec;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

/**
 * Which columns of a plan node are still the bounds of event-time windows, whatever they are called: Flink's window
 * properties. A window table function's {@code window_start}, {@code window_end} and {@code window_time} are, and stay
 * so through projections that pass them on, filters, and the GROUP BY columns of a window aggregate (one grouped by a
 * window's start and end). Flink plans a GROUP BY or a join on such bounds as a window aggregate or window join, whose
 * result is insert-only; Nexmark q5 renames them {@code starttime} and {@code endtime}.
 */
final class WindowBounds {
    /** Which bound a column is. */
    enum Kind { START, END, TIME }

    /** Column {@code column}'s bound of the windows {@code windows}. */
    record Bound(WindowSpec windows, Kind kind) {
    }

    /** The window start and end columns among the GROUP BY columns of an aggregate, by their index in its input. */
    record Grouping(WindowSpec windows, int startColumn, int endColumn) {
    }

    private final WindowTranslator windowFunctions;

    WindowBounds(WindowTranslator windowFunctions) {
        this.windowFunctions = windowFunctions;
    }

    /** The bound that {@code column} of {@code node} is, or null when it is no event-time window bound. */
    Bound of(RelNode node, int column) {
        if (node instanceof Project) {
            RexNode e = ((Project) node).getProjects().get(column);
            return e instanceof RexInputRef ? of(node.getInput(0), ((RexInputRef) e).getIndex()) : null;
        }
        if (node instanceof Filter) {
            return of(node.getInput(0), column);
        }
        if (node instanceof Aggregate) {
            Aggregate aggregate = (Aggregate) node;
            if (column >= aggregate.getGroupCount() || grouping(aggregate) == null) {
                return null;
            }
            return of(aggregate.getInput(), aggregate.getGroupSet().toArray()[column]);
        }
        WindowSpec windows = windowFunctions.eventTimeWindows(node);
        if (windows == null) {
            return null;
        }
        int fields = node.getRowType().getFieldCount();
        Kind kind = column == fields - 3 ? Kind.START : column == fields - 2 ? Kind.END : column == fields - 1 ? Kind.TIME : null;
        return kind == null ? null : new Bound(windows, kind);
    }

    /** The window start and end that {@code aggregate} groups by (of the same windows), or null when it groups by none. */
    Grouping grouping(Aggregate aggregate) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            return null;
        }
        List<Integer> groups = aggregate.getGroupSet().asList();
        for (int start : groups) {
            Bound s = of(aggregate.getInput(), start);
            if (s == null || s.kind() != Kind.START) {
                continue;
            }
            for (int end : groups) {
                Bound e = of(aggregate.getInput(), end);
                if (e != null && e.kind() == Kind.END && e.windows().equals(s.windows())) {
                    return new Grouping(s.windows(), start, end);
                }
            }
        }
        return null;
    }
}
