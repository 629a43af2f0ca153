package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** Tumbling group windows: fixed-size, non-overlapping windows of time ({@code Tumble.over(lit(10).minutes())}). */
public final class Tumble {
    private Tumble() {
    }

    /** A tumbling window of {@code size}, an interval. */
    public static TumbleWithSize over(Expression size) {
        return new TumbleWithSize(size);
    }
}
