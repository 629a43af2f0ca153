package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.DynamicEventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.evictors.CountEvictor;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.streaming.api.windowing.triggers.ContinuousEventTimeTrigger;
import org.apache.flink.streaming.api.windowing.triggers.CountTrigger;
import org.apache.flink.streaming.api.windowing.triggers.PurgingTrigger;
import org.apache.flink.streaming.api.windowing.windows.GlobalWindow;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * One keyed stream of out-of-order page views through every kind of window: tumbling with an offset (reduce),
 * sliding (aggregate with a ProcessWindowFunction and per-window state), dynamic-gap sessions, count windows,
 * global windows with a purging count trigger and a count evictor, a continuous event-time trigger, and an
 * all-window; with allowed lateness and late data to a side output.
 */
public class WindowKinds {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final String output = params.getRequired("output");
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        List<Tuple3<String, Integer, Long>> views = new ArrayList<>();
        String[] pages = {"home", "docs", "blog"};
        for (int i = 0; i < 120; i++) {
            // out of order by up to 1.5 s, and every 17th view 6 s late
            long time = i * 250L - (i % 4) * 500L - (i % 17 == 16 ? 6_000L : 0L);
            views.add(Tuple3.of(pages[(i * 7) % 3], 1 + i % 5, Math.max(0, time)));
        }
        final OutputTag<Tuple3<String, Integer, Long>> late = new OutputTag<Tuple3<String, Integer, Long>>("late") {};

        KeyedStream<Tuple3<String, Integer, Long>, String> byPage = env.fromCollection(views)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Integer, Long>>forBoundedOutOfOrderness(Duration.ofMillis(1500))
                        .withTimestampAssigner((v, ts) -> v.f2))
                .setParallelism(1)
                .keyBy(v -> v.f0);

        DataStream<Tuple3<String, Integer, Long>> tumbling = byPage
                .window(TumblingEventTimeWindows.of(Time.seconds(5), Time.seconds(1)))
                .allowedLateness(Time.seconds(2))
                .sideOutputLateData(late)
                .reduce(new ReduceFunction<Tuple3<String, Integer, Long>>() {
                    @Override
                    public Tuple3<String, Integer, Long> reduce(Tuple3<String, Integer, Long> a, Tuple3<String, Integer, Long> b) {
                        return Tuple3.of(a.f0, a.f1 + b.f1, Math.max(a.f2, b.f2));
                    }
                });
        tumbling.addSink(new LineFileSink<>(output, "tumbling-offset-reduce"));
        ((org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator<Tuple3<String, Integer, Long>>) tumbling)
                .getSideOutput(late).addSink(new LineFileSink<>(output, "tumbling-late"));

        byPage.window(SlidingEventTimeWindows.of(Time.seconds(6), Time.seconds(2)))
                .aggregate(new AverageWeight(), new LabelWithWindow())
                .addSink(new LineFileSink<>(output, "sliding-aggregate-process"));

        byPage.window(DynamicEventTimeSessionWindows.withDynamicGap((Tuple3<String, Integer, Long> v) -> v.f1 * 200L))
                .sum(1)
                .addSink(new LineFileSink<>(output, "dynamic-sessions-sum"));

        byPage.countWindow(7)
                .reduce((a, b) -> Tuple3.of(a.f0, a.f1 * 10 + b.f1 % 10, b.f2))
                .addSink(new LineFileSink<>(output, "count-window"));

        byPage.window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.of(5)))
                .evictor(CountEvictor.of(3))
                .max(1)
                .addSink(new LineFileSink<>(output, "global-purging-count-evictor"));

        byPage.window(TumblingEventTimeWindows.of(Time.seconds(10)))
                .trigger(ContinuousEventTimeTrigger.of(Time.seconds(3)))
                .sum(1)
                .addSink(new LineFileSink<>(output, "continuous-trigger"));

        byPage.windowAll(TumblingEventTimeWindows.of(Time.seconds(8)))
                .process(new ProcessAllWindowFunction<Tuple3<String, Integer, Long>, String, TimeWindow>() {
                    @Override
                    public void process(Context context, Iterable<Tuple3<String, Integer, Long>> elements, Collector<String> out) {
                        int count = 0;
                        int weight = 0;
                        for (Tuple3<String, Integer, Long> e : elements) {
                            count++;
                            weight += e.f1;
                        }
                        out.collect("all " + context.window() + " count=" + count + " weight=" + weight);
                    }
                })
                .addSink(new LineFileSink<>(output, "window-all"))
                .setParallelism(1);

        env.execute("WindowKinds");
    }

    /** Mean weight of a window's views. */
    public static final class AverageWeight implements AggregateFunction<Tuple3<String, Integer, Long>, Tuple2<Long, Long>, Double> {
        @Override
        public Tuple2<Long, Long> createAccumulator() {
            return Tuple2.of(0L, 0L);
        }

        @Override
        public Tuple2<Long, Long> add(Tuple3<String, Integer, Long> value, Tuple2<Long, Long> acc) {
            return Tuple2.of(acc.f0 + value.f1, acc.f1 + 1);
        }

        @Override
        public Double getResult(Tuple2<Long, Long> acc) {
            return (double) acc.f0 / acc.f1;
        }

        @Override
        public Tuple2<Long, Long> merge(Tuple2<Long, Long> a, Tuple2<Long, Long> b) {
            return Tuple2.of(a.f0 + b.f0, a.f1 + b.f1);
        }
    }

    /** Labels each mean with its key and window, and counts the firings per window in window state. */
    public static final class LabelWithWindow extends ProcessWindowFunction<Double, String, String, TimeWindow> {
        @Override
        public void process(String key, Context context, Iterable<Double> means, Collector<String> out) throws Exception {
            org.apache.flink.api.common.state.ValueState<Integer> firings =
                    context.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
            int n = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(n);
            out.collect(key + " " + context.window() + " mean=" + means.iterator().next() + " firing=" + n
                    + " watermark>=" + (context.currentWatermark() >= context.window().maxTimestamp()));
        }
    }

    /** Writes each record and its timestamp as a line of {@code <dir>/<name>-<subtask>.txt}. */
    public static final class LineFileSink<T> extends RichSinkFunction<T> {
        private final String dir;
        private final String name;
        private transient BufferedWriter writer;

        public LineFileSink(String dir, String name) {
            this.dir = dir;
            this.name = name;
        }

        @Override
        public void open(Configuration parameters) throws Exception {
            Files.createDirectories(Paths.get(dir));
            writer = Files.newBufferedWriter(Paths.get(dir, name + "-" + getRuntimeContext().getIndexOfThisSubtask() + ".txt"),
                    StandardCharsets.UTF_8);
        }

        @Override
        public void invoke(T value, Context context) throws Exception {
            writer.write(value + " @" + context.timestamp());
            writer.newLine();
        }

        @Override
        public void close() throws Exception {
            if (writer != null) {
                writer.close();
            }
        }
    }
}
