package dev.weir.table.api;

import dev.weir.table.expressions.Expression;
import java.util.List;
import java.util.Optional;

/** A complete over window: partitioning, order, bounds and alias. */
public final class OverWindow {
    private final Expression alias;
    private final List<Expression> partitioning;
    private final Expression order;
    private final Expression preceding;
    private final Expression following;

    OverWindow(Expression alias, List<Expression> partitioning, Expression order, Expression preceding, Expression following) {
        this.alias = alias;
        this.partitioning = List.copyOf(partitioning);
        this.order = order;
        this.preceding = preceding;
        this.following = following;
    }

    public Expression getAlias() {
        return alias;
    }

    public List<Expression> getPartitioning() {
        return partitioning;
    }

    public Expression getOrder() {
        return order;
    }

    public Expression getPreceding() {
        return preceding;
    }

    /** The window's end; empty means the current row (or range). */
    public Optional<Expression> getFollowing() {
        return Optional.ofNullable(following);
    }
}
