package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import org.junit.jupiter.api.Test;

/** The complete example of docs/testing.md, so the page cannot drift from what compiles and passes; keep them equal. */
class IdleUserAlertTest {

    /** Emits "<user> idle" when a user sends nothing for 30 s of event time. Input: (user, action). */
    static class IdleUserAlert extends KeyedProcessFunction<String, Tuple2<String, String>, String> {
        private transient ValueState<Long> deadline;

        @Override
        public void open(OpenContext openContext) {
            deadline = getRuntimeContext().getState(new ValueStateDescriptor<>("deadline", Long.class));
        }

        @Override
        public void processElement(Tuple2<String, String> event, Context ctx, Collector<String> out) throws Exception {
            Long previous = deadline.value();
            if (previous != null) {
                ctx.timerService().deleteEventTimeTimer(previous);
            }
            long next = ctx.timestamp() + 30_000;
            ctx.timerService().registerEventTimeTimer(next);
            deadline.update(next);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " idle");
            deadline.clear();
        }
    }

    @Test
    void aUserIsReportedIdleOnceThirtySecondsOfEventTimePassWithoutAnEvent() throws Exception {
        try (OneInputHarness<Tuple2<String, String>, String> harness =
                     ProcessFunctionTestHarnesses.forKeyedProcessFunction(new IdleUserAlert(), e -> e.f0)) {
            harness.processElement(Tuple2.of("ann", "login"), 1_000L);
            harness.processElement(Tuple2.of("bob", "login"), 2_000L);
            harness.processElement(Tuple2.of("ann", "click"), 20_000L); // moves ann's deadline to 50 000

            assertThat(harness.numEventTimeTimers()).isEqualTo(2);
            assertThat(harness.getValueState("deadline", "ann")).isEqualTo(50_000L);

            harness.processWatermark(40_000L);

            assertThat(harness.getOutput()).containsExactly(
                    HarnessRecord.of("bob idle", 32_000L),
                    HarnessRecord.watermark(40_000L));
            assertThat(harness.getValueState("deadline", "bob")).isNull();
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);
        }
    }

    @Test
    void theAlertIsTheSameWhenTheOperatorIsRestoredAfterEveryElementAndWatermark() throws Exception {
        ReplayVerifier.of(() -> ProcessFunctionTestHarnesses.forKeyedProcessFunction(new IdleUserAlert(),
                        (Tuple2<String, String> e) -> e.f0))
                .input(HarnessRecord.of(Tuple2.of("ann", "login"), 1_000L), HarnessRecord.of(Tuple2.of("bob", "login"), 2_000L),
                        HarnessRecord.of(Tuple2.of("ann", "click"), 20_000L), HarnessRecord.watermark(40_000L))
                .expectOutput(HarnessRecord.of("bob idle", 32_000L), HarnessRecord.of("ann idle", 50_000L))
                .verify();
    }
}
