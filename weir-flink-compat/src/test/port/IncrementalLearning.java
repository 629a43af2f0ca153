package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.windowing.AllWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * After Flink's IncrementalLearningSkeleton: training samples are aggregated per 1 s window into a model (the mean
 * per region, an AllWindowFunction), and a keyed CoProcessFunction connects the models with new data, predicting
 * each data point with the latest model whose window ended before it. Predictions are made on event-time timers, so
 * they do not depend on how the two inputs interleave.
 */
public class IncrementalLearning {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        Tuple3<String, Double, Long>[] training = new Tuple3[60];
        Tuple3<String, Integer, Long>[] newData = new Tuple3[30];
        for (int i = 0; i < training.length; i++) {
            training[i] = Tuple3.of(i % 2 == 0 ? "north" : "south", (i * 13 % 17) * 1.5, i * 100L);
        }
        for (int i = 0; i < newData.length; i++) {
            newData[i] = Tuple3.of(i % 3 == 0 ? "south" : "north", i, i * 200L + 50);
        }

        DataStream<Tuple2<String, Double>> models = env.fromElements(training)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Double, Long>>forBoundedOutOfOrderness(Duration.ofMillis(10))
                        .withTimestampAssigner((t, ts) -> t.f2))
                .setParallelism(1)
                .windowAll(TumblingEventTimeWindows.of(Time.seconds(1)))
                .apply(new PartialModelBuilder());

        DataStream<Tuple3<String, Integer, Long>> data = env.fromElements(newData)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Integer, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((d, ts) -> d.f2))
                .setParallelism(1);

        models.keyBy(model -> model.f0)
                .connect(data.keyBy(point -> point.f0))
                .process(new Predictor())
                .addSink(new LineFileSink<>(params.getRequired("output"), "predictions"));
        env.execute("Streaming Incremental Learning");
    }

    /** Builds one partial model per window: the mean training value of each region seen in it. */
    public static final class PartialModelBuilder implements AllWindowFunction<Tuple3<String, Double, Long>, Tuple2<String, Double>, TimeWindow> {
        @Override
        public void apply(TimeWindow window, Iterable<Tuple3<String, Double, Long>> values, Collector<Tuple2<String, Double>> out) {
            java.util.TreeMap<String, double[]> sums = new java.util.TreeMap<>();
            for (Tuple3<String, Double, Long> value : values) {
                double[] sum = sums.computeIfAbsent(value.f0, k -> new double[2]);
                sum[0] += value.f1;
                sum[1]++;
            }
            sums.forEach((region, sum) -> out.collect(Tuple2.of(region, sum[0] / sum[1])));
        }
    }

    /** Keeps the latest model of a region and predicts data points on timers at their own timestamps. */
    public static final class Predictor extends KeyedCoProcessFunction<String, Tuple2<String, Double>, Tuple3<String, Integer, Long>, String> {
        private transient MapState<Long, Double> models;

        @Override
        public void open(Configuration parameters) {
            models = getRuntimeContext().getMapState(new MapStateDescriptor<>("models", Long.class, Double.class));
        }

        @Override
        public void processElement1(Tuple2<String, Double> partialModel, Context ctx, Collector<String> out) throws Exception {
            // a window's result carries the window's last timestamp: models are kept by it, as models for later
            // windows may arrive before the data they must not be used for
            models.put(ctx.timestamp(), partialModel.f1);
        }

        @Override
        public void processElement2(Tuple3<String, Integer, Long> point, Context ctx, Collector<String> out) throws Exception {
            ctx.timerService().registerEventTimeTimer(point.f2);
            out.collect("seen " + point.f0 + " " + point.f1);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Long modelTime = null;
            for (Long time : models.keys()) {
                if (time < timestamp && (modelTime == null || time > modelTime)) {
                    modelTime = time;
                }
            }
            Double model = modelTime == null ? null : models.get(modelTime);
            out.collect("predict " + ctx.getCurrentKey() + " at " + timestamp + " with model " + model + " from " + modelTime);
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
