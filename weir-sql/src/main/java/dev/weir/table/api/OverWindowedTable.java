package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A table with over windows ({@link Table#window(OverWindow...)}); {@link #select} computes a row per input row. */
public interface OverWindowedTable {
    /** The columns and over aggregates ({@code $("b").sum().over($("w"))}) of each row. */
    Table select(Expression... fields);
}
