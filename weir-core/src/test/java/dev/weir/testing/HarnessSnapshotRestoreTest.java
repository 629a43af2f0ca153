package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** snapshot() and restore(...): a fresh operator instance goes on with the keyed state, timers and clock of the snapshot. */
@Timeout(30)
class HarnessSnapshotRestoreTest {

    /** Sums each key's values and emits the sum when the event-time timer at its first element + 100 fires. */
    static final class SumThenReport extends KeyedProcessFunction<String, Tuple2<String, Integer>, String> {
        private transient ValueState<Integer> sum;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Integer.class));
        }

        @Override
        public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) throws Exception {
            if (sum.value() == null) {
                ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
                ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 1_000);
                sum.update(0);
            }
            sum.update(sum.value() + value.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + sum.value() + " by " + ctx.timeDomain());
        }
    }

    private static OneInputHarness<Tuple2<String, Integer>, String> harness() {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(new SumThenReport(), t -> t.f0);
    }

    @Test
    void aRestoredInstanceGoesOnWithTheKeyedStateAndTimersOfTheSnapshot() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<Tuple2<String, Integer>, String> first = harness()) {
            first.setProcessingTime(50L);
            first.processElement(Tuple2.of("a", 1), 10L);
            first.setProcessingTime(60L);
            first.processElement(Tuple2.of("b", 5), 20L);
            snapshot = first.snapshot();
            first.processElement(Tuple2.of("a", 1_000), 30L);   // after the snapshot: not in it
        }

        try (OneInputHarness<Tuple2<String, Integer>, String> restored = harness()) {
            restored.restore(snapshot);
            restored.processElement(Tuple2.of("a", 2), 40L);

            assertThat(restored.getValueState("sum", "a")).isEqualTo(3);
            assertThat(restored.numEventTimeTimers()).isEqualTo(2);
            assertThat(restored.numProcessingTimeTimers()).isEqualTo(2);
            assertThat(restored.getProcessingTime()).isEqualTo(60L);
            assertThat(restored.currentWatermark()).isEqualTo(Long.MIN_VALUE);

            restored.processWatermark(110L);
            restored.setProcessingTime(1_060L);

            assertThat(restored.getOutput()).containsExactly(
                    HarnessRecord.of("a=3 by EVENT_TIME", 110L),
                    HarnessRecord.watermark(110L),
                    HarnessRecord.of("a=3 by PROCESSING_TIME"),
                    HarnessRecord.of("b=5 by PROCESSING_TIME"));
        }
    }

    @Test
    void theSnapshotsOfTwoSubtasksRestoreIntoOneSubtaskWithAllTheirKeys() throws Exception {
        List<String> keys = List.of("a", "b", "c", "d", "e", "f");
        HarnessSnapshot[] snapshots = new HarnessSnapshot[2];
        for (int subtask = 0; subtask < 2; subtask++) {
            try (OneInputHarness<Tuple2<String, Integer>, String> part = harness().withSubtask(subtask, 2, 128)) {
                part.open();
                for (String key : keys) {
                    if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, 128, 2) == subtask) {
                        part.processElement(Tuple2.of(key, key.charAt(0) - 'a'), 0L);
                    }
                }
                snapshots[subtask] = part.snapshot();
            }
        }

        try (OneInputHarness<Tuple2<String, Integer>, String> whole = harness()) {
            whole.restore(snapshots);
            whole.endInput();

            assertThat(whole.extractOutputValues()).containsExactlyInAnyOrder("a=0 by EVENT_TIME", "b=1 by EVENT_TIME",
                    "c=2 by EVENT_TIME", "d=3 by EVENT_TIME", "e=4 by EVENT_TIME", "f=5 by EVENT_TIME");
        }
    }

    @Test
    void aSnapshotIsACopyThatTheRunningHarnessDoesNotChange() throws Exception {
        try (OneInputHarness<Tuple2<String, Integer>, String> first = harness()) {
            first.processElement(Tuple2.of("a", 1), 10L);
            HarnessSnapshot snapshot = first.snapshot();
            first.processElement(Tuple2.of("a", 1), 11L);
            HarnessSnapshot second = first.snapshot();

            try (OneInputHarness<Tuple2<String, Integer>, String> restored = harness()) {
                restored.restore(snapshot);
                restored.open();
                assertThat(restored.getValueState("sum", "a")).isEqualTo(1);
            }
            assertThat(List.of(snapshot.getCheckpointId(), second.getCheckpointId())).containsExactly(1L, 2L);
        }
    }

    @Test
    void restoringAnOpenHarnessIsRefusedWithWhatToDoInstead() throws Exception {
        try (OneInputHarness<Tuple2<String, Integer>, String> first = harness();
             OneInputHarness<Tuple2<String, Integer>, String> second = harness()) {
            first.open();
            HarnessSnapshot snapshot = first.snapshot();
            second.open();

            assertThatThrownBy(() -> second.restore(snapshot))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("restore(...) came after the harness of KeyedProcess opened: restore a new harness, before open() "
                            + "and before its first element");
        }
    }

    @Test
    void aSnapshotBeforeOpenIsRefused() {
        assertThatThrownBy(() -> harness().snapshot())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("snapshot() needs an open harness, but the harness of KeyedProcess is new: process an element or "
                        + "call open() first, and snapshot before endInput() and close()");
    }

    @Test
    void aSnapshotOfAnotherKindOfOperatorIsRefused() throws Exception {
        try (OneInputHarness<String, String> map = OneInputHarness.forMap(s -> s)) {
            map.open();
            HarnessSnapshot snapshot = map.snapshot();

            assertThatThrownBy(() -> harness().restore(snapshot))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The snapshot was taken from a harness of Map and cannot restore the harness of KeyedProcess: "
                            + "restore a harness made the same way");
        }
    }

    @Test
    void aSnapshotOfAnotherMaxParallelismIsRefused() throws Exception {
        try (OneInputHarness<Tuple2<String, Integer>, String> first = harness().withSubtask(0, 1, 64)) {
            first.open();
            HarnessSnapshot snapshot = first.snapshot();

            assertThatThrownBy(() -> harness().restore(snapshot))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("The snapshot was taken with max parallelism 64 and cannot restore a harness with max parallelism "
                            + "128: key groups would not line up; call withSubtask(index, parallelism, 64) first");
        }
    }
}
