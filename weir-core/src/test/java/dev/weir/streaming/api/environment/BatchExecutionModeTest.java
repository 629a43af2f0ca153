package dev.weir.streaming.api.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.ExecutionOptions;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.util.CloseableIterator;
import dev.weir.util.Collector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The same bounded jobs in STREAMING and BATCH mode give Flink's streaming and batch results. */
@Timeout(60)
class BatchExecutionModeTest {
    private static final List<Tuple2<String, Integer>> WORDS = List.of(Tuple2.of("a", 1), Tuple2.of("b", 2), Tuple2.of("a", 3),
            Tuple2.of("b", 4), Tuple2.of("a", 5));

    @Test
    void aKeyedSumEmitsEveryUpdateInStreamingAndOnlyEachKeysFinalValueInBatch() throws Exception {
        assertThat(collect(sums(RuntimeExecutionMode.STREAMING))).containsExactly(Tuple2.of("a", 1), Tuple2.of("b", 2),
                Tuple2.of("a", 4), Tuple2.of("b", 6), Tuple2.of("a", 9));
        assertThat(collect(sums(RuntimeExecutionMode.BATCH))).containsExactlyInAnyOrder(Tuple2.of("a", 9), Tuple2.of("b", 6));
    }

    @Test
    void batchReduceResultsCarryTheEndOfTimeAsTimestampAsInFlink() throws Exception {
        DataStream<String> stamped = sums(RuntimeExecutionMode.BATCH).process(new ProcessFunction<Tuple2<String, Integer>, String>() {
            @Override
            public void processElement(Tuple2<String, Integer> value, Context ctx, Collector<String> out) {
                out.collect(value.f0 + "@" + ctx.timestamp());
            }
        });
        assertThat(collect(stamped)).containsExactlyInAnyOrder("a@" + Long.MAX_VALUE, "b@" + Long.MAX_VALUE);
    }

    @Test
    void automaticRunsABoundedJobAsBatch() throws Exception {
        assertThat(collect(sums(RuntimeExecutionMode.AUTOMATIC))).containsExactlyInAnyOrder(Tuple2.of("a", 9), Tuple2.of("b", 6));
    }

