package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** Sliding group windows: fixed-size windows every slide ({@code Slide.over(lit(10).minutes()).every(lit(5).minutes())}). */
public final class Slide {
    private Slide() {
    }

    /** A sliding window of {@code size}, an interval. */
    public static SlideWithSize over(Expression size) {
        return new SlideWithSize(size);
    }
}
