package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/**
 * The result of {@code flatAggregate(call(top2, $("v")).as("v", "rank"))}, as in Flink: for each group, the grouping
 * keys with each row the table aggregate function emits; {@link #select} picks from them.
 */
public interface FlatAggregateTable {
    /** The columns {@code fields} of the emitted rows: {@code select($("key"), $("v"), $("rank"))}. */
    Table select(Expression... fields);
}
