package dev.weir.sql.expr;

import dev.weir.types.Row;

/** UUID(): a new random (type 4) UUID for every row, as a 36-character string, as Flink's. */
final class RandomUuid extends Expr {
    private static final long serialVersionUID = 1L;

    @Override
    public Object eval(Row row) {
        return java.util.UUID.randomUUID().toString();
    }
}
