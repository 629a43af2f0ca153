package dev.weir.sql.expr;

import java.io.Serializable;

/**
 * The current watermark of the operator evaluating an expression, as {@code CURRENT_WATERMARK} reads it: the operator
 * writes it before each row, the expression reads it, and neither allocates. Each parallel instance has its own,
 * because the function holding it (and its expressions) is copied per subtask.
 */
public final class OperatorWatermark implements Serializable {
    private static final long serialVersionUID = 1L;

    // Long.MIN_VALUE: no watermark yet, as a task's watermark starts.
    private long value = Long.MIN_VALUE;

    /** Records the operator's current watermark; called before the row is evaluated. */
    public void set(long watermark) {
        this.value = watermark;
    }

    long get() {
        return value;
    }
}
