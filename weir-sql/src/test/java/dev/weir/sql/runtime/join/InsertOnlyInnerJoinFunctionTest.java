package dev.weir.sql.runtime.join;

import static dev.weir.sql.runtime.ChangelogDrain.drain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.TwoInputHarness;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inner join of insert-only inputs row by row: rows are (key, value) on both sides. */
class InsertOnlyInnerJoinFunctionTest {
    private static TwoInputHarness<Row, Row, Row> harness(Expr condition, Duration ttl) {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new InsertOnlyInnerJoinFunction(new boolean[] {true}, 2, 2, condition, ttl),
                GroupKeySelector.of(new int[] {0}, false), GroupKeySelector.of(new int[] {0}, false));
    }

    @Test
    void eachRowJoinsEveryEarlierRowOfTheOtherSideUnderItsKeyDuplicatesIncluded() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement1(Row.of("a", 1));
            h.processElement1(Row.of("b", 9));
            assertThat(drain(h)).isEmpty();
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]", "+I[a, 1, a, x]");
            h.processElement1(Row.of("a", 2));
            assertThat(drain(h)).containsExactly("+I[a, 2, a, x]");
        }
    }

    @Test
    void bothSidesOfAKeyKeepTheirRowsInArrivalOrderAsTheKeyGrows() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ZERO)) {
            h.processElement2(Row.of("a", "x"));
            h.processElement1(Row.of("a", 1));
            h.processElement1(Row.of("a", 2));
            h.processElement2(Row.of("a", "y"));
            h.processElement1(Row.of("a", 3));
            h.processElement2(Row.of("a", "z"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]", "+I[a, 2, a, x]", "+I[a, 1, a, y]",
                    "+I[a, 2, a, y]", "+I[a, 3, a, x]", "+I[a, 3, a, y]", "+I[a, 1, a, z]", "+I[a, 2, a, z]",
                    "+I[a, 3, a, z]");
            h.processElement1(Row.of("a", 4));
            assertThat(drain(h)).containsExactly("+I[a, 4, a, x]", "+I[a, 4, a, y]", "+I[a, 4, a, z]");
        }
    }

    @Test
    void theRestOfTheOnClauseFiltersThePairs() throws Exception {
        Expr leftValueBelowTwo = new Expr() {
            private static final long serialVersionUID = 1L;

            @Override
            public Object eval(Row row) {
                return ((Integer) row.getField(1)) < 2;
            }
        };
        try (TwoInputHarness<Row, Row, Row> h = harness(leftValueBelowTwo, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement1(Row.of("a", 2));
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]");
        }
    }

    @Test
    void aNullKeyComparedWithEqualsJoinsNothing() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ZERO)) {
            h.processElement1(Row.of(null, 1));
            h.processElement2(Row.of(null, "x"));
            h.processElement1(Row.of(null, 2));
            assertThat(drain(h)).isEmpty();
        }
    }

    @Test
    void keyedByTheKeysValueANullKeyStillJoinsNothingAndEqualValuesJoin() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new InsertOnlyInnerJoinFunction(new boolean[] {true}, 2, 2, null, Duration.ZERO),
                GroupKeySelector.of(new int[] {0}, true), GroupKeySelector.of(new int[] {0}, true))) {
            h.processElement1(Row.of(null, 1));
            h.processElement2(Row.of(null, "x"));
            h.processElement1(Row.of(7L, 2));
            h.processElement2(Row.of(7L, "y"));
            assertThat(drain(h)).containsExactly("+I[7, 2, 7, y]");
        }
    }

    @Test
    void rowsOlderThanTheStateTtlAreForgotten() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ofSeconds(10))) {
            h.setProcessingTime(0);
            h.processElement1(Row.of("a", 1));
            h.setProcessingTime(9_999);
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]");
            h.setProcessingTime(10_000);
            h.processElement2(Row.of("a", "y"));
            assertThat(drain(h)).as("the left row was written at 0 and expired at 10 s").isEmpty();
            h.processElement1(Row.of("a", 2));
            assertThat(drain(h)).as("the right rows x (9.999 s) and y (10 s) are still live").containsExactly(
                    "+I[a, 2, a, x]", "+I[a, 2, a, y]");
        }
    }

    @Test
    void bothSidesRowsSurviveASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement2(Row.of("b", "z"));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ZERO)) {
            h.restore(snapshot);
            h.processElement2(Row.of("a", "x"));
            h.processElement1(Row.of("b", 2));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]", "+I[b, 2, b, z]");
        }
    }

    @Test
    void bothSidesRowsSurviveASnapshotAndRestoreWithAStateTtl() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ofHours(1))) {
            h.processElement1(Row.of("a", 1));
            h.processElement2(Row.of("b", "z"));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ofHours(1))) {
            h.restore(snapshot);
            h.processElement2(Row.of("a", "x"));
            h.processElement1(Row.of("b", 2));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]", "+I[b, 2, b, z]");
        }
    }

    /** Left (key BIGINT, a BIGINT, b VARCHAR, c TIMESTAMP as its epoch millis), right (key BIGINT, d VARCHAR). */
    private static TwoInputHarness<Row, Row, Row> packedHarness() {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new InsertOnlyInnerJoinFunction(new boolean[] {true}, new RowPacking(new boolean[] {true, true, false, true}),
                        new RowPacking(new boolean[] {true, false}), null, Duration.ZERO),
                GroupKeySelector.of(new int[] {0}, true), GroupKeySelector.of(new int[] {0}, true));
    }

    @Test
    void packedLongColumnsComeBackWithTheirValuesAndNullsInArrivalOrderAsAKeyGrows() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            h.processElement1(Row.of(7L, 1L, "p", 1_000L));
            h.processElement1(Row.of(7L, null, null, null));
            h.processElement1(Row.of(7L, Long.MIN_VALUE, "q", -1L));
            h.processElement1(Row.of(7L, Long.MAX_VALUE, "r", 0L));
            h.processElement1(Row.of(7L, 5L, "s", 2_000L));
            h.processElement1(Row.of(8L, 9L, "t", 3_000L));
            h.processElement2(Row.of(7L, "x"));
            assertThat(drain(h)).containsExactly("+I[7, 1, p, 1000, 7, x]", "+I[7, null, null, null, 7, x]",
                    "+I[7, -9223372036854775808, q, -1, 7, x]", "+I[7, 9223372036854775807, r, 0, 7, x]",
                    "+I[7, 5, s, 2000, 7, x]");
            h.processElement2(Row.of(8L, null));
            h.processElement1(Row.of(8L, 10L, "u", 4_000L));
            assertThat(drain(h)).containsExactly("+I[8, 9, t, 3000, 8, null]", "+I[8, 10, u, 4000, 8, null]");
        }
    }

    @Test
    void packedRowsSurviveASnapshotAndRestoreAndKeepGrowing() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            h.processElement1(Row.of(7L, 1L, "p", 1_000L));
            h.processElement1(Row.of(7L, null, "q", 2_000L));
            h.processElement2(Row.of(9L, "z"));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            h.restore(snapshot);
            h.processElement1(Row.of(7L, 3L, null, 3_000L));
            h.processElement2(Row.of(7L, "x"));
            h.processElement1(Row.of(9L, 4L, "r", 4_000L));
            assertThat(drain(h)).containsExactly("+I[7, 1, p, 1000, 7, x]", "+I[7, null, q, 2000, 7, x]",
                    "+I[7, 3, null, 3000, 7, x]", "+I[9, 4, r, 4000, 9, z]");
        }
    }

    @Test
    void aKeyKeepingHundredsOfRowsJoinsThemAllInArrivalOrderAcrossASnapshotAndRestore() throws Exception {
        int rows = 197;
        List<String> expected = new ArrayList<>();
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            for (long i = 0; i < rows; i++) {
                h.processElement1(Row.of(7L, i % 5 == 0 ? null : i, "v" + i, 1_000L * i));
                expected.add("+I[7, " + (i % 5 == 0 ? "null" : i) + ", v" + i + ", " + 1_000L * i + ", 7, x]");
            }
            h.processElement2(Row.of(7L, "x"));
            assertThat(drain(h)).containsExactlyElementsOf(expected);
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            h.restore(snapshot);
            h.processElement1(Row.of(7L, -1L, "last", -1L));
            h.processElement2(Row.of(7L, "y"));
            List<String> all = new ArrayList<>(List.of("+I[7, -1, last, -1, 7, x]"));
            for (String line : expected) {
                all.add(line.replace(", 7, x]", ", 7, y]"));
            }
            all.add("+I[7, -1, last, -1, 7, y]");
            assertThat(drain(h)).containsExactlyElementsOf(all);
        }
    }

    @Test
    void aKeysSingleRowKeepsItsNullsAndValuesThroughASnapshotAndWhenItsKeyGrows() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            h.processElement1(Row.of(7L, null, "p", Long.MIN_VALUE));
            h.processElement1(Row.of(8L, Long.MAX_VALUE, null, null));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = packedHarness()) {
            h.restore(snapshot);
            h.processElement2(Row.of(8L, "y"));
            h.processElement1(Row.of(7L, 2L, "q", 0L));
            h.processElement2(Row.of(7L, "x"));
            assertThat(drain(h)).containsExactly("+I[8, 9223372036854775807, null, null, 8, y]",
                    "+I[7, null, p, -9223372036854775808, 7, x]", "+I[7, 2, q, 0, 7, x]");
        }
    }

    @Test
    void rowsOfManyLongAndOtherColumnsJoinWithEveryValueInPlace() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new InsertOnlyInnerJoinFunction(new boolean[] {true},
                        new RowPacking(new boolean[] {true, true, true, true, true, true, false, false, false}),
                        new RowPacking(new boolean[] {true, false}), null, Duration.ZERO),
                GroupKeySelector.of(new int[] {0}, true), GroupKeySelector.of(new int[] {0}, true))) {
            h.processElement1(Row.of(7L, 1L, 2L, null, 4L, 5L, "a", null, "c"));
            h.processElement2(Row.of(7L, "x"));
            h.processElement1(Row.of(7L, 6L, null, 8L, 9L, 10L, null, "b", "d"));
            assertThat(drain(h)).containsExactly("+I[7, 1, 2, null, 4, 5, a, null, c, 7, x]",
                    "+I[7, 6, null, 8, 9, 10, null, b, d, 7, x]");
        }
    }

    @Test
    void aRetractionReachingItIsRefusedAsAPlannerBugNamingTheRow() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(null, Duration.ZERO)) {
            assertThatThrownBy(() -> h.processElement2(Row.ofKind(RowKind.DELETE, "a", "x")))
                    .hasMessage("The insert-only inner join received a DELETE row -D[a, x] on its right input; the"
                            + " planner chose it for insert-only inputs only, so this is a bug in Weir's planner: please"
                            + " report it with the query");
        }
    }
}
