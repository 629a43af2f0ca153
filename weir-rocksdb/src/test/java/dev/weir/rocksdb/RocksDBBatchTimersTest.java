package dev.weir.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import dev.weir.runtime.state.StateBackend;
import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.streaming.api.TimeDomain;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.util.CloseableIterator;
import dev.weir.util.Collector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * In BATCH mode the timers fire at the end of input (event time first, then processing time) and a timer a timer
 * callback registers then is ignored, as in Flink, whichever backend the job names: the same job on the heap and on
 * RocksDB (whose default keeps timers in the database in STREAMING mode) gives exactly the same output and ends.
 */
class RocksDBBatchTimersTest {
    private static final List<String> EXPECTED = List.of(
            "element a@1 seen 1", "element a@30 seen 2", "element b@2 seen 1", "element c@7 seen 1",
            "event-time timer a@11 seen 2", "event-time timer a@40 seen 2", "event-time timer b@12 seen 1",
            "event-time timer c@17 seen 1",
            "processing-time timer a seen 2", "processing-time timer b seen 1", "processing-time timer c seen 1");

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void aTimerRegisteredWhileTheEndOfInputFiresIsIgnoredOnRocksDBAsOnTheHeap() throws Exception {
        List<String> heap = run(new HashMapStateBackend());
        EmbeddedRocksDBStateBackend rocks = new EmbeddedRocksDBStateBackend();
        rocks.setDbStoragePath(dir.toString());
        List<String> onRocks = run(rocks);
        RocksDBWindowsTest.awaitDatabasesClosed(dir);
        assertThat(heap).isEqualTo(EXPECTED);
        assertThat(onRocks).isEqualTo(heap);
    }

    /** Every callback registers another timer of each kind: if it were not ignored the job would never end. */
    private static List<String> run(StateBackend backend) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setStateBackend(backend);
        var fired = env.fromData(Tuple2.of("a", 1L), Tuple2.of("b", 2L), Tuple2.of("c", 7L), Tuple2.of("a", 30L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Long>, String>() {
                    private transient ValueState<Long> seen;

                    @Override
                    public void open(dev.weir.api.common.functions.OpenContext context) {
                        seen = getRuntimeContext().getState(new ValueStateDescriptor<>("seen", Long.class));
                    }

                    @Override
                    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
                        long n = seen.value() == null ? 1 : seen.value() + 1;
                        seen.update(n);
                        out.collect("element " + value.f0 + "@" + value.f1 + " seen " + n);
                        ctx.timerService().registerEventTimeTimer(value.f1 + 10);
                        // 2100-01-01: never due by the clock, so it fires only because the input ended.
                        ctx.timerService().registerProcessingTimeTimer(4_102_444_800_000L);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        out.collect(ctx.timeDomain() == TimeDomain.EVENT_TIME
                                ? "event-time timer " + ctx.getCurrentKey() + "@" + timestamp + " seen " + seen.value()
                                : "processing-time timer " + ctx.getCurrentKey() + " seen " + seen.value());
                        ctx.timerService().registerEventTimeTimer(timestamp + 100);
                        ctx.timerService().registerProcessingTimeTimer(timestamp + 1);
                    }
                });
        List<String> out = new ArrayList<>();
        try (CloseableIterator<String> it = fired.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        out.sort(null);
        return out;
    }
}
