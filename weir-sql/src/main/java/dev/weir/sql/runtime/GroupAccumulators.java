package dev.weir.sql.runtime;

import java.io.Serializable;

/**
 * One group's state in an unbounded GROUP BY ({@link GroupAggregateFunction}): its accumulators and how many rows
 * they hold, one state value so that a record looks its key up once, with the count unboxed.
 */
final class GroupAccumulators implements Serializable {
    private static final long serialVersionUID = 1L;

    Object[] accumulators;
    long rows;

    GroupAccumulators(Object[] accumulators) {
        this.accumulators = accumulators;
    }
}
