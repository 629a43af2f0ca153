package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A sliding window with its size; {@link #every} gives the slide. */
public final class SlideWithSize {
    private final Expression size;

    SlideWithSize(Expression size) {
        this.size = size;
    }

    /** How often a window starts. */
    public SlideWithSizeAndSlide every(Expression slide) {
        return new SlideWithSizeAndSlide(size, slide);
    }
}
