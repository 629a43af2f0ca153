package dev.weir.engine.operators;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.ProcessFunctionTestHarnesses;
import dev.weir.testing.ReplayVerifier;
import dev.weir.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Weir's two-input process operators give the same output when restored into a fresh instance after every element
 * and every watermark, and with extra watermarks on either input ({@link ReplayVerifier#ofTwoInputs}).
 */
@Timeout(120)
class TwoInputOperatorReplayTest {
    private static final MapStateDescriptor<String, String> RULES = new MapStateDescriptor<>("rules", String.class, String.class);

    /** Matches an order (input 1) with its payment (input 2) by id; an order unpaid 10 after it arrived is reported. */
    static final class MatchPayments extends KeyedCoProcessFunction<String, String, String, String> {
        private transient ValueState<Long> orderedAt;

        @Override
        public void open(OpenContext openContext) {
            orderedAt = getRuntimeContext().getState(new ValueStateDescriptor<>("ordered-at", Long.class));
        }

        @Override
        public void processElement1(String order, Context ctx, Collector<String> out) throws Exception {
            orderedAt.update(ctx.timestamp());
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        @Override
        public void processElement2(String payment, Context ctx, Collector<String> out) throws Exception {
            if (orderedAt.value() != null) {
                out.collect(payment + " paid");
                ctx.timerService().deleteEventTimeTimer(orderedAt.value() + 10);
                orderedAt.clear();
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + " unpaid");
            orderedAt.clear();
        }
    }

    /** Tags each element (input 1) with the rule the broadcast input (input 2, "prefix=tag") set for its first letter. */
    static final class TagByRule extends BroadcastProcessFunction<String, String, String> {
        @Override
        public void processElement(String value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            String tag = ctx.getBroadcastState(RULES).get(value.substring(0, 1));
            out.collect(value + ":" + (tag == null ? "untagged" : tag));
        }

        @Override
        public void processBroadcastElement(String rule, Context ctx, Collector<String> out) throws Exception {
            String[] parts = rule.split("=");
            ctx.getBroadcastState(RULES).put(parts[0], parts[1]);
        }
    }

    @Test
    void aKeyedCoProcessFunctionWithStateAndTimersOnBothInputsSurvivesEveryRestore() throws Exception {
        ReplayVerifier.ofTwoInputs(() -> ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new MatchPayments(),
                        (String order) -> order, (String payment) -> payment))
                .input1(HarnessRecord.of("o1", 1L), HarnessRecord.of("o2", 2L))
                .input2(HarnessRecord.of("o1", 5L), HarnessRecord.watermark(8L))
                .input1(HarnessRecord.watermark(11L), HarnessRecord.of("o3", 12L))
                .input2(HarnessRecord.watermark(30L))
                .expectOutput(HarnessRecord.of("o1 paid", 5L), HarnessRecord.of("o2 unpaid", 12L), HarnessRecord.of("o3 unpaid", 22L))
                .verify();
    }

    @Test
    void aBroadcastProcessFunctionsBroadcastStateSurvivesEveryRestore() throws Exception {
        ReplayVerifier.ofTwoInputs(() -> ProcessFunctionTestHarnesses.forBroadcastProcessFunction(new TagByRule(), RULES))
                .input1(HarnessRecord.of("apple", 1L))
                .input2(HarnessRecord.of("a=fruit", 2L), HarnessRecord.of("c=tree", 3L))
                .input1(HarnessRecord.of("avocado", 4L), HarnessRecord.of("cedar", 5L), HarnessRecord.of("birch", 6L))
                .expectOutput(HarnessRecord.of("apple:untagged", 1L), HarnessRecord.of("avocado:fruit", 4L),
                        HarnessRecord.of("cedar:tree", 5L), HarnessRecord.of("birch:untagged", 6L))
                .verify();
    }
}
