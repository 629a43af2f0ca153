package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A table grouped by a group window and keys: {@link #select} computes one row per key and window. */
public interface WindowGroupedTable {
    /** The keys, aggregates and window properties ({@code $("w").start()}) of each window. */
    Table select(Expression... fields);

    /**
     * One aggregate function per key and window, its result (a ROW) flattened into columns, as in Flink:
     * {@code aggregate(call(MyMinMax.class, $("a")).as("x", "y")).select($("key"), $("x"), $("w").start())}.
     */
    AggregatedTable aggregate(Expression aggregateFunction);

    /**
     * One table aggregate function per key and window, as in Flink: when the window fires, each row its
     * {@code emitValue} emits, flattened into columns, with the keys and the window's properties:
     * {@code flatAggregate(call(Top2.class, $("a")).as("v", "rank")).select($("key"), $("w").start(), $("v"), $("rank"))}.
     */
    FlatAggregateTable flatAggregate(Expression tableAggregateFunction);
}
