package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A session window with its gap; {@link #on} names its time attribute. */
public final class SessionWithGap {
    private final Expression gap;

    SessionWithGap(Expression gap) {
        this.gap = gap;
    }

    /** The time attribute the window is defined on. */
    public SessionWithGapOnTime on(Expression timeField) {
        return new SessionWithGapOnTime(timeField, gap);
    }
}
