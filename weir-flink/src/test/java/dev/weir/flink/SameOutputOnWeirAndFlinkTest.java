package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.builtin.FromElementsSource;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.MapState;
import dev.weir.api.common.state.MapStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.SingleOutputStreamOperator;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.functions.co.CoMapFunction;
import dev.weir.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import dev.weir.streaming.api.functions.co.KeyedCoProcessFunction;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The same Weir job, unchanged, runs on Weir's engine and — through the weir-flink runner — on a Flink MiniCluster,
 * both at parallelism 2 and 4, and must produce exactly the same records (values and timestamps, compared sorted).
 */
@Timeout(180)
class SameOutputOnWeirAndFlinkTest {
    private static final int[] PARALLELISMS = {2, 4};
    /** The timestamp of what a timer at the end of input emits. */
    private static final long END = Long.MAX_VALUE;
    /** (key, event time in ms), slightly out of order, with one late element ("a", 3) after the watermark passed 20. */
    private static final List<Tuple2<String, Long>> EVENTS = List.of(Tuple2.of("a", 1L), Tuple2.of("b", 2L), Tuple2.of("a", 7L),
            Tuple2.of("a", 5L), Tuple2.of("b", 12L), Tuple2.of("a", 14L), Tuple2.of("c", 15L), Tuple2.of("b", 19L),
            Tuple2.of("a", 31L), Tuple2.of("a", 3L), Tuple2.of("b", 33L), Tuple2.of("c", 58L), Tuple2.of("a", 60L));

    @Test
    void wordCountGivesTheSameRunningCounts() throws Exception {
        List<String> flink = runOnBoth("wordcount", (env, run) -> env
                .fromData("to be or not to be", "that is the question", "to be is to do")
                .flatMap((String line, Collector<Tuple2<String, Integer>> out) -> {
                    for (String word : line.split(" ")) {
                        out.collect(Tuple2.of(word, 1));
                    }
                })
                .keyBy(t -> t.f0)
                .sum(1)
                .addSink(new SharedSink<>(run)));
        assertThat(flink).contains("(to,4)", "(be,3)", "(is,2)", "(question,1)").hasSize(15);
    }

    @Test
    void tumblingWindowsWithAProcessWindowFunctionFireTheSameWindows() throws Exception {
        List<String> flink = runOnBoth("tumbling", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                .process(new CountPerWindow())
                .addSink(new SharedSink<>(run)));
        assertThat(flink).containsExactly("a [0,10) 3@9", "a [10,20) 1@19", "a [30,40) 1@39", "a [60,70) 1@69", "b [0,10) 1@9",
                "b [10,20) 2@19", "b [30,40) 1@39", "c [10,20) 1@19", "c [50,60) 1@59");
    }

    @Test
    void slidingWindowsWithAnAggregateAndAProcessWindowFunctionFireTheSameWindows() throws Exception {
        List<String> flink = runOnBoth("sliding", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .window(SlidingEventTimeWindows.of(Duration.ofMillis(20), Duration.ofMillis(10)))
                .aggregate(new CountAggregate(), new LabelWindow())
                .addSink(new SharedSink<>(run)));
        assertThat(flink).contains("a [0,20) 4@19", "a [-10,10) 3@9");
    }

