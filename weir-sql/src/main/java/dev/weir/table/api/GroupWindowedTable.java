package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A table with a group window ({@link Table#window(GroupWindow)}); {@link #groupBy} must name the window's alias. */
public interface GroupWindowedTable {
    /** Groups by the window alias and any keys: {@code groupBy($("w"), $("a"))}. */
    WindowGroupedTable groupBy(Expression... fields);
}
