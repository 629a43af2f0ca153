package dev.weir.sql.runtime;

import java.io.Serializable;

/**
 * One group's state in an unbounded GROUP BY ({@link GroupAggregateFunction}): its accumulators and how many rows
 * they hold, one state value so that a record looks its key up once, with the count unboxed, and the result last
 * emitted.
 */
final class GroupAccumulators implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One accumulator per call ({@link dev.weir.sql.runtime.agg.SqlAggregate}); null when {@link #longs} holds them. */
    Object[] accumulators;
    /** All calls' accumulators in one array ({@link dev.weir.sql.runtime.agg.LongAggregate}), or null. */
    long[] longs;
    long rows;
    /**
     * The result last emitted for the group, so that the next row's {@code -U} needs no second evaluation; null when
     * unknown (never emitted, or after a restore: it is not checkpointed, being a function of the accumulators).
     */
    transient Object[] result;

    GroupAccumulators(Object[] accumulators) {
        this.accumulators = accumulators;
    }

    GroupAccumulators(long[] longs) {
        this.longs = longs;
    }
}
