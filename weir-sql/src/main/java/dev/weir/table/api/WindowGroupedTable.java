package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A table grouped by a group window and keys: {@link #select} computes one row per key and window. */
public interface WindowGroupedTable {
    /** The keys, aggregates and window properties ({@code $("w").start()}) of each window. */
    Table select(Expression... fields);
}
