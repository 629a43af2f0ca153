package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.util.Collector;

/**
 * Broadcast state: thresholds per sensor type are broadcast to every parallel instance; readings are keyed by sensor,
 * buffered in keyed state and judged on an event-time timer, so every reading is judged against the full rule set
 * whatever the interleaving of the two inputs.
 */
public class BroadcastRules {
    static final MapStateDescriptor<String, Integer> RULES = new MapStateDescriptor<>(
            "rules", BasicTypeInfo.STRING_TYPE_INFO, BasicTypeInfo.INT_TYPE_INFO);

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        DataStream<Tuple3<String, String, Integer>> rules = env.fromElements(
                        Tuple3.of("temp", "max", 30), Tuple3.of("humidity", "max", 80), Tuple3.of("pressure", "max", 1030))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, String, Integer>>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> 0L))
                .setParallelism(1);
        BroadcastStream<Tuple3<String, String, Integer>> ruleBroadcast = rules.broadcast(RULES);

        Tuple3<String, Integer, Long>[] readings = new Tuple3[48];
        String[] sensors = {"temp-1", "temp-2", "humidity-1", "pressure-1"};
        for (int i = 0; i < readings.length; i++) {
            String sensor = sensors[i % sensors.length];
            int base = sensor.startsWith("temp") ? 20 : sensor.startsWith("humidity") ? 60 : 1000;
            readings[i] = Tuple3.of(sensor, base + (i * 7) % 40, 100L * i);
        }
        DataStream<Tuple3<String, Integer, Long>> sensorStream = env.fromElements(readings)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Integer, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((r, ts) -> r.f2))
                .setParallelism(1);

        sensorStream.keyBy(reading -> reading.f0)
                .connect(ruleBroadcast)
                .process(new ThresholdJudge())
                .addSink(new LineFileSink<>(params.getRequired("output"), "alerts"));
        env.execute("BroadcastRules");
    }

    /** Buffers each sensor's readings until the watermark passes them, then compares them with the broadcast rules. */
    public static final class ThresholdJudge
            extends KeyedBroadcastProcessFunction<String, Tuple3<String, Integer, Long>, Tuple3<String, String, Integer>, String> {
        private transient ListState<Tuple3<String, Integer, Long>> pending;

        @Override
        public void open(Configuration parameters) {
            pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending",
                    org.apache.flink.api.common.typeinfo.Types.TUPLE(
                            org.apache.flink.api.common.typeinfo.Types.STRING,
                            org.apache.flink.api.common.typeinfo.Types.INT,
                            org.apache.flink.api.common.typeinfo.Types.LONG)));
        }

        @Override
        public void processElement(Tuple3<String, Integer, Long> reading, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            pending.add(reading);
            ctx.timerService().registerEventTimeTimer(reading.f2);
        }

        @Override
        public void processBroadcastElement(Tuple3<String, String, Integer> rule, Context ctx, Collector<String> out) throws Exception {
            ctx.getBroadcastState(RULES).put(rule.f0 + "." + rule.f1, rule.f2);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            ReadOnlyBroadcastState<String, Integer> rules = ctx.getBroadcastState(RULES);
            java.util.List<Tuple3<String, Integer, Long>> keep = new java.util.ArrayList<>();
            for (Tuple3<String, Integer, Long> reading : pending.get()) {
                if (reading.f2 > timestamp) {
                    keep.add(reading);
                    continue;
                }
                String type = reading.f0.substring(0, reading.f0.indexOf('-'));
                Integer max = rules.get(type + ".max");
                if (max != null && reading.f1 > max) {
                    out.collect(reading.f0 + " " + reading.f1 + " > " + max + " at " + reading.f2);
                }
            }
            pending.update(keep);
            int ruleCount = 0;
            for (Map.Entry<String, Integer> ignored : rules.immutableEntries()) {
                ruleCount++;
            }
            if (ruleCount != 3) {
                out.collect("incomplete rules at " + timestamp + ": " + ruleCount);
            }
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
