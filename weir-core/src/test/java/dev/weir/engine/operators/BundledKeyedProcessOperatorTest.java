package dev.weir.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.builtin.BundledKeyedProcessFunction;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.OneInputHarness;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A keyed process of a {@link BundledKeyedProcessFunction} processes a bundle of many keys in one call and gives what
 * a one-at-a-time process function gives: state per key, outputs in order with their records' timestamps, timers
 * firing in order after the records before them. Watermarks, processing-time timers, snapshots, the end of input
 * and the bundle's time limit finish the bundle first.
 */
@Timeout(60)
class BundledKeyedProcessOperatorTest {
    private static final OutputTag<Object> LARGE = new OutputTag<>("large");

    @Test
    void aBundleOfSeveralKeysKeepsStatePerKeyAndEmitsEachRecordsOutputInOrderWithItsTimestamp() throws Exception {
        RunningSum sums = new RunningSum(4);
        try (OneInputHarness<String, String> harness = harness(sums)) {
            harness.open();
            process(harness, "a:1", "b:10", "a:2");
            assertThat(harness.extractOutputValues()).as("the bundle is not full yet").isEmpty();
            process(harness, "c:100", "a:3", "b:20", "e:5");
            harness.endInput();

            assertThat(harness.getOutput()).containsExactly(
                    HarnessRecord.of("a=1", 1), HarnessRecord.of("b=10", 10), HarnessRecord.of("a=3", 2),
                    HarnessRecord.of("c=100", 100), HarnessRecord.of("a=6", 3), HarnessRecord.of("b=30", 20),
                    HarnessRecord.of("e=5", 5),
                    // the end of input fires the event-time timers, in time order
                    HarnessRecord.of("timer a@11 6", 11), HarnessRecord.of("timer a@12 6", 12),
                    HarnessRecord.of("timer a@13 6", 13), HarnessRecord.of("timer e@15 5", 15),
                    HarnessRecord.of("timer b@20 30", 20), HarnessRecord.of("timer b@30 30", 30),
                    HarnessRecord.of("timer c@110 100", 110),
                    HarnessRecord.watermark(Long.MAX_VALUE));
            assertThat(sums.bundles).containsExactly("[a, b, a, c]", "[a, b, e]");
            assertThat(harness.getSideOutput(LARGE)).containsExactly("c=100");
            assertThat(harness.getValueState("sum", "a")).isEqualTo(6L);
        }
    }

