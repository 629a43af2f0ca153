package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A complete sliding window: size, slide, time attribute and alias. */
public final class SlideWithSizeAndSlideOnTimeWithAlias extends GroupWindow {
    private final Expression size;
    private final Expression slide;

    SlideWithSizeAndSlideOnTimeWithAlias(Expression alias, Expression timeField, Expression size, Expression slide) {
        super(alias, timeField);
        this.size = size;
        this.slide = slide;
    }

    /** The window's size. */
    public Expression getSize() {
        return size;
    }

    /** How often a window starts. */
    public Expression getSlide() {
        return slide;
    }
}
