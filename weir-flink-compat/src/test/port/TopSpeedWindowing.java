package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.apache.flink.streaming.api.functions.windowing.delta.DeltaFunction;
import org.apache.flink.streaming.api.windowing.assigners.GlobalWindows;
import org.apache.flink.streaming.api.windowing.evictors.TimeEvictor;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.streaming.api.windowing.triggers.DeltaTrigger;

/**
 * Modelled on Flink's TopSpeedWindowing: cars report (id, speed, distance, time); every time a car has driven 50 more
 * metres (a DeltaTrigger on a global window) the job emits its top speed over the last 10 seconds (a TimeEvictor),
 * with maxBy(1). The trigger takes the serializer of the stream's type, as Flink's API requires.
 */
public class TopSpeedWindowing {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().setGlobalJobParameters(params);

        final int evictionSec = 10;
        final double triggerMeters = 50;

        DataStream<Tuple4<Integer, Integer, Double, Long>> carData = env.addSource(new CarSource(3, 120))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple4<Integer, Integer, Double, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((car, ts) -> car.f3));

        DataStream<Tuple4<Integer, Integer, Double, Long>> topSpeeds = carData
                .keyBy(value -> value.f0)
                .window(GlobalWindows.create())
                .evictor(TimeEvictor.of(Time.of(evictionSec, TimeUnit.SECONDS)))
                .trigger(DeltaTrigger.of(triggerMeters,
                        new DeltaFunction<Tuple4<Integer, Integer, Double, Long>>() {
                            private static final long serialVersionUID = 1L;

                            @Override
                            public double getDelta(Tuple4<Integer, Integer, Double, Long> oldDataPoint,
                                    Tuple4<Integer, Integer, Double, Long> newDataPoint) {
                                return newDataPoint.f2 - oldDataPoint.f2;
                            }
                        },
                        carData.getType().createSerializer(env.getConfig())))
                .maxBy(1);

        topSpeeds.addSink(new LineFileSink<>(params.getRequired("output"), "top-speeds"));
        env.execute("CarTopSpeedWindowingExample");
    }

    /** A fixed, seeded drive of several cars: each second every car speeds up or slows down by 5 km/h. */
    public static final class CarSource extends RichSourceFunction<Tuple4<Integer, Integer, Double, Long>> {
        private final int cars;
        private final int seconds;
        private volatile boolean running = true;
        private transient int[] speeds;

        @Override
        public void open(Configuration parameters) {
            speeds = new int[cars];
            java.util.Arrays.fill(speeds, 50);
        }

        public CarSource(int cars, int seconds) {
            this.cars = cars;
            this.seconds = seconds;
        }

        @Override
        public void run(SourceContext<Tuple4<Integer, Integer, Double, Long>> ctx) {
            Random random = new Random(42);
            double[] distances = new double[cars];
            for (int second = 0; second < seconds && running; second++) {
                for (int car = 0; car < cars; car++) {
                    speeds[car] = random.nextBoolean() ? Math.min(100, speeds[car] + 5) : Math.max(0, speeds[car] - 5);
                    distances[car] += speeds[car] / 3.6d;
                    ctx.collect(new Tuple4<>(car, speeds[car], distances[car], second * 1000L));
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Writes each record's toString() as a line of {@code <dir>/<name>-<subtask>.txt}. */
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
            writer.write(String.valueOf(value));
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
