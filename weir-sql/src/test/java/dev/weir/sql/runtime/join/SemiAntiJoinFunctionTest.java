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

/** The exact changelog of Flink's streaming semi and anti joins, row by row: rows are (key, value) on both sides. */
class SemiAntiJoinFunctionTest {
    private static TwoInputHarness<Row, Row, Row> harness(boolean anti, Duration ttl) {
        return ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new SemiAntiJoinFunction(anti, new boolean[] {true}, 2, 2, null, ttl),
                GroupKeySelector.of(new int[] {0}, false), GroupKeySelector.of(new int[] {0}, false));
    }

    private static List<String> drain(TwoInputHarness<Row, Row, Row> h) {
        List<String> out = h.extractOutputValues().stream().map(Row::toString).toList();
        h.clearOutput();
        return out;
    }

    @Test
    void aSemiJoinEmitsALeftRowOnItsFirstMatchAndDeletesItWhenItsLastMatchIsRetracted() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement1(Row.of("a", 1));
            assertThat(drain(h)).isEmpty();
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("+I[a, 1]", "+I[a, 1]");
            h.processElement2(Row.of("a", "y"));
            h.processElement1(Row.of("a", 2));
            assertThat(drain(h)).containsExactly("+I[a, 2]");
            h.processElement2(Row.ofKind(RowKind.DELETE, "a", "x"));
            assertThat(drain(h)).isEmpty();
            h.processElement2(Row.ofKind(RowKind.UPDATE_BEFORE, "a", "y"));
            assertThat(drain(h)).containsExactly("-D[a, 1]", "-D[a, 1]", "-D[a, 2]");
        }
    }

    @Test
    void aSemiJoinPassesALeftRowsChangeKindThroughWhileItHasAMatch() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false, Duration.ZERO)) {
            h.processElement2(Row.of("a", "x"));
            h.processElement1(Row.of("a", 1));
            h.processElement1(Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1));
            h.processElement1(Row.ofKind(RowKind.UPDATE_AFTER, "a", 2));
            assertThat(drain(h)).containsExactly("+I[a, 1]", "-U[a, 1]", "+U[a, 2]");
        }
    }

    @Test
    void anAntiJoinEmitsUnmatchedLeftRowsAndRetractsThemWhenAMatchArrives() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            assertThat(drain(h)).containsExactly("+I[a, 1]");
            h.processElement2(Row.of("a", "x"));
            assertThat(drain(h)).containsExactly("-D[a, 1]");
            h.processElement2(Row.of("a", "y"));
            h.processElement2(Row.ofKind(RowKind.DELETE, "a", "x"));
            assertThat(drain(h)).isEmpty();
            h.processElement2(Row.ofKind(RowKind.DELETE, "a", "y"));
            assertThat(drain(h)).containsExactly("+I[a, 1]");
        }
    }

    @Test
    void aNullKeyMatchesNothingSoAnAntiJoinKeepsItsRow() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true, Duration.ZERO)) {
            h.processElement2(Row.of(null, "x"));
            h.processElement1(Row.of(null, 1));
            assertThat(drain(h)).containsExactly("+I[null, 1]");
        }
    }

    @Test
    void rightRowsOlderThanTheStateTtlNoLongerMatch() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false, Duration.ofSeconds(10))) {
            h.setProcessingTime(0);
            h.processElement2(Row.of("a", "x"));
            h.setProcessingTime(9_999);
            h.processElement1(Row.of("a", 1));
            assertThat(drain(h)).containsExactly("+I[a, 1]");
            h.setProcessingTime(10_000);
            h.processElement1(Row.of("a", 2));
            assertThat(drain(h)).as("the right row was written at 0 and expired at 10 s").isEmpty();
        }
    }

    @Test
    void bothSidesRowsAndAssociationsSurviveASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = harness(true, Duration.ZERO)) {
            h.processElement1(Row.of("a", 1));
            h.processElement2(Row.of("b", "z"));
            h.processElement1(Row.of("b", 2));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = harness(true, Duration.ZERO)) {
            h.restore(snapshot);
            h.processElement2(Row.of("a", "x"));
            h.processElement2(Row.ofKind(RowKind.DELETE, "b", "z"));
            assertThat(drain(h)).containsExactly("-D[a, 1]", "+I[b, 2]");
        }
    }
}
