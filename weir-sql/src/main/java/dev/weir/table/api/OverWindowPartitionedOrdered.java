package dev.weir.table.api;

import dev.weir.table.expressions.Expression;
import java.util.List;

/** An ordered over window; without {@link #preceding} it spans every earlier row ({@code UNBOUNDED_RANGE}). */
public final class OverWindowPartitionedOrdered {
    private final List<Expression> partitionBy;
    private final Expression orderBy;

    OverWindowPartitionedOrdered(List<Expression> partitionBy, Expression orderBy) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
    }

    /** The window's start: {@code UNBOUNDED_RANGE}, {@code UNBOUNDED_ROW}, an interval or {@code lit(n).rows()}. */
    public OverWindowPartitionedOrderedPreceding preceding(Expression preceding) {
        return new OverWindowPartitionedOrderedPreceding(partitionBy, orderBy, preceding);
    }

    /** Names the window, for {@code over($("w"))}. */
    public OverWindow as(String alias) {
        return as(Expressions.$(alias));
    }

    /** Names the window, for {@code over($("w"))}. */
    public OverWindow as(Expression alias) {
        return new OverWindow(alias, partitionBy, orderBy, Expressions.UNBOUNDED_RANGE, null);
    }
}
