package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/**
 * A group window of the Table API (tumbling, sliding or session) with its time column and alias, passed to
 * {@link Table#window(GroupWindow)}: {@code Tumble.over(lit(10).minutes()).on($("rowtime")).as("w")}.
 */
public abstract class GroupWindow {
    private final Expression alias;
    private final Expression timeField;

    GroupWindow(Expression alias, Expression timeField) {
        this.alias = alias;
        this.timeField = timeField;
    }

    /** The alias the window is grouped by and its properties are selected from. */
    public Expression getAlias() {
        return alias;
    }

    /** The time attribute the window is defined on. */
    public Expression getTimeField() {
        return timeField;
    }
}
