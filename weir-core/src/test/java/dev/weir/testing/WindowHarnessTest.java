package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.RichReduceFunction;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.Trigger;
import dev.weir.streaming.api.windowing.triggers.TriggerResult;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.OutputTag;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** forWindow(...) makes a harness of the window operator a job runs, configured as a WindowedStream is. */
@Timeout(30)
class WindowHarnessTest {
    private static final OutputTag<Tuple2<String, Integer>> LATE = new OutputTag<>("late") {
    };

    private static OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> tumblingSum() {
        return OneInputHarness.forWindow((Tuple2<String, Integer> t) -> t.f0, TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .sideOutputLateData(LATE)
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1));
    }

    @Test
    void aTumblingWindowFiresWhenTheWatermarkReachesItsEndMinusOneAndSendsLateElementsToTheSideOutput() throws Exception {
        try (OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> harness = tumblingSum()) {
            harness.processElement(Tuple2.of("a", 1), 1_000L);
            harness.processElement(Tuple2.of("a", 2), 9_999L);
            harness.processWatermark(9_998L);
            harness.processWatermark(9_999L);
            harness.processElement(Tuple2.of("a", 4), 5_000L);

            assertThat(harness.getOutput()).containsExactly(
                    HarnessRecord.watermark(9_998L),
                    HarnessRecord.of(Tuple2.of("a", 3), 9_999L),
                    HarnessRecord.watermark(9_999L));
            assertThat(harness.getSideOutput(LATE)).containsExactly(Tuple2.of("a", 4));
        }
    }

    @Test
    void aWindowInProgressRestoresIntoAFreshInstanceAndFiresThere() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> first = tumblingSum()) {
            first.processElement(Tuple2.of("a", 1), 1_000L);
            first.processElement(Tuple2.of("b", 5), 2_000L);
            snapshot = first.snapshot();
        }
        try (OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> restored = tumblingSum()) {
            restored.restore(snapshot);
            restored.processElement(Tuple2.of("a", 2), 3_000L);
            restored.processWatermark(10_000L);

            assertThat(restored.extractOutputValues()).containsExactlyInAnyOrder(Tuple2.of("a", 3), Tuple2.of("b", 5));
        }
    }

    @Test
    void aSessionWindowWithAllowedLatenessFiresAgainForALateElementThatMergesIntoIt() throws Exception {
        try (OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> harness = OneInputHarness
                .forWindow((Tuple2<String, Integer> t) -> t.f0, EventTimeSessionWindows.withGap(Duration.ofMillis(10)))
                .allowedLateness(Duration.ofMillis(20))
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))) {
            harness.processElement(Tuple2.of("a", 1), 0L);
            harness.processElement(Tuple2.of("a", 2), 5L);
            harness.processWatermark(20L);
            harness.processElement(Tuple2.of("a", 4), 8L);

            assertThat(harness.getOutput()).containsExactly(
                    HarnessRecord.of(Tuple2.of("a", 3), 14L),
                    HarnessRecord.watermark(20L),
                    HarnessRecord.of(Tuple2.of("a", 7), 17L));
        }
    }

    @Test
    void aCustomTriggerReplacesTheDefaultOne() throws Exception {
        try (OneInputHarness<Tuple2<String, Integer>, Tuple2<String, Integer>> harness = OneInputHarness
                .forWindow((Tuple2<String, Integer> t) -> t.f0, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .trigger(CountTrigger.<TimeWindow>of(2))
                .reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1))) {
            harness.processElement(Tuple2.of("a", 1), 1L);
            harness.processElement(Tuple2.of("a", 2), 2L);
            harness.processWatermark(50L);

            assertThat(harness.getOutput()).containsExactly(HarnessRecord.of(Tuple2.of("a", 3), 9L), HarnessRecord.watermark(50L));
        }
    }

    @Test
    void aRichReduceFunctionIsRefusedAsOnAWindowedStream() {
        RichReduceFunction<Tuple2<String, Integer>> rich = new RichReduceFunction<>() {
            @Override
            public Tuple2<String, Integer> reduce(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
                return a;
            }
        };

        assertThatThrownBy(() -> OneInputHarness.forWindow((Tuple2<String, Integer> t) -> t.f0,
                TumblingEventTimeWindows.of(Duration.ofMillis(10))).reduce(rich))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("The function of reduce on a window cannot be a RichFunction (")
                .hasMessageEndingWith("): window state is pre-aggregated without a runtime context. Use reduce(function, "
                        + "processWindowFunction) and open what you need in the ProcessWindowFunction");
    }

    @Test
    void aTriggerThatCannotMergeIsRefusedOnSessionWindows() {
        assertThatThrownBy(() -> OneInputHarness.forWindow((Tuple2<String, Integer> t) -> t.f0,
                EventTimeSessionWindows.withGap(Duration.ofMillis(10))).trigger(new NonMergingTrigger()))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageEndingWith(" returns false from canMerge(); implement canMerge() and onMerge(...)");
    }

    /** A trigger that fires on every element and cannot merge. */
    static final class NonMergingTrigger extends Trigger<Object, TimeWindow> {
        @Override
        public TriggerResult onElement(Object element, long timestamp, TimeWindow window,
                                                                                 TriggerContext ctx) {
            return TriggerResult.FIRE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow window, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public void clear(TimeWindow window, TriggerContext ctx) {
        }
    }
}
