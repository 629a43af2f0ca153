package dev.weir.table.api;

import dev.weir.table.expressions.Expression;

/**
 * Over windows of the Table API: {@code Over.partitionBy($("a")).orderBy($("rowtime")).preceding(UNBOUNDED_RANGE).as("w")},
 * passed to {@link Table#window(OverWindow...)}.
 */
public final class Over {
    private Over() {
    }

    /** Partitions the rows by {@code partitionBy}. */
    public static OverWindowPartitioned partitionBy(Expression... partitionBy) {
        return new OverWindowPartitioned(java.util.List.of(partitionBy));
    }

    /** An unpartitioned over window ordered by the time attribute {@code orderBy}. */
    public static OverWindowPartitionedOrdered orderBy(Expression orderBy) {
        return new OverWindowPartitionedOrdered(java.util.List.of(), orderBy);
    }
}
