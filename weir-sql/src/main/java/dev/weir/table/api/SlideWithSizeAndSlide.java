package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A sliding window with its size and slide; {@link #on} names its time attribute. */
public final class SlideWithSizeAndSlide {
    private final Expression size;
    private final Expression slide;

    SlideWithSizeAndSlide(Expression size, Expression slide) {
        this.size = size;
        this.slide = slide;
    }

    /** The time attribute the window is defined on. */
    public SlideWithSizeAndSlideOnTime on(Expression timeField) {
        return new SlideWithSizeAndSlideOnTime(timeField, size, slide);
    }
}
