package dev.weir.sql.runtime.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.TwoInputHarness;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact changelog of Flink's streaming join, row by row: rows are (key, value) on both sides. */
class RegularJoinFunctionTest {
    private static TwoInputHarness<Row, Row, Row> harness(boolean leftOuter, boolean rightOuter, Duration ttl) {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new RegularJoinFunction(leftOuter, rightOuter, new boolean[] {true}, 2, 2, null, ttl),
                GroupKeySelector.of(new int[] {0}, false), GroupKeySelector.of(new int[] {0}, false));
    }

    private static List<String> drain(TwoInputHarness<Row, Row, Row> h) {
        List<String> out = h.extractOutputValues().stream().map(Row::toString).toList();
        h.clearOutput();
        return out;
    }

    @Test
    void aLeftJoinRetractsThePaddedRowOnTheFirstMatchAndEmitsItAgainAfterTheLastRetraction() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, false, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            assertThat(drain(h)).containsExactly("+I[a, 1, null, null]");
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("-D[a, 1, null, null]", "+I[a, 1, a, x]");
            h.processElement2(Row.of("a", "y"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, y]");
            h.processElement2(Row.ofKind(RowKind.DELETE, "a", "x"));
            assertThat(drain(h)).containsExactly("-D[a, 1, a, x]");
            h.processElement2(Row.ofKind(RowKind.DELETE, "a", "y"));
            assertThat(drain(h)).containsExactly("-D[a, 1, a, y]", "+I[a, 1, null, null]");
            h.processElement1(Row.ofKind(RowKind.DELETE, "a", 1));
            assertThat(drain(h)).containsExactly("-D[a, 1, null, null]");
        }
    }

    @Test
    void anInnerJoinPassesItsInputsChangeKindsThrough() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false, false, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]");
            h.processElement1(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1));
            h.processElement1(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2));
            assertThat(drain(h)).containsExactly("-U[a, 1, a, x]", "+U[a, 2, a, x]");
        }
    }

    @Test
    void aFullJoinPadsBothSidesAndDuplicatesJoinOncePerCopy() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, true, Duration.ZERO)) {
            h.processElement2(Row.of("a", "x"));
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[null, null, a, x]", "+I[null, null, a, x]");
            h.processElement1(Row.of("a", 1));
            assertThat(drain(h)).containsExactly("-D[null, null, a, x]", "-D[null, null, a, x]", "+I[a, 1, a, x]", "+I[a, 1, a, x]");
        }
    }

    @Test
    void aNullKeyJoinsNothing() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, false, Duration.ZERO)) {
            h.processElement2(Row.of(null, "x"));
            h.processElement1(Row.of(null, 1));
            assertThat(drain(h)).containsExactly("+I[null, 1, null, null]");
        }
    }

    @Test
    void rowsOlderThanTheStateTtlAreForgotten() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false, false, Duration.ofSeconds(10))) {
            h.setProcessingTime(0);
            h.processElement1(Row.of("a", 1));
            h.setProcessingTime(9_999);
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[a, 1, a, x]");
            h.setProcessingTime(10_000);
            h.processElement2(Row.of("a", "y"));
            assertThat(drain(h)).as("the left row was written at 0 and expired at 10 s").isEmpty();
            h.processElement1(Row.of("a", 2));
            assertThat(drain(h)).as("the right row x, written at 9.999 s, is still live").containsExactlyInAnyOrder(
                    "+I[a, 2, a, x]", "+I[a, 2, a, y]");
        }
    }

    @Test
    void bothSidesRowsSurviveASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = harness(true, false, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement2(Row.of("b", "z"));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = harness(true, false, Duration.ZERO)) {
            h.restore(snapshot);
            h.processElement2(Row.of("a", "x"));
            h.processElement1(Row.of("b", 2));
            assertThat(drain(h)).containsExactly("-D[a, 1, null, null]", "+I[a, 1, a, x]", "+I[b, 2, b, z]");
        }
    }
}