    @Test
    void aWatermarkFinishesTheBundleBeforeItsTimersFireAndBeforeItPasses() throws Exception {
        try (OneInputHarness<String, String> harness = harness(new RunningSum(100))) {
            harness.open();
            process(harness, "a:1", "a:2");
            harness.processWatermark(11);
            process(harness, "a:4");
            harness.processWatermark(12);

            assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("a=1", 1), HarnessRecord.of("a=3", 2),
                    HarnessRecord.of("timer a@11 3", 11), HarnessRecord.watermark(11), HarnessRecord.of("a=7", 4),
                    HarnessRecord.of("timer a@12 7", 12), HarnessRecord.watermark(12));
        }
    }

    @Test
    void aProcessingTimeTimerSeesTheStateOfTheRecordsBeforeIt() throws Exception {
        RunningSum sums = new RunningSum(100);
        sums.processingTimer = 50;
        try (OneInputHarness<String, String> harness = harness(sums)) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, "a:1");
            harness.processWatermark(0); // finishes the bundle: its record registers the timer
            process(harness, "a:2");
            harness.setProcessingTime(49);
            assertThat(harness.extractOutputValues()).containsExactly("a=1");
            harness.setProcessingTime(50);

            assertThat(harness.extractOutputValues()).containsExactly("a=1", "a=3", "processing a@50 3");
            assertThat(sums.bundles).containsExactly("[a]", "[a]");
        }
    }

    @Test
    void aBundleFinishesWhenItsFirstRecordHasWaitedTheBundleTime() throws Exception {
        try (OneInputHarness<String, String> harness = harness(new RunningSum(100))) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, "a:1", "b:2");
            harness.setProcessingTime(RunningSum.BUNDLE_TIME - 1);
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.setProcessingTime(RunningSum.BUNDLE_TIME);

            assertThat(harness.extractOutputValues()).containsExactly("a=1", "b=2");
        }
    }

    @Test
    void aSnapshotFinishesTheBundleAndARestoredOperatorGoesOnWithTheStateAndTimers() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<String, String> harness = harness(new RunningSum(100))) {
            harness.open();
            process(harness, "a:1", "b:10", "a:2");
            snapshot = harness.snapshot();
            assertThat(harness.extractOutputValues()).containsExactly("a=1", "b=10", "a=3");
            process(harness, "a:1000"); // after the snapshot: lost with the failure
        }
        RunningSum restored = new RunningSum(100);
        try (OneInputHarness<String, String> harness = harness(restored)) {
            harness.restore(snapshot);
            harness.open();
            process(harness, "a:5", "b:3");
            harness.processWatermark(20);

            assertThat(harness.extractOutputValues()).containsExactly("a=8", "b=13",
                    "timer a@11 8", "timer a@12 8", "timer b@13 13", "timer a@15 8", "timer b@20 13");
            assertThat(restored.bundles).containsExactly("[a, b]");
        }
    }

    private static OneInputHarness<String, String> harness(RunningSum function) {
        return OneInputHarness.forKeyedProcessFunction(function, (String record) -> record.substring(0, record.indexOf(':')));
    }

    /** Each record with its number as its timestamp. */
    private static void process(OneInputHarness<String, String> harness, String... records) throws Exception {
        for (String record : records) {
            harness.processElement(record, Long.parseLong(record.substring(record.indexOf(':') + 1)));
        }
    }

    /**
     * Sums the numbers of "key:number" records per key in keyed state, emits "key=sum", sends sums of 100 and more to
     * a side output, registers an event-time timer 10 after each record (and a processing-time one when asked), and
     * notes the keys of each bundle.
     */
    static final class RunningSum extends KeyedProcessFunction<String, String, String> implements BundledKeyedProcessFunction {
        private static final long serialVersionUID = 1L;
        static final long BUNDLE_TIME = 1000;
        private final int bundleSize;
        final List<String> bundles = new ArrayList<>();
        long processingTimer = -1;
        private transient ValueState<Long> sum;

        RunningSum(int bundleSize) {
            this.bundleSize = bundleSize;
        }

        @Override
        public void open(dev.weir.api.common.functions.OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public int maxBundleSize() {
            return bundleSize;
        }

        @Override
        public long maxBundleTimeMillis() {
            return BUNDLE_TIME;
        }

        @Override
        public void processBundle(KeyedBundle bundle) throws Exception {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < bundle.size(); i++) {
                bundle.setCurrentKey(bundle.keyNumber(i));
                String record = (String) bundle.value(i);
                String key = record.substring(0, record.indexOf(':'));
                keys.add(key);
                long total = add(record);
                long timestamp = bundle.timestamp(i);
                bundle.timerService().registerEventTimeTimer(timestamp + 10);
                if (processingTimer >= 0 && total == Long.parseLong(record.substring(key.length() + 1))) { // a key's first
                    bundle.timerService().registerProcessingTimeTimer(processingTimer);
                }
                bundle.collect(key + "=" + total, timestamp);
                if (total >= 100) {
                    bundle.output(LARGE, key + "=" + total, timestamp);
                }
            }
            bundles.add(keys.toString());
        }

        @Override
        public void processElement(String record, Context ctx, Collector<String> out) throws Exception {
            out.collect(record.substring(0, record.indexOf(':')) + "=" + add(record));
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
        }

        private long add(String record) throws Exception {
            long total = (sum.value() == null ? 0 : sum.value()) + Long.parseLong(record.substring(record.indexOf(':') + 1));
            sum.update(total);
            return total;
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            String domain = ctx.timeDomain() == dev.weir.streaming.api.TimeDomain.EVENT_TIME ? "timer " : "processing ";
            out.collect(domain + ctx.getCurrentKey() + "@" + timestamp + " " + sum.value());
        }
    }
}
