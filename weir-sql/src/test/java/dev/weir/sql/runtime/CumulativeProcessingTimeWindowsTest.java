package dev.weir.sql.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.java.tuple.Tuple2;
import dev.weir.testing.OneInputHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CUMULATE on processing time: a row joins the cumulating windows of its arrival, each fired by a timer at its last
 * millisecond (end - 1), as Flink's ProcessingTimeTrigger.
 */
class CumulativeProcessingTimeWindowsTest {
    @Test
    void eachWindowFiresWhenTheClockPassesItsEndWithTheRowsThatArrivedBefore() throws Exception {
        WindowSpec spec = new WindowSpec(WindowSpec.Kind.CUMULATE, 3_000, 1_000, 0);
        try (OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> h = OneInputHarness.<Tuple2<String, Integer>, String,
                dev.weir.streaming.api.windowing.windows.TimeWindow>forWindow(t -> t.f0, new CumulativeProcessingTimeWindows(spec))
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))) {
            h.setProcessingTime(500);
            h.processElement(Tuple2.of("k", 1), 0);
            h.setProcessingTime(998);
            assertThat(h.extractOutputValues()).isEmpty();
            h.setProcessingTime(999);
            List<String> first = h.extractOutputValues().stream().map(Object::toString).toList();
            h.setProcessingTime(1_000);
            h.processElement(Tuple2.of("k", 10), 0);
            h.setProcessingTime(2_500);
            h.processElement(Tuple2.of("k", 100), 0);
            h.setProcessingTime(2_998);
            List<String> beforeMaxEnd = h.extractOutputValues().stream().map(Object::toString).toList();
            h.setProcessingTime(2_999);

            assertThat(first).containsExactly("(k,1)");
            assertThat(beforeMaxEnd).containsExactly("(k,1)", "(k,11)");
            assertThat(h.extractOutputValues().stream().map(Object::toString).toList()).containsExactly("(k,1)", "(k,11)",
                    "(k,111)");
        }
    }
}
