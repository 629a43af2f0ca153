package dev.weir.sql.runtime.agg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.types.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MIN and MAX over an updating input: retracting the current extreme leaves the next one, as Flink's WithRetract functions. */
class RetractingExtremesTest {
    private static final Extremes.MinMax MAX = new Extremes.MinMax(0, -1, true);
    private static final Extremes.MinMax MIN = new Extremes.MinMax(0, -1, false);

    /** The call's result after each step: {@code +v} accumulates v, {@code -v} retracts it. */
    private static List<Object> results(Extremes.MinMax call, Object... steps) {
        Object acc = call.createAccumulator();
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < steps.length; i += 2) {
            Row row = Row.of(steps[i + 1]);
            acc = steps[i].equals("+") ? call.accumulate(acc, row) : call.retract(acc, row);
            results.add(call.result(acc));
        }
        return results;
    }

    @Test
    void retractingTheMaximumLeavesTheNextLargestAndADuplicateKeepsItUntilBothGo() {
        assertThat(results(MAX, "+", 5L, "+", 3L, "+", 9L, "+", 5L, "-", 9L, "-", 5L, "-", 5L, "-", 3L, "+", 4L))
                .containsExactly(5L, 5L, 9L, 9L, 5L, 5L, 3L, null, 4L);
    }

    @Test
    void retractingTheMinimumLeavesTheNextSmallestForIntegersOfEveryWidth() {
        assertThat(results(MIN, "+", 7, "+", 2, "+", 2, "+", 8, "-", 2, "-", 2, "-", 7)).containsExactly(7, 2, 2, 2, 2, 7, 8);
        assertThat(results(MIN, "+", (short) 3, "+", (short) -1, "-", (short) -1)).containsExactly((short) 3, (short) -1, (short) 3);
    }

    @Test
    void stringsAndDecimalsAreOrderedByTheirNaturalOrder() {
        assertThat(results(MAX, "+", "b", "+", "c", "+", "a", "-", "c", "-", "b")).containsExactly("b", "c", "c", "b", "a");
        assertThat(results(MIN, "+", new BigDecimal("1.50"), "+", new BigDecimal("0.25"), "-", new BigDecimal("0.25")))
                .containsExactly(new BigDecimal("1.50"), new BigDecimal("0.25"), new BigDecimal("1.50"));
    }

    @Test
    void nullsAndRetractionsOfValuesNeverHeldChangeNothing() {
        assertThat(results(MAX, "+", 4L, "+", null, "-", 6L, "-", null)).containsExactly(4L, 4L, 4L, 4L);
    }

    @Test
    void manyDistinctValuesRetractedFromTheTopEachLeaveTheNextOne() {
        Object acc = MAX.createAccumulator();
        for (long v = 0; v < 1000; v++) {
            acc = MAX.accumulate(acc, Row.of((v * 7919) % 1000));
        }
        for (long v = 999; v > 0; v--) {
            acc = MAX.retract(acc, Row.of(v));
            assertThat(MAX.result(acc)).isEqualTo(v - 1);
        }
    }

    @Test
    void mergingTwoAccumulatorsCountsTheValuesOfBoth() {
        Object a = MIN.accumulate(MIN.accumulate(MIN.createAccumulator(), Row.of(3L)), Row.of(1L));
        Object b = MIN.accumulate(MIN.createAccumulator(), Row.of(1L));
        Object merged = MIN.merge(a, b);
        assertThat(MIN.result(MIN.retract(merged, Row.of(1L)))).isEqualTo(1L);
        assertThat(MIN.result(MIN.retract(merged, Row.of(1L)))).isEqualTo(3L);
        assertThat(MIN.result(a)).isEqualTo(1L);
    }
}
