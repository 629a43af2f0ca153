package dev.weir.sql.runtime;

import dev.weir.api.common.functions.MapFunction;
import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;

/**
 * A table's computed columns over its source's rows ({@code CREATE TABLE t (..., c AS expr)}): each row becomes the
 * table's row, the source columns then the computed ones in declared order. A source that leaves empty slots after its
 * columns for computed columns that all come last (the nexmark source: {@code dateTime} of every event) gets the values
 * written into its own row, which nothing else has seen yet, instead of a second row per event; any other row is
 * projected into a new one.
 */
public final class ComputedColumnsFunction implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Expr[] columns;
    /** The first computed column when the computed columns trail the source's; -1 otherwise (no row is written in place). */
    private final int firstTrailing;

    /**
     * @param columns the table's columns in order, each an expression over the source row (a source column's reads it)
     * @param trailingComputed how many computed columns come after every source column (0: they do not all trail)
     */
    public ComputedColumnsFunction(Expr[] columns, int trailingComputed) {
        this.columns = columns.clone();
        this.firstTrailing = trailingComputed > 0 ? columns.length - trailingComputed : -1;
    }

    @Override
    public Row map(Row row) {
        Expr[] exprs = columns;
        if (firstTrailing >= 0 && row.getArity() == exprs.length) {
            // The source's expressions read only source columns, which sit in the same places of the wider row.
            for (int i = firstTrailing; i < exprs.length; i++) {
                row.setField(i, exprs[i].eval(row));
            }
            return row;
        }
        Row result = new Row(row.getKind(), exprs.length);
        for (int i = 0; i < exprs.length; i++) {
            result.setField(i, exprs[i].eval(row));
        }
        return result;
    }
}
