package dev.weir.sql.runtime.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.types.Row;
import org.junit.jupiter.api.Test;

/** COUNT(DISTINCT x) over an insert-only input: each value counted once, whatever its type, through growth and merges. */
class InsertOnlyCountDistinctTest {
    private static Object add(AggCall call, Object acc, Object... values) {
        for (Object v : values) {
            acc = call.accumulate(acc, Row.of(v, true));
        }
        return acc;
    }

    @Test
    void integersAreCountedOnceIncludingZeroNegativesAndTheExtremes() {
        AggCall call = new InsertOnlyCountDistinct(0, -1, true);
        Object acc = add(call, call.createAccumulator(), 0L, 0L, -1L, 7L, 7L, Long.MIN_VALUE, Long.MAX_VALUE, null, -1L);
        assertThat(call.result(acc)).isEqualTo(5L);
        AggCall ints = new InsertOnlyCountDistinct(0, -1, true);
        assertThat(ints.result(add(ints, ints.createAccumulator(), 3, 3, (Integer) null, 4))).isEqualTo(2L);
    }

    @Test
    void aHundredThousandValuesEachAddedTwiceCountAHundredThousand() {
        AggCall call = new InsertOnlyCountDistinct(0, -1, true);
        Object acc = call.createAccumulator();
        for (int round = 0; round < 2; round++) {
            for (long v = 0; v < 100_000; v++) {
                acc = call.accumulate(acc, Row.of(v * 1_000_003L, true));
            }
        }
        assertThat(call.result(acc)).isEqualTo(100_000L);
    }

    @Test
    void rowsOutsideTheFilterAreNotCounted() {
        AggCall call = new InsertOnlyCountDistinct(0, 1, true);
        Object acc = call.accumulate(call.createAccumulator(), Row.of(1L, true));
        acc = call.accumulate(acc, Row.of(2L, false));
        acc = call.accumulate(acc, Row.of(3L, null));
        assertThat(call.result(acc)).isEqualTo(1L);
    }

    @Test
    void stringsAreCountedOnce() {
        AggCall call = new InsertOnlyCountDistinct(0, -1, false);
        assertThat(call.result(add(call, call.createAccumulator(), "a", "b", "a", null))).isEqualTo(2L);
    }

    @Test
    void mergingCountsTheUnionAndLeavesBothAccumulatorsAsTheyWere() {
        for (boolean integers : new boolean[] {true, false}) {
            AggCall call = new InsertOnlyCountDistinct(0, -1, integers);
            Object a = integers ? add(call, call.createAccumulator(), 0L, 1L, 2L) : add(call, call.createAccumulator(), "0", "1", "2");
            Object b = integers ? add(call, call.createAccumulator(), 2L, 3L) : add(call, call.createAccumulator(), "2", "3");
            assertThat(call.result(call.merge(a, b))).isEqualTo(4L);
            assertThat(call.result(a)).isEqualTo(3L);
            assertThat(call.result(b)).isEqualTo(2L);
        }
    }
}
