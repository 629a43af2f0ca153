package dev.weir.sql.runtime.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact changelog of the Top-2 of an updating input, row by row: rows are (key, value), ranked by value DESC. */
class RetractableTopNFunctionTest {
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
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new RetractableTopNFunction(byValueDesc, 2, withRowNumber),
                GroupKeySelector.of(new int[] {0}, false));
    }

    private static List<String> drain(OneInputHarness<Row, Row> h) {
        List<String> out = h.extractOutputValues().stream().map(Row::toString).toList();
        h.clearOutput();
        return out;
    }

    @Test
    void anUpdateMovesRowsBetweenRanksAndARetractionLiftsTheNextRowIntoTheTopN() throws Exception {
        try (OneInputHarness<Row, Row> h = harness(true)) {
            h.processElement(Row.of("a", 10L));
            h.processElement(Row.of("a", 20L));
            assertThat(drain(h)).containsExactly("+I[a, 10, 1]", "-U[a, 10, 1]", "+U[a, 20, 1]", "+I[a, 10, 2]");
            h.processElement(Row.of("a", 5L));
            assertThat(drain(h)).as("below the top 2: no change").isEmpty();
            h.processElement(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 10L));
            assertThat(drain(h)).containsExactly("-U[a, 10, 2]", "+U[a, 5, 2]");
            h.processElement(Row.ofKind(RowKind.UPDATE_AFTER, "a", 30L));
            assertThat(drain(h)).containsExactly("-U[a, 20, 1]", "+U[a, 30, 1]", "-U[a, 5, 2]", "+U[a, 20, 2]");
            h.processElement(Row.ofKind(RowKind.DELETE, "a", 30L));
            h.processElement(Row.ofKind(RowKind.DELETE, "a", 20L));
            assertThat(drain(h)).containsExactly("-U[a, 30, 1]", "+U[a, 20, 1]", "-U[a, 20, 2]", "+U[a, 5, 2]",
                    "-U[a, 20, 1]", "+U[a, 5, 1]", "-D[a, 5, 2]");
        }
    }

    @Test
    void withoutTheRowNumberOnlyRowsEnteringOrLeavingTheTopNAreEmitted() throws Exception {
        try (OneInputHarness<Row, Row> h = harness(false)) {
            h.processElement(Row.of("a", 10L));
            h.processElement(Row.of("a", 20L));
            h.processElement(Row.of("a", 5L));
            assertThat(drain(h)).containsExactly("+I[a, 10, null]", "+I[a, 20, null]");
            h.processElement(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 20L));
            h.processElement(Row.ofKind(RowKind.UPDATE_AFTER, "a", 15L));
            assertThat(drain(h)).containsExactly("-D[a, 20, null]", "+I[a, 5, null]", "-D[a, 5, null]", "+I[a, 15, null]");
            h.processElement(Row.ofKind(RowKind.DELETE, "b", 1L));
            assertThat(drain(h)).as("a retraction of a row the key does not hold changes nothing").isEmpty();
        }
    }

    @Test
    void everyLiveRowSurvivesASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Row, Row> h = harness(true)) {
            h.processElement(Row.of("a", 10L));
            h.processElement(Row.of("a", 20L));
            h.processElement(Row.of("a", 5L));
            snapshot = h.snapshot();
        }
        try (OneInputHarness<Row, Row> h = harness(true)) {
            h.restore(snapshot);
            h.processElement(Row.ofKind(RowKind.DELETE, "a", 20L));
            assertThat(drain(h)).containsExactly("-U[a, 20, 1]", "+U[a, 10, 1]", "-U[a, 10, 2]", "+U[a, 5, 2]");
        }
    }
}