    @Test
    void sessionWindowsWithAReduceMergeTheSameSessions() throws Exception {
        List<String> flink = runOnBoth("session", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(6)))
                .reduce((x, y) -> Tuple2.of(x.f0, Math.max(x.f1, y.f1)))
                .addSink(new SharedSink<>(run)));
        assertThat(flink).contains("(a,7)@12", "(a,14)@19", "(b,2)@7", "(b,12)@17", "(b,19)@24", "(b,33)@38").doesNotContain("(a,3)@8");
    }

    @Test
    void countWindowsRunWeirsOwnPurgingCountTriggerOnFlinkAndFireOnlyWhenFull() throws Exception {
        List<String> flink = runOnBoth("count", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .countWindow(3)
                .reduce((x, y) -> Tuple2.of(x.f0, x.f1 + y.f1))
                .addSink(new SharedSink<>(run)));
        // a: 1+7+5, 14+31+3 (the seventh, 60, never fills a window); b: 2+12+19; c has two events only.
        assertThat(flink).containsExactly("(a,13)@9223372036854775807", "(a,48)@9223372036854775807", "(b,33)@9223372036854775807");
    }

    @Test
    void keyedStateAndEventTimeTimersGiveTheSameOutput() throws Exception {
        List<String> flink = runOnBoth("timers", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .process(new CountUntilQuiet())
                .addSink(new SharedSink<>(run)));
        assertThat(flink).containsExactly("a: 1 events, latest 60, fired at 70@70", "a: 6 events, latest 31, fired at 41@41",
                "b: 4 events, latest 33, fired at 43@43",
                "c: 1 events, latest 15, fired at 25@25", "c: 1 events, latest 58, fired at 68@68");
    }

    @Test
    void sideOutputsOfAProcessFunctionAndLateWindowDataReachTheSameSinks() throws Exception {
        OutputTag<String> odd = new OutputTag<>("odd") {
        };
        OutputTag<Tuple2<String, Long>> late = new OutputTag<>("late") {
        };
        List<String> flink = runOnBoth("sideoutputs", (env, run) -> {
            SingleOutputStreamOperator<Long> evens = env.fromSequence(1, 10).process(new ProcessFunction<Long, Long>() {
                @Override
                public void processElement(Long value, Context ctx, Collector<Long> out) {
                    if (value % 2 == 0) {
                        out.collect(value);
                    } else {
                        ctx.output(odd, "odd " + value);
                    }
                }
            });
            SingleOutputStreamOperator<String> windows = events(env)
                    .keyBy(t -> t.f0)
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(10)))
                    .sideOutputLateData(late)
                    .process(new CountPerWindow());
            evens.map(v -> "even " + v)
                    .union(evens.getSideOutput(odd), windows.getSideOutput(late).map(t -> "late " + t))
                    .addSink(new SharedSink<>(run));
        });
        assertThat(flink).contains("even 10", "odd 1", "late (a,3)@3").hasSize(11);
    }

    @Test
    void connectedKeyedStreamsWithAKeyedCoProcessFunctionAndACoMapGiveTheSameOutput() throws Exception {
        List<String> flink = runOnBoth("connected", (env, run) -> {
            DataStream<Tuple2<String, Long>> orders = env.fromData(Tuple2.of("o1", 10L), Tuple2.of("o2", 20L), Tuple2.of("o3", 30L));
            DataStream<Tuple2<String, Long>> payments = env.fromData(Tuple2.of("o2", 20L), Tuple2.of("o1", 5L), Tuple2.of("o4", 7L));
            orders.keyBy(t -> t.f0)
                    .connect(payments.keyBy(t -> t.f0))
                    .process(new MatchPayments())
                    .union(env.fromData(1L, 2L).connect(env.fromData("x")).map(new CoMapFunction<Long, String, String>() {
                        @Override
                        public String map1(Long value) {
                            return "number " + value;
                        }

                        @Override
                        public String map2(String value) {
                            return "letter " + value;
                        }
                    }))
                    .addSink(new SharedSink<>(run));
        });
        assertThat(flink).containsExactly("letter x", "number 1", "number 2", "o1 paid 5 of 10", "o2 paid 20 of 20");
    }

    @Test
    void aKeyedBroadcastProcessFunctionReadsTheSameBroadcastRulesAsOnWeir() throws Exception {
        MapStateDescriptor<String, Long> thresholds = new MapStateDescriptor<>("thresholds", String.class, Long.class);
        List<String> flink = runOnBoth("broadcast", (env, run) -> events(env)
                .keyBy(t -> t.f0)
                .connect(env.fromSource(new FromElementsSource<>(List.of(Tuple2.of("a", 6L), Tuple2.of("b", 15L))),
                        WatermarkStrategy.<Tuple2<String, Long>>forGenerator(context -> new AtEndOnly()), "rules").broadcast(thresholds))
                .process(new AboveThreshold(thresholds))
                .addSink(new SharedSink<>(run)));
        assertThat(flink).containsExactly("a: 14 above 6@" + END, "a: 31 above 6@" + END, "a: 60 above 6@" + END, "a: 7 above 6@" + END,
                "b: 19 above 15@" + END, "b: 33 above 15@" + END, "c: 15 above none@" + END, "c: 58 above none@" + END);
    }

    /**
     * Keeps each key's values and, at the end of input (when every rule has arrived, on either engine), emits those
     * above the key's broadcast threshold.
     */
    static final class AboveThreshold extends KeyedBroadcastProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String> {
        private final MapStateDescriptor<String, Long> thresholds;
        private transient ListState<Long> values;

        AboveThreshold(MapStateDescriptor<String, Long> thresholds) {
            this.thresholds = thresholds;
        }

        @Override
        public void open(OpenContext openContext) {
            values = getRuntimeContext().getListState(new ListStateDescriptor<>("values", Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> value, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            values.add(value.f1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void processBroadcastElement(Tuple2<String, Long> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(thresholds).put(rule.f0, rule.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Long threshold = ctx.getBroadcastState(thresholds).get(ctx.getCurrentKey());
            for (Long value : values.get()) {
                if (threshold == null || value > threshold) {
                    out.collect(ctx.getCurrentKey() + ": " + value + " above " + (threshold == null ? "none" : threshold));
                }
            }
        }
    }

    /** A Java record, neither Serializable nor with a no-argument constructor: Flink's Kryo fallback cannot read it. */
    record Reading(String sensor, long value) {
    }

    @Test
    void javaRecordsInFromDataCrossFlinksNetworkAndKeyedStateAsOnWeir() throws Exception {
        List<String> flink = runOnBoth("records", (env, run) -> env
                .fromData(new Reading("a", 1), new Reading("b", 2), new Reading("a", 3), new Reading("b", 4), new Reading("a", 5))
                .keyBy(Reading::sensor)
                .reduce((x, y) -> new Reading(x.sensor(), x.value() + y.value()))
                .addSink(new SharedSink<>(run)));
        assertThat(flink).containsExactly("Reading[sensor=a, value=1]", "Reading[sensor=a, value=4]", "Reading[sensor=a, value=9]",
                "Reading[sensor=b, value=2]", "Reading[sensor=b, value=6]");
    }

    @Test
    void anIntervalJoinWithAnExclusiveUpperBoundJoinsTheSamePairs() throws Exception {
        List<String> flink = runOnBoth("intervaljoin", (env, run) -> {
            // Event time whose watermark moves only at the end of input, so that no element is late on either engine.
            WatermarkStrategy<Tuple2<String, Long>> timestamps = WatermarkStrategy.<Tuple2<String, Long>>forGenerator(context -> new AtEndOnly())
                    .withTimestampAssigner((e, ts) -> e.f1);
            DataStream<Tuple2<String, Long>> clicks = env.fromSource(new FromElementsSource<>(List.of(Tuple2.of("u1", 10L),
                    Tuple2.of("u2", 20L), Tuple2.of("u1", 40L))), timestamps, "clicks");
            DataStream<Tuple2<String, Long>> views = env.fromSource(new FromElementsSource<>(List.of(Tuple2.of("u1", 5L),
                    Tuple2.of("u1", 15L), Tuple2.of("u2", 26L), Tuple2.of("u1", 35L))), timestamps, "views");
            clicks.keyBy(t -> t.f0)
                    .intervalJoin(views.keyBy(t -> t.f0))
                    .between(Duration.ofMillis(-5), Duration.ofMillis(5))
                    .upperBoundExclusive()
                    .process(new ProcessJoinFunction<Tuple2<String, Long>, Tuple2<String, Long>, String>() {
                        @Override
                        public void processElement(Tuple2<String, Long> click, Tuple2<String, Long> view, Context ctx, Collector<String> out) {
                            out.collect(click + " " + view + " at " + ctx.getTimestamp());
                        }
                    })
                    .addSink(new SharedSink<>(run));
        });
        // (u1,10) meets views at 5 (-5, inclusive) but not 15 (+5, exclusive); (u2,20) misses 26; (u1,40) meets 35.
        assertThat(flink).containsExactly("(u1,10) (u1,5) at 10@10", "(u1,40) (u1,35) at 40@40");
    }

    /** Joins an order with its payment, whichever comes first, keeping the first in keyed value state. */
    static final class MatchPayments extends KeyedCoProcessFunction<String, Tuple2<String, Long>, Tuple2<String, Long>, String> {
        private transient ValueState<Long> order;
        private transient ValueState<Long> payment;

        @Override
        public void open(OpenContext openContext) {
            order = getRuntimeContext().getState(new ValueStateDescriptor<>("order", Long.class));
            payment = getRuntimeContext().getState(new ValueStateDescriptor<>("payment", Long.class));
        }

        @Override
        public void processElement1(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
            order.update(value.f1);
            emitIfComplete(ctx.getCurrentKey(), out);
        }

        @Override
        public void processElement2(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
            payment.update(value.f1);
            emitIfComplete(ctx.getCurrentKey(), out);
        }

        private void emitIfComplete(String key, Collector<String> out) throws Exception {
            if (order.value() != null && payment.value() != null) {
                out.collect(key + " paid " + payment.value() + " of " + order.value());
            }
        }
    }

    /**
     * Runs the job on Weir, then on Flink, at parallelism 2 and at 4, checks that Flink's output equals Weir's each
     * time and that it does not depend on the parallelism, and returns it.
     */
    static List<String> runOnBoth(String name, BiConsumer<StreamExecutionEnvironment, String> job) throws Exception {
        List<String> first = null;
        for (int parallelism : PARALLELISMS) {
            String run = name + "-p" + parallelism;
            StreamExecutionEnvironment weir = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
            job.accept(weir, run + "-weir");
            weir.execute(name);

            StreamExecutionEnvironment flink = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
            flink.configure("execution.target", FlinkPipelineExecutor.MINICLUSTER_TARGET);
            job.accept(flink, run + "-flink");
            flink.execute(name);

            List<String> onWeir = SharedSink.sorted(run + "-weir");
            List<String> onFlink = SharedSink.sorted(run + "-flink");
            assertThat(onWeir).isNotEmpty();
            assertThat(onFlink).as("Flink's output at parallelism %d", parallelism).isEqualTo(onWeir);
            if (first == null) {
                first = onFlink;
            } else {
                assertThat(onFlink).as("output at parallelism %d", parallelism).isEqualTo(first);
            }
        }
        return first;
    }

    /**
     * The events with a watermark after every event (3 ms out of orderness), made at the source, so that which
     * element is late does not depend on when a periodic watermark happens to be emitted.
     */
    static DataStream<Tuple2<String, Long>> events(StreamExecutionEnvironment env) {
        WatermarkStrategy<Tuple2<String, Long>> strategy = WatermarkStrategy.<Tuple2<String, Long>>forGenerator(context -> new EveryEvent())
                .withTimestampAssigner((e, ts) -> e.f1);
        return env.fromSource(new FromElementsSource<>(EVENTS), strategy, "events");
    }

    /** Emits no watermark: the end of input brings the final one. */
    static final class AtEndOnly implements WatermarkGenerator<Tuple2<String, Long>> {
        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    /** A punctuated watermark generator: the highest timestamp seen minus 3 ms, minus 1, after each event. */
    static final class EveryEvent implements WatermarkGenerator<Tuple2<String, Long>> {
        private long highest = Long.MIN_VALUE + 4;

        @Override
        public void onEvent(Tuple2<String, Long> event, long eventTimestamp, WatermarkOutput output) {
            highest = Math.max(highest, eventTimestamp);
            output.emitWatermark(new Watermark(highest - 4));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    private static String label(String key, TimeWindow w) {
        return key + " [" + w.getStart() + "," + w.getEnd() + ")";
    }

    static final class CountPerWindow extends ProcessWindowFunction<Tuple2<String, Long>, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Tuple2<String, Long>> elements, Collector<String> out) {
            int count = 0;
            for (Tuple2<String, Long> ignored : elements) {
                count++;
            }
            out.collect(label(key, context.window()) + " " + count);
        }
    }

    static final class CountAggregate implements AggregateFunction<Tuple2<String, Long>, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(Tuple2<String, Long> value, Long accumulator) {
            return accumulator + 1;
        }

        @Override
        public Long getResult(Long accumulator) {
            return accumulator;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    static final class LabelWindow extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Long> counts, Collector<String> out) {
            out.collect(label(key, context.window()) + " " + counts.iterator().next());
        }
    }

    /**
     * Counts a key's events in value state, remembers the latest event time in map state, and reports 10 ms of event
     * time after the latest event; a newer event moves the timer.
     */
    static final class CountUntilQuiet extends KeyedProcessFunction<String, Tuple2<String, Long>, String> {
        private transient ValueState<Integer> count;
        private transient MapState<String, Long> latest;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class, 0));
            latest = getRuntimeContext().getMapState(new MapStateDescriptor<>("latest", String.class, Long.class));
        }

        @Override
        public void processElement(Tuple2<String, Long> value, Context ctx, Collector<String> out) throws Exception {
            count.update(count.value() + 1);
            Long previous = latest.get("time");
            if (previous == null || value.f1 > previous) {
                if (previous != null) {
                    ctx.timerService().deleteEventTimeTimer(previous + 10);
                }
                latest.put("time", value.f1);
                ctx.timerService().registerEventTimeTimer(value.f1 + 10);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + ": " + count.value() + " events, latest " + latest.get("time") + ", fired at " + timestamp);
            count.clear();
            latest.clear();
        }
    }
}
