package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A complete tumbling window: size, time attribute and alias. */
public final class TumbleWithSizeOnTimeWithAlias extends GroupWindow {
    private final Expression size;

    TumbleWithSizeOnTimeWithAlias(Expression alias, Expression timeField, Expression size) {
        super(alias, timeField);
        this.size = size;
    }

    /** The window's size. */
    public Expression getSize() {
        return size;
    }
}
