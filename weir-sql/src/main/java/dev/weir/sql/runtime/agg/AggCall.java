package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.io.Serializable;

/**
 * One SQL aggregate call (COUNT, SUM, MIN, ...) over one argument column: how its accumulator starts, takes a row,
 * gives a row back (for updating inputs), combines with another, and yields the result. Accumulators are mutable
 * objects owned by one key and window; {@link #merge} returns a new one and leaves both inputs untouched, because the
 * slicing window operator combines the same slice into several windows.
 */
public abstract class AggCall implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The argument column, or -1 for COUNT(*). */
    protected final int arg;
    /** Rows whose filter column (FILTER (WHERE ...)) is not TRUE are skipped; -1 for none. */
    protected final int filterArg;

    protected AggCall(int arg, int filterArg) {
        this.arg = arg;
        this.filterArg = filterArg;
    }

    public abstract Object createAccumulator();

    /** Adds the row's argument to {@code acc}, returning the accumulator (the same object or a replacement). */
    public abstract Object accumulate(Object acc, Row row);

    /** Takes the row's argument back out of {@code acc}; only aggregates that {@link #canRetract()} support it. */
    public Object retract(Object acc, Row row) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot retract");
    }

    public boolean canRetract() {
        return true;
    }

    /** A new accumulator holding both {@code a} and {@code b}. */
    public abstract Object merge(Object a, Object b);

    public abstract Object result(Object acc);

    /**
     * The result, as {@link #result(Object)}, but {@code previous} itself (this call's last result, or null) when it is
     * the same value, so that a GROUP BY's unchanged columns box nothing per row.
     */
    public Object result(Object acc, Object previous) {
        return result(acc);
    }

    /** {@code previous} when it is the {@code Long} {@code value}, else {@code value} boxed. */
    protected static Object sameOrBoxed(long value, Object previous) {
        return previous instanceof Long && (Long) previous == value ? previous : (Object) value;
    }

    /** False when the row is filtered out by the call's FILTER clause. */
    protected final boolean applies(Row row) {
        return filterArg < 0 || Boolean.TRUE.equals(row.getField(filterArg));
    }
}
