package dev.weir.sql.runtime.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.TwoInputHarness;
import dev.weir.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The interval join row by row: rows are (key, time, value); a left row at l joins a right row at r when
 * {@code -10 <= l - r <= 5}.
 */
class IntervalJoinFunctionTest {
    private static TwoInputHarness<Row, Row, Row> harness(boolean leftOuter, boolean rightOuter) {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new IntervalJoinFunction(leftOuter, rightOuter, new boolean[] {true}, 3, 3, 1, 1, -10, 5, null),
                new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}));
    }

    private static List<String> drain(TwoInputHarness<Row, Row, Row> h) {
        List<String> out = h.extractOutputValues().stream().map(Row::toString).toList();
        h.clearOutput();
        return out;
    }

    @Test
    void rowsJoinWithinTheBoundsFromEitherSideAndNotOutside() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false, false)) {
            h.processElement1(Row.of("a", 100L, "l100"), 100);
            h.processElement2(Row.of("a", 95L, "r95"), 95);
            h.processElement2(Row.of("a", 110L, "r110"), 110);
            h.processElement2(Row.of("a", 111L, "r111"), 111);
            h.processElement2(Row.of("a", 94L, "r94"), 94);
            assertThat(drain(h)).containsExactly("+I[a, 100, l100, a, 95, r95]", "+I[a, 100, l100, a, 110, r110]");
        }
    }

    @Test
    void aLeftOuterRowWithoutMatchIsEmittedPaddedOnceTheWatermarkClosesItsInterval() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, false)) {
            h.processElement1(Row.of("a", 100L, "l100"), 100);
            h.processWatermark(109);
            assertThat(drain(h)).as("a right row at 110 could still join").isEmpty();
            h.processWatermark(110);
            assertThat(drain(h)).containsExactly("+I[a, 100, l100, null, null, null]");
            h.processElement2(Row.of("a", 111L, "r111"), 111);
            assertThat(drain(h)).isEmpty();
        }
    }

    @Test
    void aMatchedOuterRowIsNotPaddedAndStateIsDroppedAfterTheInterval() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, true)) {
            h.processElement1(Row.of("a", 100L, "l100"), 100);
            h.processElement2(Row.of("a", 98L, "r98"), 98);
            h.processElement2(Row.of("b", 98L, "r98"), 98);
            assertThat(drain(h)).containsExactly("+I[a, 100, l100, a, 98, r98]");
            h.processWatermark(200);
            assertThat(drain(h)).containsExactly("+I[null, null, null, b, 98, r98]");
            assertThat(h.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void aRowLateForEveryPossibleMatchOfAnOuterSideIsEmittedPaddedAtOnce() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, false)) {
            h.processWatermark(500);
            h.processElement1(Row.of("a", 100L, "late"), 100);
            assertThat(drain(h)).containsExactly("+I[a, 100, late, null, null, null]");
        }
    }
}
