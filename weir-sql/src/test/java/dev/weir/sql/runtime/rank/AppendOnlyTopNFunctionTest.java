package dev.weir.sql.runtime.rank;

import static dev.weir.sql.runtime.ChangelogDrain.drain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import org.junit.jupiter.api.Test;

/**
 * The exact changelog of the Top-3 of an insert-only input, row by row: rows are (key, value, tag), ranked by value
 * DESC, ties in arrival order.
 */
class AppendOnlyTopNFunctionTest {
    private static final class Value extends Expr {
        private static final long serialVersionUID = 1L;

        @Override
        public Object eval(Row row) {
            return row.getField(1);
        }
    }

    private static OneInputHarness<Row, Row> harness(boolean withRowNumber) throws Exception {
        SortKeyComparator byValueDesc = new SortKeyComparator(new Expr[] {new Value()}, new boolean[] {true},
                new boolean[] {false});
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new AppendOnlyTopNFunction(byValueDesc, 3, withRowNumber),
                GroupKeySelector.of(new int[] {0}, false));
    }

    @Test
    void withTheRowNumberEveryRankBelowANewRowChangesHolderAndARankNewlyFilledIsInserted() throws Exception {
        try (OneInputHarness<Row, Row> h = harness(true)) {
            h.processElement(Row.of("a", 10L, "p"));
            h.processElement(Row.of("a", 30L, "q"));
            assertThat(drain(h)).containsExactly("+I[a, 10, p, 1]", "-U[a, 10, p, 1]", "+U[a, 30, q, 1]",
                    "+I[a, 10, p, 2]");
            h.processElement(Row.of("a", 10L, "r"));
            assertThat(drain(h)).as("a tie ranks after the rows already there").containsExactly("+I[a, 10, r, 3]");
            h.processElement(Row.of("a", 20L, "s"));
            assertThat(drain(h)).as("the full list pushes out its last row without a message for it").containsExactly(
                    "-U[a, 10, p, 2]", "+U[a, 20, s, 2]", "-U[a, 10, r, 3]", "+U[a, 10, p, 3]");
            h.processElement(Row.of("a", 10L, "t"));
            h.processElement(Row.of("a", 5L, "u"));
            h.processElement(Row.of("b", 1L, "v"));
            assertThat(drain(h)).as("no better than the third: nothing").containsExactly("+I[b, 1, v, 1]");
        }
    }

    @Test
    void withoutTheRowNumberTheRowPushedOutIsDeletedAndTheNewOneInserted() throws Exception {
        try (OneInputHarness<Row, Row> h = harness(false)) {
            h.processElement(Row.of("a", 10L, "p"));
            h.processElement(Row.of("a", 30L, "q"));
            h.processElement(Row.of("a", 20L, "r"));
            assertThat(drain(h)).containsExactly("+I[a, 10, p, null]", "+I[a, 30, q, null]", "+I[a, 20, r, null]");
            h.processElement(Row.of("a", 25L, "s"));
            assertThat(drain(h)).containsExactly("-D[a, 10, p, null]", "+I[a, 25, s, null]");
            h.processElement(Row.of("a", 20L, "t"));
            assertThat(drain(h)).isEmpty();
        }
    }

    @Test
    void theTopRowsSurviveASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Row, Row> h = harness(true)) {
            h.processElement(Row.of("a", 10L, "p"));
            h.processElement(Row.of("a", 30L, "q"));
            snapshot = h.snapshot();
        }
        try (OneInputHarness<Row, Row> h = harness(true)) {
            h.restore(snapshot);
            h.processElement(Row.of("a", 20L, "r"));
            assertThat(drain(h)).containsExactly("-U[a, 10, p, 2]", "+U[a, 20, r, 2]", "+I[a, 10, p, 3]");
        }
    }
}