    @Test
    void automaticRunsAnUnboundedJobAsStreaming() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.AUTOMATIC);
        DataStream<Tuple2<String, Long>> sums = env.fromSource(new DataGeneratorSource<>(i -> Tuple2.of("k", i), Long.MAX_VALUE),
                WatermarkStrategy.noWatermarks(), "endless").keyBy(t -> t.f0).sum(1);
        assertThat(sums.executeAndCollect(4)).containsExactly(Tuple2.of("k", 0L), Tuple2.of("k", 1L), Tuple2.of("k", 3L),
                Tuple2.of("k", 6L));
    }

    @Test
    void theRuntimeModeOptionSelectsBatchAsSetRuntimeModeDoes() throws Exception {
        Configuration config = new Configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        assertThat(env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(collect(env.fromData(WORDS).keyBy(t -> t.f0).sum(1)))
                .containsExactlyInAnyOrder(Tuple2.of("a", 9), Tuple2.of("b", 6));

        StreamExecutionEnvironment byKey = StreamExecutionEnvironment.createLocalEnvironment(2);
        byKey.configure("execution.runtime-mode", "batch");
        assertThat(collect(byKey.fromData(WORDS).keyBy(t -> t.f0).max(1)))
                .containsExactlyInAnyOrder(Tuple2.of("a", 5), Tuple2.of("b", 4));
    }

    @Test
    void aBatchJobWithAnUnboundedSourceFailsBeforeItStarts() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE), WatermarkStrategy.noWatermarks(), "endless")
                .map(i -> i).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(() -> env.execute("unbounded batch")).isInstanceOf(InvalidProgramException.class)
                .hasMessage("Source 'endless' is unbounded, and the job's execution.runtime-mode is BATCH, which needs bounded "
                        + "input: set the mode to STREAMING or AUTOMATIC, or make the source bounded");
    }

    @Test
    void eventTimeWindowsFireAtTheEndOfInputInBatchSoNoRecordIsLate() throws Exception {
        // One watermark after every element (ts - 1): in STREAMING, a@1500 and b@1200 arrive after the watermark 4999
        // closed their window and are dropped as late; BATCH has no watermark before the end of input.
        List<Tuple2<String, Long>> events = List.of(Tuple2.of("a", 1000L), Tuple2.of("a", 5000L), Tuple2.of("a", 1500L),
                Tuple2.of("b", 1200L));
        assertThat(collect(windowCounts(RuntimeExecutionMode.STREAMING, events)))
                .containsExactlyInAnyOrder("a [0,2000) 1", "a [4000,6000) 1");
        assertThat(collect(windowCounts(RuntimeExecutionMode.BATCH, events)))
                .containsExactlyInAnyOrder("a [0,2000) 2", "b [0,2000) 1", "a [4000,6000) 1");
    }

    @Test
    void inBatchEveryTimerFiresAtTheEndOfInputEventTimeFirstThenProcessingTime() throws Exception {
        assertThat(collect(timers(RuntimeExecutionMode.BATCH))).containsExactly(
                "element a@1", "element b@2", "element a@30",
                "event-time timer a@11", "event-time timer b@12", "event-time timer a@40",
                "processing-time timer a", "processing-time timer b");
        // In STREAMING the processing-time timers (set for the year 2100) are still pending when the input ends, and never fire.
        assertThat(collect(timers(RuntimeExecutionMode.STREAMING))).containsExactly(
                "element a@1", "element b@2", "element a@30", "event-time timer a@11", "event-time timer b@12",
                "event-time timer a@40");
    }

    @Test
    void inBatchEachKeySeesItsRecordsInTimestampOrderAsFlinksSortedInputGivesThem() throws Exception {
        List<Tuple2<String, Long>> outOfOrder = List.of(Tuple2.of("a", 30L), Tuple2.of("b", 5L), Tuple2.of("a", 10L),
                Tuple2.of("a", 20L), Tuple2.of("b", 1L));
        assertThat(collect(previousTimestamps(RuntimeExecutionMode.STREAMING, outOfOrder))).containsExactly(
                "a@30 after none", "b@5 after none", "a@10 after 30", "a@20 after 10", "b@1 after 5");
        assertThat(collect(previousTimestamps(RuntimeExecutionMode.BATCH, outOfOrder))).containsExactlyInAnyOrder(
                "a@10 after none", "a@20 after 10", "a@30 after 20", "b@1 after none", "b@5 after 1");
    }

    /** Says, for each record, the timestamp of the key's record before it. */
    private static DataStream<String> previousTimestamps(RuntimeExecutionMode mode, List<Tuple2<String, Long>> events) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(mode);
        return env.fromData(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Long>, String>() {
                    private transient dev.weir.api.common.state.ValueState<Long> previous;

                    @Override
                    public void open(dev.weir.api.common.functions.OpenContext context) {
                        previous = getRuntimeContext().getState(
                                new dev.weir.api.common.state.ValueStateDescriptor<>("previous", Long.class));
                    }

                    @Override
                    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
                        Long before = previous.value();
                        out.collect(value.f0 + "@" + ctx.timestamp() + " after " + (before == null ? "none" : before));
                        previous.update(ctx.timestamp());
                    }
                });
    }

    @Test
    void inBatchTheBroadcastInputIsProcessedBeforeTheOtherInputAsInFlink() throws Exception {
        for (boolean keyed : new boolean[] {false, true}) {
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
            env.setRuntimeMode(RuntimeExecutionMode.BATCH);
            // The factor is slow to arrive: without Flink's batch order, the numbers would find no factor yet.
            dev.weir.streaming.api.datastream.BroadcastStream<Integer> factor = env.fromData(10).map(f -> {
                Thread.sleep(300);
                return f;
            }).broadcast(FACTOR);
            DataStream<Integer> numbers = env.fromData(1, 2, 3, 4);
            DataStream<String> out = keyed
                    ? numbers.keyBy(n -> n % 2).connect(factor).process(new KeyedMultiply())
                    : numbers.rebalance().connect(factor).process(new Multiply());
            assertThat(collect(out)).as(keyed ? "keyed" : "not keyed").containsExactlyInAnyOrder("10", "20", "30", "40");
        }
    }

    static final dev.weir.api.common.state.MapStateDescriptor<String, Integer> FACTOR =
            new dev.weir.api.common.state.MapStateDescriptor<>("factor", String.class, Integer.class);

    /** Multiplies by the broadcast factor, or says there is none yet. */
    static final class Multiply extends dev.weir.streaming.api.functions.co.BroadcastProcessFunction<Integer, Integer, String> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer f = ctx.getBroadcastState(FACTOR).get("f");
            out.collect(f == null ? value + " without factor" : Integer.toString(value * f));
        }

        @Override
        public void processBroadcastElement(Integer value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(FACTOR).put("f", value);
        }
    }

    /** {@link Multiply} on a keyed stream. */
    static final class KeyedMultiply
            extends dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction<Integer, Integer, Integer, String> {
        @Override
        public void processElement(Integer value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer f = ctx.getBroadcastState(FACTOR).get("f");
            out.collect(f == null ? value + " without factor" : Integer.toString(value * f));
        }

        @Override
        public void processBroadcastElement(Integer value, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(FACTOR).put("f", value);
        }
    }

    @Test
    void inBatchATimerRegisteredFromATimerCallbackIsIgnoredSoTheJobEndsAsInFlink() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<String> fired = env.fromData(Tuple2.of("a", 1L), Tuple2.of("b", 2L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Long>, String>() {
                    @Override
                    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) {
                        ctx.timerService().registerEventTimeTimer(value.f1 + 100);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect(ctx.getCurrentKey() + "@" + timestamp);
                        // A periodic timer: in STREAMING the final watermark would fire it forever.
                        ctx.timerService().registerEventTimeTimer(timestamp + 100);
                    }
                });
        assertThat(collect(fired)).containsExactly("a@101", "b@102");
    }

    private static DataStream<Tuple2<String, Integer>> sums(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(mode);
        return env.fromData(WORDS).keyBy(t -> t.f0).sum(1);
    }

    private static DataStream<String> windowCounts(RuntimeExecutionMode mode, List<Tuple2<String, Long>> events) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(mode);
        return env.fromData(events)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(ctx -> new EveryElement())
                        .withTimestampAssigner((e, ts) -> e.f1))
                .map(e -> Tuple2.of(e.f0, 1L))
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(2)))
                .process(new dev.weir.streaming.api.functions.windowing.ProcessWindowFunction<Tuple2<String, Long>, String, String,
                        dev.weir.streaming.api.windowing.windows.TimeWindow>() {
                    @Override
                    public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
                        long n = 0;
                        for (Tuple2<String, Long> ignored : elements) {
                            n++;
                        }
                        out.collect(key + " [" + context.window().getStart() + "," + context.window().getEnd() + ") " + n);
                    }
                });
    }

    /** Registers an event-time timer 10 ms after each element and a processing-time timer an hour ahead. */
    private static DataStream<String> timers(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.setRuntimeMode(mode);
        return env.fromData(Tuple2.of("a", 1L), Tuple2.of("b", 2L), Tuple2.of("a", 30L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<String, Long>>forGenerator(ctx -> new EveryElement())
                        .withTimestampAssigner((e, ts) -> e.f1))
                .keyBy(t -> t.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Long>, String>() {
                    @Override
                    public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) {
                        out.collect("element " + value.f0 + "@" + value.f1);
                        ctx.timerService().registerEventTimeTimer(value.f1 + 10);
                        // One fixed time far ahead (2100-01-01), so a key's two records share one timer however
                        // many milliseconds apart they are processed.
                        ctx.timerService().registerProcessingTimeTimer(4_102_444_800_000L);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) {
                        out.collect(ctx.timeDomain() == dev.weir.streaming.api.TimeDomain.EVENT_TIME
                                ? "event-time timer " + ctx.getCurrentKey() + "@" + timestamp
                                : "processing-time timer " + ctx.getCurrentKey());
                    }
                });
    }

    /** A watermark of {@code timestamp - 1} after every element, so STREAMING results do not depend on timing. */
    private static final class EveryElement implements WatermarkGenerator<Tuple2<String, Long>> {
        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp - 1));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    private static <T> List<T> collect(DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
