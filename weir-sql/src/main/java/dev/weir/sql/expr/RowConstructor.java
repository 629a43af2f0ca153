package dev.weir.sql.expr;

import dev.weir.types.Row;

/**
 * The value constructor {@code ROW(a, b, ..)} (and the implicit {@code (a, b)}): a new row of its arguments' values in
 * internal form, NULL fields included; the row itself is never NULL, as in Flink.
 */
final class RowConstructor extends Expr {
    private static final long serialVersionUID = 1L;
    private final Expr[] fields;

    RowConstructor(Expr[] fields) {
        this.fields = fields;
    }

    @Override
    public Object eval(Row row) {
        // A new row per call: it is a value that may outlive this record (in state, in a sink's buffer).
        Row out = new Row(fields.length);
        for (int i = 0; i < fields.length; i++) {
            out.setField(i, fields[i].eval(row));
        }
        return out;
    }
}
