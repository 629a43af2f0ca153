package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.CoGroupFunction;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.util.Collector;

/**
 * Orders and shipments: an interval join pairs each order with the shipments of the same customer from 1 s before
 * to 5 s after it (lower bound exclusive), and a coGroup over 10 s windows sliding by 5 s reports, per customer,
 * how many orders and shipments each window saw, including windows where one side is empty.
 */
public class IntervalJoinAndCoGroup {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final String output = params.getRequired("output");
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        List<Tuple3<String, Integer, Long>> orderList = new ArrayList<>();
        List<Tuple3<String, String, Long>> shipmentList = new ArrayList<>();
        String[] customers = {"ann", "ben", "cat", "dan"};
        for (int i = 0; i < 40; i++) {
            orderList.add(Tuple3.of(customers[i % 4], i, i * 1000L));
            if (i % 3 != 0) {
                shipmentList.add(Tuple3.of(customers[(i * 3) % 4], "parcel-" + i, i * 1000L + (i % 7) * 700L - 1000L));
            }
        }
        shipmentList.sort((a, b) -> Long.compare(a.f2, b.f2));

        DataStream<Tuple3<String, Integer, Long>> orders = env.fromCollection(orderList)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Integer, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                        .withTimestampAssigner((o, ts) -> o.f2))
                .setParallelism(1);
        DataStream<Tuple3<String, String, Long>> shipments = env.fromCollection(shipmentList)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, String, Long>>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                        .withTimestampAssigner((s, ts) -> s.f2))
                .setParallelism(1);

        orders.keyBy(order -> order.f0)
                .intervalJoin(shipments.keyBy(shipment -> shipment.f0))
                .between(Time.seconds(-1), Time.seconds(5))
                .lowerBoundExclusive()
                .process(new ProcessJoinFunction<Tuple3<String, Integer, Long>, Tuple3<String, String, Long>, String>() {
                    @Override
                    public void processElement(Tuple3<String, Integer, Long> order, Tuple3<String, String, Long> shipment, Context ctx,
                            Collector<String> out) {
                        out.collect(order.f0 + " order " + order.f1 + " ships " + shipment.f1 + " at " + ctx.getTimestamp()
                                + " (order " + ctx.getLeftTimestamp() + ", shipment " + ctx.getRightTimestamp() + ")");
                    }
                })
                .addSink(new LineFileSink<>(output, "interval-join"));

        orders.coGroup(shipments)
                .where(order -> order.f0)
                .equalTo(shipment -> shipment.f0)
                .window(SlidingEventTimeWindows.of(Time.seconds(10), Time.seconds(5)))
                .apply(new CoGroupFunction<Tuple3<String, Integer, Long>, Tuple3<String, String, Long>, String>() {
                    @Override
                    public void coGroup(Iterable<Tuple3<String, Integer, Long>> first, Iterable<Tuple3<String, String, Long>> second,
                            Collector<String> out) {
                        String customer = null;
                        int orderCount = 0;
                        int shipmentCount = 0;
                        for (Tuple3<String, Integer, Long> order : first) {
                            customer = order.f0;
                            orderCount++;
                        }
                        for (Tuple3<String, String, Long> shipment : second) {
                            customer = shipment.f0;
                            shipmentCount++;
                        }
                        out.collect(customer + " orders=" + orderCount + " shipments=" + shipmentCount);
                    }
                })
                .addSink(new LineFileSink<>(output, "cogroup"));

        env.execute("IntervalJoinAndCoGroup");
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
