package dev.weir.examples.anomaly;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.SingleOutputStreamOperator;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.util.Collector;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.util.ParameterTool;
import java.time.Duration;
import java.time.Instant;

/**
 * Weir's main demo: sensor readings arrive out of order (some late) with injected anomalies. Per sensor, a one-hour
 * sliding window keeps the rolling mean and standard deviation; a reading more than three standard deviations from
 * its sensor's mean in the window that ended just before it is an {@link Alert}. Late readings go to a side output.
 * Time is compressed: every sensor reads once per second of event time, and the generator produces many such
 * seconds per wall-clock second, so an hour of event time passes in seconds. Run it with {@code ./weir demo}.
 */
public final class AnomalyDetection {
    /** The side output of readings that arrived after the watermark had passed them. */
    public static final OutputTag<SensorEvent> LATE = new OutputTag<>("late-readings") {
    };

    private AnomalyDetection() {
    }

    /** What to generate and how to judge it. {@code eventsPerSecond <= 0} means as fast as possible. */
    public record Settings(long seed, int sensors, long events, double eventsPerSecond, long startMillis, long periodMillis,
                           long maxDelayMillis, Duration window, Duration slide, int anomalyOneIn, int lateOneIn) {
        /**
         * The demo's defaults: endless, each sensor reading once per second of event time, starting far enough back
         * that the compressed replay ({@code eventsPerSecond / sensors} times real time) stays behind the wall clock
         * for {@link #DEMO_HOURS_BEHIND} hours of running (at least a week back), so the dashboard's watermark lag
         * never turns into "ahead".
         */
        public static Settings demo(double eventsPerSecond, int sensors) {
            double speedUp = Math.max(1, eventsPerSecond / sensors);
            long back = Math.max(Duration.ofDays(7).toMillis(), (long) Math.min(speedUp * DEMO_HOURS_BEHIND * 3_600_000L, 100 * 365 * 86_400_000d));
            long start = (System.currentTimeMillis() - back) / 3_600_000L * 3_600_000L;
            return new Settings(42, sensors, Long.MAX_VALUE, eventsPerSecond, start, 1000, 5000,
                    Duration.ofHours(1), Duration.ofMinutes(1), 2000, 1000);
        }

        /** How long the demo can run before its replay would catch up with the wall clock. */
        public static final long DEMO_HOURS_BEHIND = 8;

        public SensorGenerator generator() {
            return new SensorGenerator(seed, sensors, startMillis, periodMillis, maxDelayMillis, anomalyOneIn, lateOneIn);
        }
    }

    /** The job's outputs: alerts, the late readings, the rolling statistics, and the on-time readings (for charts). */
    public record Streams(DataStream<Alert> alerts, DataStream<SensorEvent> late, DataStream<SensorStats> stats,
                          DataStream<SensorEvent> readings) {
    }

    /** Builds the job; the caller adds sinks to the streams it wants. */
    public static Streams build(StreamExecutionEnvironment env, Settings s) {
        DataGeneratorSource<SensorEvent> source = new DataGeneratorSource<>(s.generator(), s.events(),
                s.eventsPerSecond() > 0 ? RateLimiterStrategy.perSecond(s.eventsPerSecond()) : RateLimiterStrategy.noOp());
        long maxDelay = s.maxDelayMillis();
        WatermarkStrategy<SensorEvent> watermarks = WatermarkStrategy.<SensorEvent>forGenerator(ctx -> new ReadingWatermarks(maxDelay, 1000))
                .withTimestampAssigner((event, ts) -> event.timestamp());
        SingleOutputStreamOperator<SensorEvent> onTime = env.fromSource(source, watermarks, "Sensor Readings")
                .setParallelism(1)
                .process(new SeparateLate()).name("Separate Late").setParallelism(1);
        DataStream<SensorStats> stats = onTime
                .keyBy(SensorEvent::sensorId)
                .window(SlidingEventTimeWindows.of(s.window(), s.slide()))
                .aggregate(new RollingStats.Accumulate(), new RollingStats.Label()).name("Rolling Mean and Sigma").uid("rolling-stats");
        DataStream<Alert> alerts = onTime.connect(stats)
                .keyBy(SensorEvent::sensorId, SensorStats::sensorId)
                .process(new Detector(s.slide().toMillis(), 3.0)).name("Detect Anomalies").uid("detector");
        return new Streams(alerts, onTime.getSideOutput(LATE), stats, onTime);
    }

    /** Readings behind the watermark go to {@link #LATE}; the others go on. */
    static final class SeparateLate extends ProcessFunction<SensorEvent, SensorEvent> {
        @Override
        public void processElement(SensorEvent event, Context ctx, Collector<SensorEvent> out) {
            if (event.timestamp() < ctx.timerService().currentWatermark()) {
                ctx.output(LATE, event);
            } else {
                out.collect(event);
            }
        }
    }

    /**
     * {@code AnomalyDetection [--rate N] [--sensors N] [--events N] [--start INSTANT] [--checkpoint-interval MS]}:
     * prints alerts and late readings until stopped, or until {@code --events} readings were read. {@code --rate 0}
     * reads as fast as possible; {@code --start} (e.g. {@code 2026-01-01T00:00:00Z}) fixes the first reading's event
     * time, so that two runs read the same readings and must print the same alerts.
     */
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        double rate = params.getDouble("rate", 5000);
        int sensors = params.getInt("sensors", 10);
        Settings demo = Settings.demo(rate, sensors);
        long start = params.has("start") ? Instant.parse(params.get("start")).toEpochMilli() : demo.startMillis();
        Settings s = new Settings(demo.seed(), sensors, params.getLong("events", demo.events()), rate, start, demo.periodMillis(),
                demo.maxDelayMillis(), demo.window(), demo.slide(), demo.anomalyOneIn(), demo.lateOneIn());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (params.has("checkpoint-interval")) {
            env.enableCheckpointing(params.getLong("checkpoint-interval"));
        }
        Streams streams = build(env, s);
        streams.alerts().print();
        streams.late().map(e -> "late reading: " + e).print();
        env.execute("Anomaly Detection");
    }
}
