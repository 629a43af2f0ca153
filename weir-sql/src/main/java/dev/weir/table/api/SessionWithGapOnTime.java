package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A session window with its gap and time attribute; {@link #as(String)} names it. */
public final class SessionWithGapOnTime {
    private final Expression timeField;
    private final Expression gap;

    SessionWithGapOnTime(Expression timeField, Expression gap) {
        this.timeField = timeField;
        this.gap = gap;
    }

    /** Names the window, for {@code groupBy} and its properties. */
    public SessionWithGapOnTimeWithAlias as(String alias) {
        return as(Expressions.$(alias));
    }

    /** Names the window, for {@code groupBy} and its properties. */
    public SessionWithGapOnTimeWithAlias as(Expression alias) {
        return new SessionWithGapOnTimeWithAlias(alias, timeField, gap);
    }
}
