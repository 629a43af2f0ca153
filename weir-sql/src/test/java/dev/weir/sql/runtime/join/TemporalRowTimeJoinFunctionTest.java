package dev.weir.sql.runtime.join;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.TwoInputHarness;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event-time temporal join row by row: left rows are (key, time, value), versions (key, time, rate). */
class TemporalRowTimeJoinFunctionTest {
    private static TwoInputHarness<Row, Row, Row> harness(boolean leftOuter) throws Exception {
        TwoInputHarness<Row, Row, Row> h = ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(
                new TemporalRowTimeJoinFunction(leftOuter, new boolean[] {true}, 3, 3, 1, 1, null),
                new RowKeySelector(new int[] {0}), new RowKeySelector(new int[] {0}));
        return h;
    }

    private static List<String> drain(TwoInputHarness<Row, Row, Row> h) {
        List<String> out = h.extractOutputValues().stream().map(Row::toString).toList();
        h.clearOutput();
        return out;
    }

    private static void watermark(TwoInputHarness<Row, Row, Row> h, long time) throws Exception {
        h.processWatermark1(time);
        h.processWatermark2(time);
    }

    @Test
    void aLeftRowWaitsForTheWatermarkThenJoinsTheVersionValidAtItsTime() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false)) {
            h.processElement2(Row.of("EUR", 0L, 114));
            h.processElement2(Row.of("EUR", 10L, 116));
            h.processElement1(Row.of("EUR", 5L, "a"));
            h.processElement1(Row.of("EUR", 12L, "b"));
            assertThat(drain(h)).isEmpty();

            watermark(h, 11);
            assertThat(drain(h)).containsExactly("+I[EUR, 5, a, EUR, 0, 114]");
            watermark(h, 12);
            assertThat(drain(h)).containsExactly("+I[EUR, 12, b, EUR, 10, 116]");
        }
    }

    @Test
    void aVersionArrivingLaterThanTheLeftRowButBeforeTheWatermarkIsUsed() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false)) {
            h.processElement1(Row.of("EUR", 20L, "a"));
            h.processElement2(Row.of("EUR", 15L, 116));
            watermark(h, 20);
            assertThat(drain(h)).containsExactly("+I[EUR, 20, a, EUR, 15, 116]");
        }
    }

    @Test
    void aLeftJoinPadsRowsBeforeTheFirstVersionAndAfterADeletion() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true)) {
            h.processElement2(Row.of("EUR", 10L, 116));
            h.processElement2(Row.ofKind(RowKind.UPDATE_BEFORE, "EUR", 10L, 116));
            h.processElement2(Row.ofKind(RowKind.DELETE, "EUR", 20L, 116));
            h.processElement1(Row.of("EUR", 5L, "early"));
            h.processElement1(Row.of("EUR", 15L, "valid"));
            h.processElement1(Row.of("EUR", 25L, "deleted"));
            watermark(h, 30);
            assertThat(drain(h)).containsExactly("+I[EUR, 5, early, null, null, null]", "+I[EUR, 15, valid, EUR, 10, 116]",
                    "+I[EUR, 25, deleted, null, null, null]");
        }
    }

    @Test
    void versionsNoLeftRowCanUseAnyMoreAreRemovedFromState() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(false)) {
            h.processElement2(Row.of("EUR", 1L, 100));
            h.processElement2(Row.of("EUR", 2L, 101));
            h.processElement2(Row.of("EUR", 3L, 102));
            h.processElement2(Row.of("EUR", 50L, 150));
            h.processElement1(Row.of("EUR", 4L, "a"));
            watermark(h, 10);

            assertThat(drain(h)).containsExactly("+I[EUR, 4, a, EUR, 3, 102]");
            assertThat(h.<Long, Row>getMapState("sql-temporal-join-versions", Row.of("EUR")).keySet()).containsExactlyInAnyOrder(3L, 50L);
            assertThat(h.<Long, Object>getMapState("sql-temporal-join-left", Row.of("EUR"))).isEmpty();
        }
    }

    @Test
    void aNullKeyMatchesNoVersion() throws Exception {
        try (TwoInputHarness<Row, Row, Row> h = harness(true)) {
            h.processElement2(Row.of(null, 1L, 100));
            h.processElement1(Row.of(null, 2L, "a"));
            watermark(h, 2);
            assertThat(drain(h)).containsExactly("+I[null, 2, a, null, null, null]");
        }
    }

    @Test
    void waitingRowsVersionsAndTheirTimersSurviveASnapshotAndRestore() throws Exception {
        HarnessSnapshot snapshot;
        try (TwoInputHarness<Row, Row, Row> h = harness(true)) {
            h.processElement2(Row.of("EUR", 1L, 100));
            h.processElement2(Row.of("EUR", 8L, 108));
            h.processElement1(Row.of("EUR", 5L, "a"));
            h.processElement1(Row.of("EUR", 9L, "b"));
            snapshot = h.snapshot();
        }
        try (TwoInputHarness<Row, Row, Row> h = harness(true)) {
            h.restore(snapshot);
            watermark(h, 9);
            assertThat(drain(h)).containsExactly("+I[EUR, 5, a, EUR, 1, 100]", "+I[EUR, 9, b, EUR, 8, 108]");
        }
    }
}
