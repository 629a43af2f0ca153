package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A table grouped by keys ({@link Table#groupBy}): {@link #select} computes one row per group. */
public interface GroupedTable {
    /** The grouping keys and aggregates of each group: {@code select($("a"), $("b").sum().as("s"))}. */
    Table select(Expression... fields);

    /**
     * One aggregate function per group whose result (a ROW) is flattened into columns, as in Flink:
     * {@code aggregate(call(MyMinMax.class, $("a")).as("x", "y")).select($("key"), $("x"), $("y"))}.
     */
    AggregatedTable aggregate(Expression aggregateFunction);

    /**
     * A {@link dev.weir.table.functions.TableAggregateFunction} per group, each emitted row a result row:
     * {@code flatAggregate(call(Top2.class, $("a")).as("v", "rank")).select($("key"), $("v"), $("rank"))}.
     */
    FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
