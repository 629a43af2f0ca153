package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.Collector;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The worked example of docs/testing.md: a restore bug that every plain test passes and the replay verifier catches. */
class DeduplicateRestoreBugTest {

    /** Emits each order id the first time it comes. The bug: what it has seen lives in a field, not in Flink's state. */
    static class Deduplicate extends KeyedProcessFunction<String, String, String> {
        private final Set<String> seen = new HashSet<>();

        @Override
        public void processElement(String orderId, Context ctx, Collector<String> out) {
            if (seen.add(orderId)) {
                out.collect(orderId);
            }
        }
    }

    /** The fix: the same logic with keyed state, which checkpoints take and restores give back. */
    static class DeduplicateInState extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Boolean> seen;

        @Override
        public void open(OpenContext openContext) {
            seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Boolean.class));
        }

        @Override
        public void processElement(String orderId, Context ctx, Collector<String> out) throws Exception {
            if (seen.value() == null) {
                seen.update(true);
                out.collect(orderId);
            }
        }
    }

    @Test
    void theFieldVersionEmitsADuplicateAfterARestore() {
        assertThatThrownBy(() -> ReplayVerifier
                .of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new Deduplicate(), (String id) -> id))
                .input(HarnessRecord.of("order-1", 1L), HarnessRecord.of("order-2", 2L), HarnessRecord.of("order-1", 3L))
                .expectOutput(HarnessRecord.of("order-1", 1L), HarnessRecord.of("order-2", 2L))
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("RESTORE_AFTER_EVERY_ELEMENT: after input #3 (order-1@3), the output differs from the uninterrupted "
                        + "run's, in an operator restored from a snapshot taken after input #2 (order-2@2).\n"
                        + "  uninterrupted: [order-1@1, order-2@2]\n"
                        + "  restored:      [order-1@1, order-2@2, order-1@3]\n"
                        + "Something that decides later output is not in the snapshot: keep it in keyed state, timers or a "
                        + "CheckpointedFunction's operator state, not in a field.");
    }

    @Test
    void theKeyedStateVersionPassesEveryMode() throws Exception {
        ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new DeduplicateInState(), (String id) -> id))
                .input(HarnessRecord.of("order-1", 1L), HarnessRecord.of("order-2", 2L), HarnessRecord.of("order-1", 3L))
                .expectOutput(HarnessRecord.of("order-1", 1L), HarnessRecord.of("order-2", 2L))
                .verify();
    }
}
