package dev.weir.table.api;

import dev.weir.table.expressions.Expression;
import java.util.List;

/** A partitioned over window; {@link #orderBy} gives its order, a time attribute. */
public final class OverWindowPartitioned {
    private final List<Expression> partitionBy;

    OverWindowPartitioned(List<Expression> partitionBy) {
        this.partitionBy = partitionBy;
    }

    /** Orders each partition by the time attribute {@code orderBy}. */
    public OverWindowPartitionedOrdered orderBy(Expression orderBy) {
        return new OverWindowPartitionedOrdered(partitionBy, orderBy);
    }
}
