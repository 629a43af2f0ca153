package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** Session group windows: a window per burst of activity, closed by a gap ({@code Session.withGap(lit(10).minutes())}). */
public final class Session {
    private Session() {
    }

    /** A session window closed by {@code gap} of inactivity. */
    public static SessionWithGap withGap(Expression gap) {
        return new SessionWithGap(gap);
    }
}
