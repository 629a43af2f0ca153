package dev.weir.compat;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.KeyedStream;
import dev.weir.streaming.api.datastream.SingleOutputStreamOperator;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.sink.SinkFunction;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.CoGroupFunction;
import dev.weir.util.Collector;
import dev.weir.api.common.functions.JoinFunction;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.streaming.api.functions.co.ProcessJoinFunction;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.streaming.api.functions.windowing.ProcessAllWindowFunction;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.functions.windowing.WindowFunction;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.GlobalWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.evictors.CountEvictor;
import dev.weir.streaming.api.windowing.evictors.DeltaEvictor;
import dev.weir.streaming.api.windowing.evictors.TimeEvictor;
import dev.weir.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.CountTrigger;
import dev.weir.streaming.api.windowing.triggers.EventTimeTrigger;
import dev.weir.streaming.api.windowing.triggers.PurgingTrigger;
import dev.weir.streaming.api.windowing.windows.GlobalWindow;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.api.java.tuple.Tuple3;
import dev.weir.streaming.api.functions.co.BroadcastProcessFunction;
import dev.weir.api.common.state.MapStateDescriptor;
// TWIN BODY BELOW: everything below equals the twin class's text, class name aside (TwinSourcesTest checks it).
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The differential cases as jobs of one engine; its twin is the same text against the other engine. */
final class WeirCases {
    /** Every sink's records by sink name ("case" and "case/late"), in arrival order per subtask. */
    static final Map<String, List<String>> OUT = new ConcurrentHashMap<>();

    private WeirCases() {
    }

