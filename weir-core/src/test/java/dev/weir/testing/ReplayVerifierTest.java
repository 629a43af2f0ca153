package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The verifier passes a correct operator in every mode and names the mode, the step and both outputs when one fails. */
@Timeout(60)
class ReplayVerifierTest {

    /** Counts each key's elements in keyed state and emits "key:count" per element: correct across restores. */
    static final class CountInState extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Integer> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            int next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect(value + ":" + next);
        }
    }

    /** The same count kept in a field: right until a restore loses it. */
    static final class CountInField extends KeyedProcessFunction<String, String, String> {
        private final Map<String, Integer> counts = new HashMap<>();

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + ":" + counts.merge(value, 1, Integer::sum));
        }
    }

    /** Emits the watermark it sees with each element: its output depends on when watermarks arrive. */
    static final class TellsTheWatermark extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + " at watermark " + ctx.timerService().currentWatermark());
        }
    }

    /** Never returns from the element "stuck" until its thread is interrupted. */
    static final class GetsStuck extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws InterruptedException {
            if (value.equals("stuck")) {
                Thread.sleep(Long.MAX_VALUE);
            }
            out.collect(value);
        }
    }

    private static final HarnessRecord[] THREE_ELEMENTS = {
            HarnessRecord.of("a", 1L), HarnessRecord.of("b", 2L), HarnessRecord.watermark(5L), HarnessRecord.of("a", 6L)};

    @Test
    void anOperatorKeepingItsCountInKeyedStatePassesEveryMode() throws Exception {
        ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountInState(), (String s) -> s))
                .input(THREE_ELEMENTS)
                .expectOutput(HarnessRecord.of("a:1", 1L), HarnessRecord.of("b:1", 2L), HarnessRecord.of("a:2", 6L))
                .verify();
    }

    @Test
    void anOperatorKeepingItsCountInAFieldFailsAtTheFirstStepAfterARestore() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountInField(),
                        (String s) -> s))
                .input(THREE_ELEMENTS)
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("RESTORE_AFTER_EVERY_ELEMENT: after input #4 (a@6), the output differs from the uninterrupted run's, "
                        + "in an operator restored from a snapshot taken after input #2 (b@2).\n"
                        + "  uninterrupted: [a:1@1, b:1@2, a:2@6]\n"
                        + "  restored:      [a:1@1, b:1@2, a:1@6]\n"
                        + "Something that decides later output is not in the snapshot: keep it in keyed state, timers or a "
                        + "CheckpointedFunction's operator state, not in a field.");
    }

    @Test
    void theRestoreAfterEveryWatermarkModeFindsTheSameBugAfterTheWatermark() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountInField(),
                        (String s) -> s))
                .input(THREE_ELEMENTS)
                .modes(ReplayMode.RESTORE_AFTER_EVERY_WATERMARK)
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("RESTORE_AFTER_EVERY_WATERMARK: after input #4 (a@6), the output differs from the "
                        + "uninterrupted run's, in an operator restored from a snapshot taken after input #3 (Watermark@5).");
    }

    @Test
    void anOperatorWhoseOutputDependsOnWhenWatermarksArriveFailsTheExtraWatermarkMode() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forProcessFunction(new TellsTheWatermark()))
                .input(HarnessRecord.of("x", 10L), HarnessRecord.of("y", 20L), HarnessRecord.watermark(30L))
                .modes(ReplayMode.EXTRA_WATERMARKS_AND_IDLENESS)
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("EXTRA_WATERMARKS_AND_IDLENESS gave other elements than the uninterrupted run (in any order).\n"
                        + "  uninterrupted: [x at watermark -9223372036854775808@10, y at watermark -9223372036854775808@20]\n"
                        + "  EXTRA_WATERMARKS_AND_IDLENESS: [x at watermark 9@10, y at watermark 19@20]\n"
                        + "The operator's results depend on when watermarks and idleness arrive, not only on event time.");
    }

    @Test
    void theUninterruptedRunMustGiveTheExpectedOutputInOrder() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountInState(),
                        (String s) -> s))
                .input(THREE_ELEMENTS)
                .expectOutput(HarnessRecord.of("a:1", 1L), HarnessRecord.of("a:2", 6L), HarnessRecord.of("b:1", 2L))
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("The uninterrupted run gave another output than expected.\n"
                        + "  expected: [a:1@1, a:2@6, b:1@2]\n"
                        + "  but was:  [a:1@1, b:1@2, a:2@6]");
    }

    @Test
    void anOperatorThatMakesNoProgressFailsWithTheStepItIsStuckAt() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forProcessFunction(new GetsStuck()))
                .input(HarnessRecord.of("fine", 1L), HarnessRecord.of("stuck", 2L))
                .progressTimeout(Duration.ofMillis(200))
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessage("No progress for 200 ms at the uninterrupted run, input #2 (stuck@2): the operator did not return; "
                        + "its thread was stuck where the stack trace of this error's cause shows")
                .cause().satisfies(cause -> assertThat(cause.getStackTrace())
                        .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("processElement")));
    }

    @Test
    void aFactoryThatReturnsAHarnessUsedBeforeIsRefused() {
        OneInputHarness<String, String> one = ProcessFunctionTestHarnesses.forKeyedProcessFunction(new CountInState(), (String s) -> s);

        assertThatThrownBy(() -> ReplayVerifier.of(() -> one).input(THREE_ELEMENTS).verify())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The harness factory returned a harness that was used before: a restore needs a fresh operator, so "
                        + "return a new harness with a new function instance on every call");
    }

    @Test
    void expectedOutputTakesNoWatermarks() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> OneInputHarness.forMap((String s) -> s))
                .expectOutput(HarnessRecord.of("a", 1L), HarnessRecord.watermark(5L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expectOutput(...) takes elements only, but got Watermark@5: the modes deliver different watermarks, "
                        + "so the verifier compares elements; test watermarks with a plain harness");
    }

    @Test
    void aOneInputVerifierRefusesInputOfATwoInputOperator() {
        assertThatThrownBy(() -> ReplayVerifier.of(() -> OneInputHarness.forMap((String s) -> s)).input1(HarnessRecord.of("a", 1L)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("input1(...) does not fit a verifier of a one-input harness: use input(...)");
    }

    /** Remembers the second input's last value in a field and emits it with each element of the first input. */
    static final class LastOfSecondInField extends CoProcessFunction<String, String, String> {
        private String last = "none";

        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            out.collect(value + " after " + last);
        }

        @Override
        public void processElement2(String value, Context ctx, Collector<String> out) {
            last = value;
        }
    }

    @Test
    void aTwoInputOperatorKeepingStateInAFieldFailsAfterARestoreNamingTheInput() {
        assertThatThrownBy(() -> ReplayVerifier.ofTwoInputs(() -> ProcessFunctionTestHarnesses.forCoProcessFunction(
                        new LastOfSecondInField()))
                .input2(HarnessRecord.of("b", 1L))
                .input1(HarnessRecord.of("x", 2L))
                .verify())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("RESTORE_AFTER_EVERY_ELEMENT: after input #2 (x@2 on input 1), the output differs from the "
                        + "uninterrupted run's, in an operator restored from a snapshot taken after input #1 (b@1 on input 2).\n"
                        + "  uninterrupted: [x after b@2]\n"
                        + "  restored:      [x after none@2]");
    }
}
