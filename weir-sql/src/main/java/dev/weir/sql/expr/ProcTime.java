package dev.weir.sql.expr;

import dev.weir.types.Row;

/**
 * PROCTIME(): the wall-clock time in epoch milliseconds (TIMESTAMP_LTZ's internal form), read when the row is
 * evaluated, as Flink materializes a processing-time attribute.
 */
final class ProcTime extends Expr {
    private static final long serialVersionUID = 1L;

    @Override
    public Object eval(Row row) {
        return System.currentTimeMillis();
    }
}
