package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/** A sliding window with size, slide and time attribute; {@link #as(String)} names it. */
public final class SlideWithSizeAndSlideOnTime {
    private final Expression timeField;
    private final Expression size;
    private final Expression slide;

    SlideWithSizeAndSlideOnTime(Expression timeField, Expression size, Expression slide) {
        this.timeField = timeField;
        this.size = size;
        this.slide = slide;
    }

    /** Names the window, for {@code groupBy} and its properties. */
    public SlideWithSizeAndSlideOnTimeWithAlias as(String alias) {
        return as(Expressions.$(alias));
    }

    /** Names the window, for {@code groupBy} and its properties. */
    public SlideWithSizeAndSlideOnTimeWithAlias as(Expression alias) {
        return new SlideWithSizeAndSlideOnTimeWithAlias(alias, timeField, size, slide);
    }
}