    /** Adds one case's job to {@code env}; {@code left} and {@code right} are its inputs (right only for joins). */
    static void build(String name, StreamExecutionEnvironment env, List<Ev> left, List<Ev> right) {
        DataStream<Ev> in = source(env, left);
        KeyedStream<Ev, String> keyed = in.keyBy(new ByKey());
        OutputTag<Ev> late = new OutputTag<Ev>("late") {
        };
        DataStream<String> out;
        DataStream<Ev> lateEvents = null;
        switch (name) {
            case "tumblingReduceWithOffset" -> {
                SingleOutputStreamOperator<Ev> reduced = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(200)))
                        .sideOutputLateData(late).reduce(new SumReduce());
                lateEvents = reduced.getSideOutput(late);
                out = reduced.map(new Show());
            }
            case "tumblingAggregateWithProcess" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                    .sideOutputLateData(late).aggregate(new Stats(), new WithWindow());
            case "slidingAggregateWithProcess" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(2_000), Duration.ofMillis(500)))
                    .sideOutputLateData(late).aggregate(new Stats(), new WithWindow());
            case "slidingReduceWithOffset" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(1_500), Duration.ofMillis(500), Duration.ofMillis(100)))
                    .reduce(new SumReduce()).map(new Show());
            case "slidingProcess" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(1_500), Duration.ofMillis(500), Duration.ofMillis(100)))
                    .process(new Describe());
            case "tumblingApply" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(700))).apply(new Apply());
            case "tumblingLatenessRefiresAndSideOutputs" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                    .allowedLateness(Duration.ofMillis(1_500)).sideOutputLateData(late).process(new Describe());
            case "slidingLatenessAggregateDropsLate" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(2_000), Duration.ofMillis(1_000)))
                    .allowedLateness(Duration.ofMillis(1_000)).aggregate(new Stats(), new WithWindow());
            case "slidingLatenessReduceSideOutput" -> {
                SingleOutputStreamOperator<Ev> reduced = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(250)))
                        .allowedLateness(Duration.ofMillis(500)).sideOutputLateData(late).reduce(new SumReduce());
                lateEvents = reduced.getSideOutput(late);
                out = reduced.map(new Show());
            }
            case "sessionProcess" -> out = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(400))).process(new Describe());
            case "sessionLatenessReduce", "sessionBridge" -> out = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
                    .allowedLateness(Duration.ofMillis(3_000)).sideOutputLateData(late).reduce(new SumReduce(), new Describe());
            case "sessionDynamicGapAggregate" -> out = keyed.window(EventTimeSessionWindows.withDynamicGap((Ev e) -> 200L + (e.value % 3) * 200L))
                    .aggregate(new Stats(), new WithWindow());
            case "countWindow" -> out = keyed.countWindow(3).process(new DescribeGlobal());
            case "countWindowWithSlide" -> out = keyed.countWindow(4, 2).reduce(new SumReduce()).map(new Show());
            case "globalWindowPurgingCountTrigger" -> out = keyed.window(GlobalWindows.create())
                    .trigger(PurgingTrigger.of(CountTrigger.of(3))).process(new DescribeGlobal());
            case "countTriggerOnTumbling" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
                    .trigger(CountTrigger.of(3)).process(new Describe());
            case "purgingCountTriggerReduce" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
                    .trigger(PurgingTrigger.of(CountTrigger.of(2))).reduce(new SumReduce()).map(new Show());
            case "continuousEventTimeTrigger" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(3_000)))
                    .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(1_000))).aggregate(new Stats(), new WithWindow());
            case "continuousEventTimeTriggerOnSessions" -> out = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
                    .trigger(ContinuousEventTimeTrigger.of(Duration.ofMillis(300))).process(new Describe());
            case "explicitEventTimeTriggerSliding" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(2_000), Duration.ofMillis(500)))
                    .trigger(EventTimeTrigger.create()).sideOutputLateData(late).aggregate(new Stats(), new WithWindow());
            case "countEvictorBefore" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
                    .evictor(CountEvictor.of(2)).process(new Describe());
            case "countEvictorAfterWithCountTrigger" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
                    .trigger(CountTrigger.of(2)).evictor(CountEvictor.of(1, true)).process(new Describe());
            case "timeEvictorSliding" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(2_000), Duration.ofMillis(1_000)))
                    .evictor(TimeEvictor.of(Duration.ofMillis(500))).process(new Describe());
            case "deltaEvictorReduce" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(2_000)))
                    .evictor(DeltaEvictor.of(40, (Ev a, Ev b) -> Math.abs(a.value - b.value))).reduce(new SumReduce(), new Describe());
            case "windowAllTumbling" -> out = in.windowAll(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                    .sideOutputLateData(late).process(new DescribeAll());
            case "windowStateCountsFiringsAcrossLateRefires" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                    .allowedLateness(Duration.ofMillis(2_000)).process(new FiringCount());
            case "sessionAggregateLatenessSideOutput" -> out = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(300)))
                    .allowedLateness(Duration.ofMillis(1_500)).sideOutputLateData(late).aggregate(new Stats(), new WithWindow());
            case "countEvictorWithLateness" -> out = keyed.window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000)))
                    .allowedLateness(Duration.ofMillis(1_000)).sideOutputLateData(late).evictor(CountEvictor.of(3)).process(new Describe());
            case "purgingContinuousTriggerSliding" -> out = keyed.window(SlidingEventTimeWindows.of(Duration.ofMillis(2_000), Duration.ofMillis(1_000)))
                    .trigger(PurgingTrigger.of(ContinuousEventTimeTrigger.of(Duration.ofMillis(500)))).aggregate(new Stats(), new WithWindow());
            case "countTriggerOnSessions" -> out = keyed.window(EventTimeSessionWindows.withGap(Duration.ofMillis(300)))
                    .trigger(CountTrigger.of(3)).process(new Describe());
            case "countWindowAll" -> out = in.countWindowAll(5).reduce(new SumReduce()).map(new Show());
            case "tumblingSum" -> out = tuples(in).window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000))).sum(1).map(new ShowTuple());
            case "tumblingMaxKeepsFirstFields" -> out = tuples(in).window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000))).max(1).map(new ShowTuple());
            case "slidingMaxByLast" -> out = tuples(in).window(SlidingEventTimeWindows.of(Duration.ofMillis(1_000), Duration.ofMillis(500))).maxBy(1, false).map(new ShowTuple());
            case "tumblingMaxByFirst" -> out = tuples(in).window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000))).maxBy(1).map(new ShowTuple());
            case "sessionMinByLast" -> out = tuples(in).window(EventTimeSessionWindows.withGap(Duration.ofMillis(300))).minBy(1, false).map(new ShowTuple());
            case "keyedProcessTimers" -> out = keyed.process(new TimerSum());
            case "windowJoin" -> out = in.join(source(env, right)).where(new ByKey()).equalTo(new ByKey())
                    .window(TumblingEventTimeWindows.of(Duration.ofMillis(1_000))).apply(new Pair());
            case "slidingCoGroup" -> out = in.coGroup(source(env, right)).where(new ByKey()).equalTo(new ByKey())
                    .window(SlidingEventTimeWindows.of(Duration.ofMillis(2_000), Duration.ofMillis(1_000))).apply(new Groups());
            case "intervalJoinExclusiveBounds" -> out = keyed.intervalJoin(source(env, right).keyBy(new ByKey()))
                    .between(Duration.ofMillis(-300), Duration.ofMillis(200)).lowerBoundExclusive().upperBoundExclusive().process(new IntervalPair());
            case "intervalJoinInclusiveBounds" -> out = keyed.intervalJoin(source(env, right).keyBy(new ByKey()))
                    .between(Duration.ofMillis(-200), Duration.ofMillis(0)).process(new IntervalPair());
            case "rollingReduce" -> out = keyed.reduce(new SumReduce()).map(new Show());
            case "processingTimeTimersAtEnd" -> out = keyed.process(new ProcessingTimeCount());
            case "broadcastFirst" -> out = in.connect(source(env, right).broadcast(BroadcastCount.SEEN)).process(new BroadcastCount());
            default -> throw new IllegalArgumentException("No differential case named " + name);
        }
        out.process(new Stamp()).addSink(new Into(name));
        if (lateEvents == null && out instanceof SingleOutputStreamOperator<String> operator) {
            lateEvents = operator.getSideOutput(late);
        }
        if (lateEvents != null) {
            lateEvents.map(new Show()).process(new Stamp()).addSink(new Into(name + "/late"));
        }
    }

    private static DataStream<Ev> source(StreamExecutionEnvironment env, List<Ev> events) {
        return env.fromData(events).setParallelism(1)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Ev>forGenerator(ctx -> new Punctuated())
                        .withTimestampAssigner((e, previous) -> e.ts)).setParallelism(1);
    }

    /** Key, value modulo 10 (so maxima tie often) and timestamp, keyed by key; one subtask, like the source. */
    private static KeyedStream<Tuple3<String, Integer, Long>, String> tuples(DataStream<Ev> in) {
        return in.map(new AsTuple()).setParallelism(1).keyBy(new TupleKey());
    }

    /** Emits the watermark each event carries, right after the event. */
    static final class Punctuated implements WatermarkGenerator<Ev> {
        @Override
        public void onEvent(Ev event, long eventTimestamp, WatermarkOutput output) {
            if (event.watermarkAfter != Ev.NONE) {
                output.emitWatermark(new Watermark(event.watermarkAfter));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }

    static final class ByKey implements KeySelector<Ev, String> {
        @Override
        public String getKey(Ev e) {
            return e.key;
        }
    }

    static final class SumReduce implements ReduceFunction<Ev> {
        @Override
        public Ev reduce(Ev a, Ev b) {
            return new Ev(a.key, Math.max(a.ts, b.ts), a.value + b.value, Ev.NONE);
        }
    }

    static final class Show implements MapFunction<Ev, String> {
        @Override
        public String map(Ev e) {
            return e.key + "|" + e;
        }
    }

    /** Count, sum and timestamp range of a window's events. */
    static final class Stats implements AggregateFunction<Ev, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[] {0, 0, Long.MAX_VALUE, Long.MIN_VALUE};
        }

        @Override
        public long[] add(Ev e, long[] acc) {
            return new long[] {acc[0] + 1, acc[1] + e.value, Math.min(acc[2], e.ts), Math.max(acc[3], e.ts)};
        }

        @Override
        public String getResult(long[] acc) {
            return "n=" + acc[0] + " sum=" + acc[1] + " ts=" + acc[2] + ".." + acc[3];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1], Math.min(a[2], b[2]), Math.max(a[3], b[3])};
        }
    }

    static final class WithWindow extends ProcessWindowFunction<String, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<String> results, Collector<String> out) {
            for (String r : results) {
                out.collect(key + "|" + ctx.window().getStart() + ".." + ctx.window().getEnd() + "|" + r + "|wm=" + ctx.currentWatermark());
            }
        }
    }

    static final class Describe extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> events, Collector<String> out) {
            out.collect(key + "|" + ctx.window().getStart() + ".." + ctx.window().getEnd() + "|" + list(events) + "|wm=" + ctx.currentWatermark());
        }
    }

    static final class DescribeGlobal extends ProcessWindowFunction<Ev, String, String, GlobalWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> events, Collector<String> out) {
            out.collect(key + "|global|" + list(events));
        }
    }

    static final class DescribeAll extends ProcessAllWindowFunction<Ev, String, TimeWindow> {
        @Override
        public void process(Context ctx, Iterable<Ev> events, Collector<String> out) {
            List<String> keyed = new ArrayList<>();
            for (Ev e : events) {
                keyed.add(e.key + "@" + e);
            }
            out.collect("all|" + ctx.window().getStart() + ".." + ctx.window().getEnd() + "|" + keyed);
        }
    }

    static final class Apply implements WindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void apply(String key, TimeWindow window, Iterable<Ev> events, Collector<String> out) {
            out.collect(key + "|" + window.getStart() + ".." + window.maxTimestamp() + "|" + list(events));
        }
    }

    /** Sums values per key and reports the sum 100 ms after each event, at the latest timer of a burst. */
    static final class TimerSum extends KeyedProcessFunction<String, Ev, String> {
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext openContext) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Long.class));
        }

        @Override
        public void processElement(Ev e, Context ctx, Collector<String> out) throws Exception {
            Long current = sum.value();
            sum.update((current == null ? 0 : current) + e.value);
            ctx.timerService().registerEventTimeTimer(e.ts + 100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "|timer " + timestamp + "|sum=" + sum.value() + "|wm=" + ctx.timerService().currentWatermark());
        }
    }

    /** Counts a key's events; one processing-time timer per key, far in the future, says the count when it fires. */
    static final class ProcessingTimeCount extends KeyedProcessFunction<String, Ev, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Ev e, Context ctx, Collector<String> out) throws Exception {
            Long current = count.value();
            count.update((current == null ? 0 : current) + 1);
            ctx.timerService().registerProcessingTimeTimer(4_000_000_000_000L);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "|processing timer " + timestamp + "|count=" + count.value() + "|" + ctx.timeDomain());
        }
    }

    /** Says, for each event, how many broadcast events its subtask had seen. */
    static final class BroadcastCount extends BroadcastProcessFunction<Ev, Ev, String> {
        static final MapStateDescriptor<String, Integer> SEEN = new MapStateDescriptor<>("seen", String.class, Integer.class);

        @Override
        public void processElement(Ev e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            Integer seen = ctx.getBroadcastState(SEEN).get("n");
            out.collect(e.key + "|" + e + "|broadcast events seen=" + (seen == null ? 0 : seen));
        }

        @Override
        public void processBroadcastElement(Ev e, Context ctx, Collector<String> out) throws Exception {
            Integer seen = ctx.getBroadcastState(SEEN).get("n");
            ctx.getBroadcastState(SEEN).put("n", (seen == null ? 0 : seen) + 1);
        }
    }

    static final class AsTuple implements MapFunction<Ev, Tuple3<String, Integer, Long>> {
        @Override
        public Tuple3<String, Integer, Long> map(Ev e) {
            return Tuple3.of(e.key, e.value % 10, e.ts);
        }
    }

    static final class TupleKey implements KeySelector<Tuple3<String, Integer, Long>, String> {
        @Override
        public String getKey(Tuple3<String, Integer, Long> t) {
            return t.f0;
        }
    }

    static final class ShowTuple implements MapFunction<Tuple3<String, Integer, Long>, String> {
        @Override
        public String map(Tuple3<String, Integer, Long> t) {
            return t.f0 + "|" + t.f1 + "," + t.f2;
        }
    }

    /** Counts a window's firings in window state and the key's firings in global state. */
    static final class FiringCount extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> events, Collector<String> out) throws Exception {
            ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
            ValueState<Integer> all = ctx.globalState().getState(new ValueStateDescriptor<>("all", Integer.class));
            int n = firings.value() == null ? 1 : firings.value() + 1;
            int m = all.value() == null ? 1 : all.value() + 1;
            firings.update(n);
            all.update(m);
            out.collect(key + "|" + ctx.window().getStart() + "|firing " + n + " of " + m + "|" + list(events) + "|wm=" + ctx.currentWatermark());
        }
    }

    static final class Pair implements JoinFunction<Ev, Ev, String> {
        @Override
        public String join(Ev left, Ev right) {
            return left.key + "|" + left + " with " + right;
        }
    }

    static final class Groups implements CoGroupFunction<Ev, Ev, String> {
        @Override
        public void coGroup(Iterable<Ev> left, Iterable<Ev> right, Collector<String> out) {
            String key = null;
            for (Ev e : left) {
                key = e.key;
            }
            for (Ev e : right) {
                key = e.key;
            }
            out.collect(key + "|" + sorted(left) + " with " + sorted(right));
        }
    }

    static final class IntervalPair extends ProcessJoinFunction<Ev, Ev, String> {
        @Override
        public void processElement(Ev left, Ev right, Context ctx, Collector<String> out) {
            out.collect(left.key + "|" + left + " with " + right + "|" + ctx.getLeftTimestamp() + "," + ctx.getRightTimestamp() + "," + ctx.getTimestamp());
        }
    }

    /** Appends the record's timestamp, so cases compare timestamps as well as values. */
    static final class Stamp extends ProcessFunction<String, String> {
        @Override
        public void processElement(String value, Context ctx, Collector<String> out) {
            out.collect(value + "@" + ctx.timestamp());
        }
    }

    static final class Into implements SinkFunction<String> {
        private final String name;

        Into(String name) {
            this.name = name;
        }

        @Override
        public void invoke(String value, Context context) {
            OUT.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(value);
        }
    }

    static String list(Iterable<Ev> events) {
        List<String> all = new ArrayList<>();
        for (Ev e : events) {
            all.add(e.toString());
        }
        return all.toString();
    }

    /** Sorted, for co-groups, whose element order within a side depends on how the two sources interleaved. */
    static String sorted(Iterable<Ev> events) {
        List<String> all = new ArrayList<>();
        for (Ev e : events) {
            all.add(e.toString());
        }
        Collections.sort(all);
        return all.toString();
    }
}
