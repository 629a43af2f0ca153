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
import org.apache.flink.api.common.state.AggregatingState;
import org.apache.flink.api.common.state.AggregatingStateDescriptor;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReducingState;
import org.apache.flink.api.common.state.ReducingStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.time.Time;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.util.Collector;

/**
 * Every kind of keyed state, each with a time-to-live (long enough that nothing expires during the run, so the
 * output is deterministic), kept by a KeyedProcessFunction that reports each user's activity on an event-time timer
 * at the end of every 10 s period.
 */
public class KeyedStateWithTtl {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        List<Tuple3<String, String, Long>> clicks = new ArrayList<>();
        String[] users = {"u1", "u2", "u3"};
        String[] pages = {"home", "cart", "search", "item", "checkout"};
        for (int i = 0; i < 90; i++) {
            clicks.add(Tuple3.of(users[(i * 5) % 3], pages[(i * 7) % 5], i * 400L));
        }

        env.fromCollection(clicks)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, String, Long>>forBoundedOutOfOrderness(Duration.ofMillis(500))
                        .withTimestampAssigner((click, ts) -> click.f2))
                .setParallelism(1)
                .keyBy(click -> click.f0)
                .process(new ActivityReporter())
                .addSink(new LineFileSink<>(params.getRequired("output"), "activity"));
        env.execute("KeyedStateWithTtl");
    }

    /** Keeps every kind of keyed state for one user and reports it when a 10 s period ends. */
    public static final class ActivityReporter extends KeyedProcessFunction<String, Tuple3<String, String, Long>, String> {
        private transient ValueState<Long> firstSeen;
        private transient ListState<String> recentPages;
        private transient MapState<String, Integer> pageCounts;
        private transient ReducingState<Long> latest;
        private transient AggregatingState<Long, Double> meanGap;

        @Override
        public void open(Configuration parameters) {
            StateTtlConfig ttl = StateTtlConfig.newBuilder(Time.hours(1))
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build();
            ValueStateDescriptor<Long> first = new ValueStateDescriptor<>("first-seen", Long.class);
            first.enableTimeToLive(ttl);
            ListStateDescriptor<String> recent = new ListStateDescriptor<>("recent-pages", String.class);
            recent.enableTimeToLive(ttl);
            MapStateDescriptor<String, Integer> counts = new MapStateDescriptor<>("page-counts", String.class, Integer.class);
            counts.enableTimeToLive(ttl);
            ReducingStateDescriptor<Long> max = new ReducingStateDescriptor<>("latest", Math::max, Long.class);
            max.enableTimeToLive(ttl);
            AggregatingStateDescriptor<Long, long[], Double> mean = new AggregatingStateDescriptor<>("mean-gap", new MeanOf(), long[].class);
            mean.enableTimeToLive(ttl);
            firstSeen = getRuntimeContext().getState(first);
            recentPages = getRuntimeContext().getListState(recent);
            pageCounts = getRuntimeContext().getMapState(counts);
            latest = getRuntimeContext().getReducingState(max);
            meanGap = getRuntimeContext().getAggregatingState(mean);
        }

        @Override
        public void processElement(Tuple3<String, String, Long> click, Context ctx, Collector<String> out) throws Exception {
            if (firstSeen.value() == null) {
                firstSeen.update(click.f2);
            }
            Long previous = latest.get();
            if (previous != null) {
                meanGap.add(click.f2 - previous);
            }
            latest.add(click.f2);
            recentPages.add(click.f1);
            Integer count = pageCounts.get(click.f1);
            pageCounts.put(click.f1, count == null ? 1 : count + 1);
            ctx.timerService().registerEventTimeTimer(click.f2 - click.f2 % 10_000 + 9_999);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            StringBuilder pages = new StringBuilder();
            for (String page : recentPages.get()) {
                pages.append(page.charAt(0));
            }
            java.util.TreeMap<String, Integer> sorted = new java.util.TreeMap<>();
            for (java.util.Map.Entry<String, Integer> entry : pageCounts.entries()) {
                sorted.put(entry.getKey(), entry.getValue());
            }
            out.collect(ctx.getCurrentKey() + " at " + timestamp + " (" + ctx.timeDomain() + "): first=" + firstSeen.value()
                    + " latest=" + latest.get() + " meanGap=" + meanGap.get() + " pages=" + pages + " counts=" + sorted
                    + " hasCart=" + pageCounts.contains("cart"));
            recentPages.clear();
        }
    }

    /** The mean of the added values. */
    public static final class MeanOf implements AggregateFunction<Long, long[], Double> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Long value, long[] acc) {
            acc[0] += value;
            acc[1]++;
            return acc;
        }

        @Override
        public Double getResult(long[] acc) {
            return acc[1] == 0 ? null : (double) acc[0] / acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0], a[1] + b[1]};
        }
    }

    /** Writes each record as a line of {@code <dir>/<name>-<subtask>.txt}. */
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
