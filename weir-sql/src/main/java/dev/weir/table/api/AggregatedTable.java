package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/**
 * The result of {@code aggregate(call(f, ..).as("x", "y"))}, as in Flink: the grouping keys and the aggregate function's
 * result flattened into columns; {@link #select} picks from them (and a group window's properties).
 */
public interface AggregatedTable {
    /** The columns {@code fields} of the aggregation: {@code select($("key"), $("x"), $("y"))}. */
    Table select(Expression... fields);
}
