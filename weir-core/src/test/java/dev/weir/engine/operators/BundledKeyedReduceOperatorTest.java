package dev.weir.engine.operators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.builtin.BundledReduceFunction;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.testing.HarnessRecord;
import dev.weir.testing.HarnessSnapshot;
import dev.weir.testing.OneInputHarness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A keyed reduce of a {@link BundledReduceFunction} reduces a bundle of many keys in one call with each key's value
 * from keyed state, and emits what a one-at-a-time reduce emits: one running value per record, in order, with the
 * record's timestamp. Snapshots, watermarks, the end of input and the bundle's time limit finish the bundle first.
 */
@Timeout(60)
class BundledKeyedReduceOperatorTest {
    private static final String STATE = KeyedReduceOperator.STATE_NAME;

    @Test
    void bundlesSpanningSeveralKeysWithRepeatedKeysEmitEachRecordsRunningValueInOrder() throws Exception {
        SumPerKey sums = new SumPerKey(4);
        try (OneInputHarness<String, String> harness = harness(sums)) {
            harness.open();
            process(harness, "a:1", "b:10", "a:2");
            assertThat(harness.extractOutputValues()).as("the bundle is not full yet").isEmpty();
            process(harness, "c:100", "a:3", "b:20", "c:200", "d:1000", "e:5");
            harness.endInput();

            assertThat(harness.getOutput()).containsExactly(
                    HarnessRecord.of("a:1", 1), HarnessRecord.of("b:10", 10), HarnessRecord.of("a:3", 2),
                    HarnessRecord.of("c:100", 100), HarnessRecord.of("a:6", 3), HarnessRecord.of("b:30", 20),
                    HarnessRecord.of("c:300", 200), HarnessRecord.of("d:1000", 1000), HarnessRecord.of("e:5", 5),
                    HarnessRecord.watermark(Long.MAX_VALUE));
            assertThat(sums.calls).containsExactly(
                    "keys [0, 1, 0, 2] before [null, null, null]",
                    "keys [0, 1, 2, 3] before [a:3, b:10, c:100, null]",
                    "keys [0] before [null]");
            assertThat(harness.getValueState(STATE, "a")).isEqualTo("a:6");
            assertThat(harness.getValueState(STATE, "d")).isEqualTo("d:1000");
        }
    }

    @Test
    void aSnapshotFinishesTheBundleAndARestoredOperatorGoesOnFromTheKeyedState() throws Exception {
        HarnessSnapshot snapshot;
        try (OneInputHarness<String, String> harness = harness(new SumPerKey(100))) {
            harness.open();
            process(harness, "a:1", "b:10", "a:2");
            snapshot = harness.snapshot();
            assertThat(harness.extractOutputValues()).containsExactly("a:1", "b:10", "a:3");
            process(harness, "a:1000"); // after the snapshot: lost with the failure
        }
        SumPerKey restored = new SumPerKey(100);
        try (OneInputHarness<String, String> harness = harness(restored)) {
            harness.restore(snapshot);
            harness.open();
            process(harness, "a:5", "c:7", "b:1");
            harness.endInput();

            assertThat(harness.extractOutputValues()).containsExactly("a:8", "c:7", "b:11");
            assertThat(restored.calls).containsExactly("keys [0, 1, 2] before [a:3, null, b:10]");
            assertThat(harness.getValueState(STATE, "a")).isEqualTo("a:8");
            assertThat(harness.getValueState(STATE, "b")).isEqualTo("b:11");
        }
    }

    @Test
    void aWatermarkPassesOnlyAfterTheOutputsOfTheRecordsBeforeIt() throws Exception {
        try (OneInputHarness<String, String> harness = harness(new SumPerKey(100))) {
            harness.open();
            process(harness, "a:1", "a:2");
            harness.processWatermark(5);
            process(harness, "a:4");
            harness.endInput();

            assertThat(harness.getOutput()).containsExactly(HarnessRecord.of("a:1", 1), HarnessRecord.of("a:3", 2),
                    HarnessRecord.watermark(5), HarnessRecord.of("a:7", 4), HarnessRecord.watermark(Long.MAX_VALUE));
        }
    }

    @Test
    void aBundleFinishesWhenItsFirstRecordHasWaitedTheBundleTime() throws Exception {
        try (OneInputHarness<String, String> harness = harness(new SumPerKey(100))) {
            harness.open();
            harness.setProcessingTime(0);
            process(harness, "a:1", "b:2");
            harness.setProcessingTime(SumPerKey.BUNDLE_TIME - 1);
            assertThat(harness.extractOutputValues()).isEmpty();
            harness.setProcessingTime(SumPerKey.BUNDLE_TIME);

            assertThat(harness.extractOutputValues()).containsExactly("a:1", "b:2");
        }
    }

    @Test
    void inBatchModeOnlyEachKeysFinalValueIsEmittedAsFlinksBatchReduceDoes() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        List<String> finals = new ArrayList<>();
        env.fromData("a:1", "b:10", "a:2", "b:20", "a:3")
                .keyBy(record -> record.substring(0, record.indexOf(':')))
                .reduce(new SumPerKey(2))
                .executeAndCollect().forEachRemaining(finals::add);

        assertThat(finals).containsExactlyInAnyOrder("a:6", "b:30");
    }

    private static OneInputHarness<String, String> harness(SumPerKey function) {
        return OneInputHarness.forKeyedReduce(function, (String record) -> record.substring(0, record.indexOf(':')));
    }

    /** Each record with its number as its timestamp. */
    private static void process(OneInputHarness<String, String> harness, String... records) throws Exception {
        for (String record : records) {
            harness.processElement(record, Long.parseLong(record.substring(record.indexOf(':') + 1)));
        }
    }

    /** Sums the numbers of "key:number" records per key, and notes what each bundle brought. */
    static final class SumPerKey implements BundledReduceFunction<String> {
        private static final long serialVersionUID = 1L;
        static final long BUNDLE_TIME = 1000;
        private final int bundleSize;
        final List<String> calls = new ArrayList<>();

        SumPerKey(int bundleSize) {
            this.bundleSize = bundleSize;
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
        public List<String> reduceBundle(List<String> values, int[] keys, List<String> before) {
            calls.add("keys " + Arrays.toString(Arrays.copyOf(keys, values.size())) + " before " + before);
            List<String> running = new ArrayList<>(before);
            List<String> reduced = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String previous = running.get(keys[i]);
                String next = previous == null ? values.get(i) : reduce(previous, values.get(i));
                running.set(keys[i], next);
                reduced.add(next);
            }
            return reduced;
        }

        @Override
        public String reduce(String a, String b) {
            String key = a.substring(0, a.indexOf(':'));
            return key + ":" + (Long.parseLong(a.substring(key.length() + 1)) + Long.parseLong(b.substring(key.length() + 1)));
        }
    }
}
