package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A tumbling window with its size; {@link #on} names its time attribute. */
public final class TumbleWithSize {
    private final Expression size;

    TumbleWithSize(Expression size) {
        this.size = size;
    }

    /** The time attribute the window is defined on. */
    public TumbleWithSizeOnTime on(Expression timeField) {
        return new TumbleWithSizeOnTime(timeField, size);
    }
}
