package dev.weir.sql.runtime;

import static dev.weir.sql.runtime.ChangelogDrain.drain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.sql.runtime.rank.SortKeyComparator;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The temporal sort row by row: rows are (time, name), ordered by time, then by name descending. */
class TimeSortFunctionTest {
    private static OneInputHarness<Row, Row> harness() throws Exception {
        SortKeyComparator byNameDesc = new SortKeyComparator(new Expr[] {ColumnExprs.column(1)}, new boolean[] {true},
                new boolean[] {false});
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new TimeSortFunction(0, byNameDesc),
                new ExprKeySelector(new Expr[0]));
    }

    @Test
    void rowsWaitForTheWatermarkThenLeaveByTimeAndByTheFurtherKey() throws Exception {
        try (OneInputHarness<Row, Row> h = harness()) {
            h.processElement(Row.of(20L, "a"), 20L);
            h.processElement(Row.of(10L, "a"), 10L);
            h.processElement(Row.of(20L, "c"), 20L);
            h.processElement(Row.of(10L, "b"), 10L);
            assertThat(drain(h)).isEmpty();
            h.processWatermark(15L);
            assertThat(drain(h)).containsExactly("+I[10, b]", "+I[10, a]");
            h.processWatermark(20L);
            assertThat(drain(h)).containsExactly("+I[20, c]", "+I[20, a]");
        }
    }

    @Test
    void aRowAtOrBeforeATimeAlreadyEmittedIsDropped() throws Exception {
        try (OneInputHarness<Row, Row> h = harness()) {
            h.processElement(Row.of(10L, "a"), 10L);
            h.processWatermark(10L);
            h.processElement(Row.of(10L, "late"), 10L);
            h.processElement(Row.of(5L, "later"), 5L);
            h.processElement(Row.of(11L, "b"), 11L);
            h.processWatermark(30L);
            assertThat(drain(h)).containsExactly("+I[10, a]", "+I[11, b]");
        }
    }

    @Test
    void theWaitingRowsSurviveASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Row, Row> h = harness()) {
            h.processElement(Row.of(10L, "a"), 10L);
            h.processWatermark(10L);
            h.processElement(Row.of(30L, "x"), 30L);
            h.processElement(Row.of(20L, "y"), 20L);
            assertThat(drain(h)).containsExactly("+I[10, a]");
            snapshot = h.snapshot();
        }
        try (OneInputHarness<Row, Row> h = harness()) {
            h.restore(snapshot);
            h.processElement(Row.of(10L, "late after restore"), 10L);
            h.processElement(Row.of(20L, "z"), 20L);
            h.processWatermark(40L);
            assertThat(drain(h)).containsExactly("+I[20, z]", "+I[20, y]", "+I[30, x]");
        }
    }

    @Test
    void manyRowsOfOneTimeLeaveInArrivalOrderAcrossASnapshotTakenWhileTheyGrow() throws Exception {
        HarnessSnapshot snapshot;
        List<String> expected = new ArrayList<>();
        try (OneInputHarness<Row, Row> h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new TimeSortFunction(0, null),
                new ExprKeySelector(new Expr[0]))) {
            for (int i = 0; i < 5; i++) {
                h.processElement(Row.of(10L, "r" + i), 10L);
                expected.add("+I[10, r" + i + "]");
            }
            snapshot = h.snapshot();
        }
        try (OneInputHarness<Row, Row> h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new TimeSortFunction(0, null),
                new ExprKeySelector(new Expr[0]))) {
            h.restore(snapshot);
            for (int i = 5; i < 1000; i++) {
                h.processElement(Row.of(10L, "r" + i), 10L);
                expected.add("+I[10, r" + i + "]");
            }
            h.processWatermark(10L);
            assertThat(drain(h)).containsExactlyElementsOf(expected);
        }
    }
}
