package dev.weir.sql.runtime.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.testing.OneInputHarness;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.types.Row;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deduplication on processing time: rows count in their order of arrival, whatever their processing-time column. */
class ProcTimeDeduplicateFunctionTest {
    private static List<String> run(boolean keepLast) throws Exception {
        try (OneInputHarness<Row, Row> h = ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new ProcTimeDeduplicateFunction(keepLast), GroupKeySelector.of(new int[] {0}, false))) {
            h.setProcessingTime(1_000);
            h.processElement(Row.of("a", 1));
            h.processElement(Row.of("b", 2));
            h.setProcessingTime(2_000);
            h.processElement(Row.of("a", 3));
            h.processElement(Row.of("a", 4));
            return h.extractOutputValues().stream().map(Row::toString).toList();
        }
    }

    @Test
    void keepFirstEmitsEachKeysFirstArrivalOnlyAsInserts() throws Exception {
        assertThat(run(false)).containsExactly("+I[a, 1, null]", "+I[b, 2, null]");
    }

    @Test
    void keepLastReplacesTheKeptRowByEveryLaterArrival() throws Exception {
        assertThat(run(true)).containsExactly("+I[a, 1, null]", "+I[b, 2, null]", "-U[a, 1, null]", "+U[a, 3, null]",
                "-U[a, 3, null]", "+U[a, 4, null]");
    }
}
