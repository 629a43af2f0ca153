package dev.weir.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.util.Collector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.StateTtlConfig;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** State time-to-live runs on the harness's processing time, so expiry is tested without waiting. */
@Timeout(30)
class StateTtlHarnessTest {

    /** "a=1" stores 1 for key a; "a?" emits what key a's state holds now, "a:none" when nothing. */
    static final class Register extends KeyedProcessFunction<String, String, String> {
        private final StateTtlConfig ttl;
        private ValueState<String> value;
        private ListState<String> history;

        Register(StateTtlConfig ttl) {
            this.ttl = ttl;
        }

        @Override
        public void open(OpenContext openContext) {
            ValueStateDescriptor<String> valueDescriptor = new ValueStateDescriptor<>("value", String.class);
            valueDescriptor.enableTimeToLive(ttl);
            value = getRuntimeContext().getState(valueDescriptor);
            ListStateDescriptor<String> historyDescriptor = new ListStateDescriptor<>("history", String.class);
            historyDescriptor.enableTimeToLive(ttl);
            history = getRuntimeContext().getListState(historyDescriptor);
        }

        @Override
        public void processElement(String element, Context ctx, Collector<String> out) throws Exception {
            if (element.endsWith("?")) {
                String current = value.value();
                out.collect(ctx.getCurrentKey() + ":" + (current == null ? "none" : current));
            } else {
                String v = element.substring(element.indexOf('=') + 1);
                value.update(v);
                history.add(v);
            }
        }
    }

    private static OneInputHarness<String, String> harnessWith(StateTtlConfig ttl) {
        return OneInputHarness.forKeyedProcessFunction(new Register(ttl), s -> s.substring(0, 1));
    }

    private static StateTtlConfig.Builder hundredMillis() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(100));
    }

    @Test
    void aValueWrittenOnceDisappearsWhenTheTtlHasPassedInHarnessProcessingTime() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(hundredMillis().build());
        harness.processElement("a=1");

        harness.setProcessingTime(99L);
        assertThat(harness.getValueState("value", "a")).isEqualTo("1");
        harness.processElement("a?");
        harness.setProcessingTime(100L);
        assertThat(harness.getValueState("value", "a")).isNull();
        harness.processElement("a?");

        assertThat(harness.extractOutputValues()).as("a read does not refresh OnCreateAndWrite").containsExactly("a:1", "a:none");
    }

    @Test
    void aWriteRestartsTheTtl() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(hundredMillis().build());
        harness.processElement("a=1");
        harness.setProcessingTime(80L);
        harness.processElement("a=2");

        harness.setProcessingTime(179L);
        assertThat(harness.getValueState("value", "a")).isEqualTo("2");
        harness.setProcessingTime(180L);
        assertThat(harness.getValueState("value", "a")).isNull();
    }

    @Test
    void onReadAndWriteEveryReadByTheFunctionKeepsTheValueAliveForAnotherTtl() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(
                hundredMillis().setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite).build());
        harness.processElement("a=1");
        harness.setProcessingTime(60L);
        harness.processElement("a?");
        harness.setProcessingTime(150L);
        harness.processElement("a?");

        harness.setProcessingTime(249L);
        assertThat(harness.getValueState("value", "a")).isEqualTo("1");
        harness.setProcessingTime(250L);
        assertThat(harness.getValueState("value", "a")).isNull();
        harness.processElement("a?");

        assertThat(harness.extractOutputValues()).containsExactly("a:1", "a:1", "a:none");
    }

    @Test
    void readingStateThroughTheHarnessNeverRefreshesItsTtl() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(
                hundredMillis().setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite).build());
        harness.processElement("a=1");
        harness.setProcessingTime(60L);
        assertThat(harness.getValueState("value", "a")).isEqualTo("1");

        harness.setProcessingTime(100L);
        harness.processElement("a?");

        assertThat(harness.extractOutputValues()).containsExactly("a:none");
    }

    @Test
    void anExpiredValueStaysVisibleUntilTheFunctionReadsItWhenReturnExpiredIfNotCleanedUp() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(
                hundredMillis().setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp).build());
        harness.processElement("a=1");
        harness.setProcessingTime(500L);
        assertThat(harness.getValueState("value", "a")).isEqualTo("1");

        harness.processElement("a?");
        harness.processElement("a?");

        assertThat(harness.extractOutputValues()).containsExactly("a:1", "a:none");
        assertThat(harness.getValueState("value", "a")).isNull();
    }

    @Test
    void listElementsExpireOneByOneEachAfterItsOwnTtl() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(hundredMillis().build());
        harness.processElement("a=x");
        harness.setProcessingTime(50L);
        harness.processElement("a=y");

        harness.setProcessingTime(100L);
        assertThat(harness.getListState("history", "a")).containsExactly("y");
        harness.setProcessingTime(150L);
        assertThat(harness.getListState("history", "a")).isEmpty();
    }

    @Test
    void eachKeyExpiresOnItsOwnClockReading() throws Exception {
        OneInputHarness<String, String> harness = harnessWith(hundredMillis().build());
        harness.processElement("a=1");
        harness.setProcessingTime(70L);
        harness.processElement("b=2");

        harness.setProcessingTime(120L);

        assertThat(harness.getValueState("value", "a")).isNull();
        assertThat(harness.getValueState("value", "b")).isEqualTo("2");
    }
}
