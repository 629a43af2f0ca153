package dev.weir.sql.runtime.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.types.Row;
import org.junit.jupiter.api.Test;

/**
 * Insert-only COUNT(DISTINCT x) calls over one integer column share one table in a {@link SqlAggregate}, each call still
 * counting exactly the values of the rows its own FILTER lets through, as separate calls would.
 */
class SharedCountDistinctTest {
    /** Columns: 0 bidder, 1 auction, 2 price < 10 (the first FILTER), 3 price >= 10 (the second). */
    private static Row bid(long bidder, Long auction, long price) {
        return Row.of(bidder, auction, price < 10, price >= 10);
    }

    private static Object[] add(SqlAggregate aggregate, Object[] acc, Row... rows) {
        for (Row row : rows) {
            acc = aggregate.add(row, acc);
        }
        return acc;
    }

    /** q16's shape: COUNT(DISTINCT bidder), ... FILTER (price < 10), ... FILTER (price >= 10), and the same over auction. */
    private static SqlAggregate q16Shape() {
        return new SqlAggregate(new AggCall[] {
            new InsertOnlyCountDistinct(0, -1, true), new InsertOnlyCountDistinct(0, 2, true), new InsertOnlyCountDistinct(0, 3, true),
            new InsertOnlyCountDistinct(1, -1, true), new InsertOnlyCountDistinct(1, 2, true), new InsertOnlyCountDistinct(1, 3, true),
        });
    }

    @Test
    void eachFilteredCallCountsTheDistinctValuesOfTheRowsItsFilterLetsThrough() {
        SqlAggregate aggregate = q16Shape();
        Object[] acc = add(aggregate, aggregate.createAccumulator(),
                bid(1, 100L, 5), bid(1, 100L, 50), bid(2, 100L, 5), bid(0, 0L, 5), bid(0, 0L, 7), bid(-3, null, 60),
                bid(Long.MIN_VALUE, 101L, 11), bid(2, 101L, 4));
        // bidders: all {1, 2, 0, -3, MIN} cheap {1, 2, 0} dear {1, -3, MIN}; auctions (null skipped): all {100, 0, 101}
        // cheap {100, 0, 101} dear {100, 101}
        assertThat(aggregate.getResult(acc)).containsExactly(5L, 3L, 3L, 3L, 3L, 2L);
        assertThat(acc[1]).as("the second call over bidder keeps no table of its own").isNull();
        assertThat(acc[4]).isNull();
    }

    @Test
    void aValueSeenFirstOutsideACallsFilterIsCountedWhenARowInsideItBringsItAgain() {
        SqlAggregate aggregate = q16Shape();
        Object[] acc = add(aggregate, aggregate.createAccumulator(), bid(7, 1L, 50), bid(7, 1L, 50));
        assertThat(aggregate.getResult(acc)).containsExactly(1L, 0L, 1L, 1L, 0L, 1L);
        acc = add(aggregate, acc, bid(7, 1L, 5), bid(7, 1L, 6));
        assertThat(aggregate.getResult(acc)).containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
    }

    @Test
    void aHundredThousandValuesThroughTheTablesGrowthAreEachCountedOncePerCall() {
        SqlAggregate aggregate = q16Shape();
        Object[] acc = aggregate.createAccumulator();
        for (int round = 0; round < 2; round++) {
            for (long v = 0; v < 100_000; v++) {
                acc = aggregate.add(bid(v * 1_000_003L, v % 1000, v % 2 == 0 ? 1 : 20), acc);
            }
        }
        assertThat(aggregate.getResult(acc)).containsExactly(100_000L, 50_000L, 50_000L, 1_000L, 500L, 500L);
    }

    @Test
    void moreThanEightCallsOverOneColumnAreCountedAlike() {
        AggCall[] calls = new AggCall[10];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = new InsertOnlyCountDistinct(0, i % 2 == 0 ? 2 : 3, true);
        }
        SqlAggregate aggregate = new SqlAggregate(calls);
        Object[] acc = add(aggregate, aggregate.createAccumulator(), bid(1, 1L, 5), bid(2, 1L, 5), bid(3, 1L, 50));
        assertThat(aggregate.getResult(acc)).containsExactly(2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L, 2L, 1L);
    }

    @Test
    void mergingCountsEachCallsUnionAndLeavesBothAccumulatorsAsTheyWere() {
        SqlAggregate aggregate = q16Shape();
        Object[] a = add(aggregate, aggregate.createAccumulator(), bid(1, 10L, 5), bid(2, 10L, 50));
        Object[] b = add(aggregate, aggregate.createAccumulator(), bid(2, 11L, 5), bid(0, 10L, 50));
        assertThat(aggregate.getResult(aggregate.merge(a, b))).containsExactly(3L, 2L, 2L, 2L, 2L, 1L);
        assertThat(aggregate.getResult(a)).containsExactly(2L, 1L, 1L, 1L, 1L, 1L);
        assertThat(aggregate.getResult(b)).containsExactly(2L, 1L, 1L, 2L, 1L, 1L);
    }

    @Test
    void aResultGivenThePreviousOneKeepsItsValueObjectsWhereTheyDidNotChange() {
        SqlAggregate aggregate = new SqlAggregate(new AggCall[] {
            new Counts.Count(-1, -1), new InsertOnlyCountDistinct(0, -1, true), new InsertOnlyCountDistinct(0, 2, true)});
        Object[] acc = add(aggregate, aggregate.createAccumulator(), bid(1_000, 1L, 5), bid(2_000, 1L, 50));
        Object[] previous = aggregate.getResult(acc);
        acc = add(aggregate, acc, bid(2_000, 1L, 60));
        Object[] next = aggregate.getResult(acc, previous);
        assertThat(next).containsExactly(3L, 2L, 1L);
        assertThat(next[1]).isSameAs(previous[1]);
        assertThat(next[2]).isSameAs(previous[2]);
    }
}
