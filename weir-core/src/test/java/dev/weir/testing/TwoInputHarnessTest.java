package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.streaming.api.functions.co.CoProcessFunction;
import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.util.OutputTag;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TwoInputHarnessTest {

    /** Passes words from input 1 and numbers above 100 from input 2; smaller numbers go to a side output. */
    static final class WordsAndNumbers extends CoProcessFunction<String, Integer, String> {
        static final OutputTag<Integer> NUMBERS = new OutputTag<>("numbers") {
        };

        @Override
        public void processElement1(String value, Context ctx, Collector<String> out) {
            out.collect("word " + value + " t=" + ctx.timestamp());
        }

        @Override
        public void processElement2(Integer value, Context ctx, Collector<String> out) {
            if (value > 100) {
                out.collect("big " + value + " pt=" + ctx.timerService().currentProcessingTime());
            } else {
                ctx.output(NUMBERS, value);
            }
        }
    }

    @Test
    void aCoProcessFunctionHandlesEachInputWithItsOwnMethodInArrivalOrder() throws Exception {
        TwoInputHarness<String, Integer, String> harness = ProcessFunctionTestHarnesses.forCoProcessFunction(new WordsAndNumbers());
        harness.setProcessingTime(9L);
        harness.processElement1("hello", 1L);
        harness.processElement2(7, 2L);
        harness.processElement2(500, 3L);
        harness.processElement1("bye");

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.of("word hello t=1", 1L), HarnessRecord.of("big 500 pt=9", 3L), HarnessRecord.of("word bye t=null"));
        assertThat(harness.getSideOutput(WordsAndNumbers.NUMBERS)).containsExactly(7);
    }

    @Test
    void theOperatorsWatermarkIsTheSmallerOfTheTwoInputsWatermarks() throws Exception {
        TwoInputHarness<String, Integer, String> harness = TwoInputHarness.forCoProcessFunction(new WordsAndNumbers());
        harness.processWatermark1(10L);
        assertThat(harness.getOutput()).isEmpty();
        harness.processWatermark2(20L);
        harness.processWatermark1(30L);
        harness.processWatermark(40L);

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.watermark(10L), HarnessRecord.watermark(20L), HarnessRecord.watermark(40L));
        assertThat(harness.currentWatermark()).isEqualTo(40L);
    }

    @Test
    void aCoMapMapsEachInputWithItsOwnFunction() throws Exception {
        TwoInputHarness<String, Integer, String> harness = TwoInputHarness.forCoMap(new CoMapFunction<String, Integer, String>() {
            @Override
            public String map1(String value) {
                return "left:" + value;
            }

            @Override
            public String map2(Integer value) {
                return "right:" + value;
            }
        });
        harness.processElement1("a", 1L);
        harness.processElement2(7, 2L);

        assertThat(harness.extractOutputValues()).containsExactly("left:a", "right:7");
    }

    /**
     * Joins an order (input 1: id, amount) with its payment (input 2: id, method); an order still unpaid when the
     * watermark passes its timestamp + 100 is reported as unpaid.
     */
    static final class OrderPayment extends KeyedCoProcessFunction<String, Tuple2<String, Integer>, Tuple2<String, String>, String> {
        private ValueState<Integer> amount;

        @Override
        public void open(OpenContext openContext) {
            amount = getRuntimeContext().getState(new ValueStateDescriptor<>("amount", Integer.class));
        }

        @Override
        public void processElement1(Tuple2<String, Integer> order, Context ctx, Collector<String> out) throws Exception {
            amount.update(order.f1);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 100);
        }

        @Override
        public void processElement2(Tuple2<String, String> payment, Context ctx, Collector<String> out) throws Exception {
            Integer due = amount.value();
            if (due != null) {
                out.collect(ctx.getCurrentKey() + " paid " + due + " by " + payment.f1);
                amount.clear();
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (amount.value() != null) {
                out.collect(ctx.getCurrentKey() + " unpaid at " + timestamp);
                amount.clear();
            }
        }
    }

    @Test
    void aKeyedCoProcessFunctionSharesStateAndTimersPerKeyAcrossBothInputs() throws Exception {
        TwoInputHarness<Tuple2<String, Integer>, Tuple2<String, String>, String> harness =
                ProcessFunctionTestHarnesses.forKeyedCoProcessFunction(new OrderPayment(), o -> o.f0, p -> p.f0);
        harness.processElement1(Tuple2.of("o1", 30), 10L);
        harness.processElement1(Tuple2.of("o2", 50), 20L);
        harness.processElement2(Tuple2.of("o1", "card"), 40L);
        assertThat(harness.getValueState("amount", "o1")).isNull();
        assertThat(harness.getValueState("amount", "o2")).isEqualTo(50);
        assertThat(harness.numEventTimeTimers()).isEqualTo(2);

        harness.processWatermark1(200L);
        assertThat(harness.extractOutputValues()).as("the second input holds the watermark back").containsExactly("o1 paid 30 by card");
        harness.processWatermark2(200L);

        assertThat(harness.getOutput()).containsExactly(
                HarnessRecord.of("o1 paid 30 by card", 40L),
                HarnessRecord.of("o2 unpaid at 120", 120L),
                HarnessRecord.watermark(200L));
        assertThat(harness.numEventTimeTimers()).isZero();
    }
}
