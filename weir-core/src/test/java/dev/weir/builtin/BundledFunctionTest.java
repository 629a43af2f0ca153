package dev.weir.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A {@link BundledFunction} holds records until Weir finishes its bundle: before a watermark passes (so no record of
 * the bundle is late downstream), at the end of input, and when the bundle is full; each output keeps the timestamp
 * of its record and the records' order.
 */
@Timeout(60)
class BundledFunctionTest {
    private static final List<Long> VALUES = List.of(1L, 2L, 3L, 11L, 12L, 25L);

    @Test
    void aBundleFinishesBeforeEachWatermarkSoAWindowDownstreamMissesNoRecord() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        List<Long> sums = new ArrayList<>();
        bundled(env, Integer.MAX_VALUE)
                .keyBy(v -> 0L)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .reduce(Long::sum)
                .executeAndCollect().forEachRemaining(sums::add);

        assertThat(sums).containsExactly(60L, 230L, 250L);
    }

    @Test
    void everyOutputKeepsItsRecordsTimestampAndOrderWhateverTheBundleSize() throws Exception {
        for (int bundleSize : new int[] {1, 4, Integer.MAX_VALUE}) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
            List<String> stamped = new ArrayList<>();
            bundled(env, bundleSize)
                    .process(new ProcessFunction<Long, String>() {
                        @Override
                        public void processElement(Long value, Context ctx, Collector<String> out) {
                            out.collect(value + "@" + ctx.timestamp());
                        }
                    })
                    .executeAndCollect().forEachRemaining(stamped::add);

            assertThat(stamped).as("bundle size %d", bundleSize)
                    .containsExactly("10@1", "20@2", "30@3", "110@11", "120@12", "250@25");
        }
    }

    /** The values with their own value as event time and a watermark after each, times ten by a bundled function. */
    private static DataStream<Long> bundled(StreamExecutionEnvironment env, int bundleSize) {
        WatermarkStrategy<Long> eachElement = WatermarkStrategy.<Long>forGenerator(context -> new WatermarkGenerator<>() {
            @Override
            public void onEvent(Long event, long timestamp, WatermarkOutput output) {
                output.emitWatermark(new Watermark(timestamp - 1));
            }

            @Override
            public void onPeriodicEmit(WatermarkOutput output) {
            }
        }).withTimestampAssigner((value, previous) -> value);
        return env.fromData(VALUES).assignTimestampsAndWatermarks(eachElement).flatMap(new TimesTen(bundleSize));
    }

    /** Multiplies by ten, a bundle at a time; never on its own within the hour a bundle may wait. */
    static final class TimesTen implements BundledFunction<Long, Long> {
        private static final long serialVersionUID = 1L;
        private final int bundleSize;
        private final List<Long> values = new ArrayList<>();
        private final List<Long> timestamps = new ArrayList<>();

        TimesTen(int bundleSize) {
            this.bundleSize = bundleSize;
        }

        @Override
        public void addToBundle(Long value, long timestamp, BundleOutput<Long> out) {
            values.add(value);
            timestamps.add(timestamp);
            if (values.size() >= bundleSize) {
                finishBundle(out);
            }
        }

        @Override
        public void finishBundle(BundleOutput<Long> out) {
            for (int i = 0; i < values.size(); i++) {
                out.collect(values.get(i) * 10, timestamps.get(i));
            }
            values.clear();
            timestamps.clear();
        }

        @Override
        public boolean hasBundle() {
            return !values.isEmpty();
        }

        @Override
        public long maxBundleTimeMillis() {
            return 3_600_000;
        }

        @Override
        public void flatMap(Long value, Collector<Long> out) {
            out.collect(value * 10);
        }
    }
}
