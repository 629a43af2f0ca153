package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.connector.source.SourceOutput;
import dev.weir.util.OutputTag;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.engine.operators.Output;
import dev.weir.engine.operators.WatermarkEmitter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitWatermarksTest {
    private final List<String> events = new ArrayList<>();
    private final Output output = new Output() {
        @Override
        public void collect(Object value, long timestamp) {
            events.add(value + "@" + timestamp);
        }

        @Override
        public void collect(OutputTag<?> tag, Object value, long timestamp) {
        }

        @Override
        public void emitWatermark(long watermark) {
            events.add("W" + watermark);
        }

        @Override
        public void emitIdleness(boolean idle) {
            events.add(idle ? "idle" : "active");
        }
    };
    private final WatermarkEmitter emitter = new WatermarkEmitter(output);

    private SplitWatermarks splits(WatermarkStrategy<Object> strategy) {
        return new SplitWatermarks(strategy, emitter, (record, ts, generator, watermarks) -> {
            output.collect(record, ts);
            generator.onEvent(record, ts, watermarks);
        });
    }

    @Test
    void theWatermarkIsTheMinimumOverSplitsSoASlowSplitHoldsItBack() {
        SplitWatermarks splits = splits(WatermarkStrategy.forMonotonousTimestamps());
        SourceOutput<Object> fast = splits.create("p0");
        SourceOutput<Object> slow = splits.create("p1");
        fast.collect("a", 100);
        fast.collect("b", 200);
        splits.onPeriodicEmit();
        assertThat(events).containsExactly("a@100", "b@200");

        slow.collect("c", 50);
        splits.onPeriodicEmit();
        assertThat(events).containsExactly("a@100", "b@200", "c@50", "W49");

        slow.collect("d", 300);
        splits.onPeriodicEmit();
        assertThat(events).endsWith("d@300", "W199");
    }

    @Test
    void anIdleSplitStopsHoldingBackTheWatermarkAndAllIdleMakesTheTaskIdle() {
        long[] now = {0};
        WatermarkStrategy<Object> strategy = WatermarkStrategy.<Object>forGenerator(ctx ->
                new dev.weir.api.common.eventtime.WatermarksWithIdleness<>(new dev.weir.api.common.eventtime.AscendingTimestampsWatermarks<>(),
                        Duration.ofMillis(10), () -> now[0]));
        SplitWatermarks splits = splits(strategy);
        SourceOutput<Object> busy = splits.create("p0");
        splits.create("p1");
        busy.collect("a", 100);
        splits.onPeriodicEmit();
        assertThat(events).containsExactly("a@100");

        now[0] = 20;
        busy.collect("b", 150);
        splits.onPeriodicEmit();
        assertThat(events).containsExactly("a@100", "b@150", "W149");

        now[0] = 40;
        splits.onPeriodicEmit();
        assertThat(events).endsWith("W149", "idle");

        busy.collect("c", 170);
        assertThat(events).endsWith("idle", "active", "c@170");
    }

    @Test
    void aReleasedSplitNoLongerHoldsBackTheWatermark() {
        SplitWatermarks splits = splits(WatermarkStrategy.forMonotonousTimestamps());
        SourceOutput<Object> fast = splits.create("p0");
        splits.create("p1");
        fast.collect("a", 100);
        splits.onPeriodicEmit();
        assertThat(events).containsExactly("a@100");

        splits.release("p1");
        assertThat(events).containsExactly("a@100", "W99");
    }

    @Test
    void creatingTheSameSplitTwiceReturnsTheSameOutput() {
        SplitWatermarks splits = splits(WatermarkStrategy.forMonotonousTimestamps());
        assertThat(splits.create("p0")).isSameAs(splits.create("p0"));
        assertThat(splits.active()).isTrue();
    }
}
