package dev.weir.sql.expr;

import dev.weir.types.Row;

/**
 * CURRENT_WATERMARK(rowtime): the operator's current watermark in epoch milliseconds (the rowtime's internal form),
 * or NULL while the operator has had no watermark, as in Flink.
 */
final class CurrentWatermark extends Expr {
    private static final long serialVersionUID = 1L;

    private final OperatorWatermark watermark;

    CurrentWatermark(OperatorWatermark watermark) {
        this.watermark = watermark;
    }

    @Override
    public Object eval(Row row) {
        long value = watermark.get();
        return value == Long.MIN_VALUE ? null : value;
    }
}
