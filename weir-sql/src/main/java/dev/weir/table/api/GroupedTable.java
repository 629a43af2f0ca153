package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A table grouped by keys ({@link Table#groupBy}): {@link #select} computes one row per group. */
public interface GroupedTable {
    /** The grouping keys and aggregates of each group: {@code select($("a"), $("b").sum().as("s"))}. */
    Table select(Expression... fields);
}
