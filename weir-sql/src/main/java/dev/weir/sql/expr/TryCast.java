package dev.weir.sql.expr;

import dev.weir.types.Row;

/**
 * Flink's {@code TRY_CAST(x AS type)}: the value {@link Cast} gives, or NULL where CAST fails (a string that is not a
 * number, date or timestamp, a number out of the target's range), so one malformed field does not fail the job.
 */
final class TryCast extends Expr {
    private static final long serialVersionUID = 1L;

    private final Cast cast;

    TryCast(Cast cast) {
        this.cast = cast;
    }

    @Override
    public Object eval(Row row) {
        try {
            return cast.eval(row);
        } catch (RuntimeException malformed) {
            // NumberFormatException, DateTimeParseException, ArithmeticException: what CAST fails the job with.
            return null;
        }
    }
}
