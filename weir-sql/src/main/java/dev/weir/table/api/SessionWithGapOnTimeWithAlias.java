package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A complete session window: gap, time attribute and alias. */
public final class SessionWithGapOnTimeWithAlias extends GroupWindow {
    private final Expression gap;

    SessionWithGapOnTimeWithAlias(Expression alias, Expression timeField, Expression gap) {
        super(alias, timeField);
        this.gap = gap;
    }

    /** The inactivity that closes a session. */
    public Expression getGap() {
        return gap;
    }
}
