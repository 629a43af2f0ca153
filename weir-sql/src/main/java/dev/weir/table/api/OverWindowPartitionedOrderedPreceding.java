package dev.weir.table.api;

import dev.weir.table.expressions.Expression;
import java.util.List;

/** An over window with its start; {@link #following} sets its end (the current row by default). */
public final class OverWindowPartitionedOrderedPreceding {
    private final List<Expression> partitionBy;
    private final Expression orderBy;
    private final Expression preceding;
    private Expression following;

    OverWindowPartitionedOrderedPreceding(List<Expression> partitionBy, Expression orderBy, Expression preceding) {
        this.partitionBy = partitionBy;
        this.orderBy = orderBy;
        this.preceding = preceding;
    }

    /** The window's end: {@code CURRENT_ROW} or {@code CURRENT_RANGE}. */
    public OverWindowPartitionedOrderedPreceding following(Expression following) {
        this.following = following;
        return this;
    }

    /** Names the window, for {@code over($("w"))}. */
    public OverWindow as(String alias) {
        return as(Expressions.$(alias));
    }

    /** Names the window, for {@code over($("w"))}. */
    public OverWindow as(Expression alias) {
        return new OverWindow(alias, partitionBy, orderBy, preceding, following);
    }
}
