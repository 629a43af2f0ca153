package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A tumbling window with its size and time attribute; {@link #as(String)} names it. */
public final class TumbleWithSizeOnTime {
    private final Expression time;
    private final Expression size;

    TumbleWithSizeOnTime(Expression time, Expression size) {
        this.time = time;
        this.size = size;
    }

    /** Names the window, for {@code groupBy} and its properties. */
    public TumbleWithSizeOnTimeWithAlias as(String alias) {
        return as(Expressions.$(alias));
    }

    /** Names the window, for {@code groupBy} and its properties. */
    public TumbleWithSizeOnTimeWithAlias as(Expression alias) {
        return new TumbleWithSizeOnTimeWithAlias(alias, time, size);
    }
}
