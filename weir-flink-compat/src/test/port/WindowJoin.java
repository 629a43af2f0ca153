package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.JoinFunction;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.util.ratelimit.GuavaRateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Modelled on Flink's WindowJoin: a stream of (name, grade, time) and a stream of (name, salary, time), both from
 * DataGeneratorSource with rate limits (RateLimiterStrategy.perSecond, a GuavaRateLimiter per reader) and explicit
 * type information, the grade generator opened with its SourceReaderContext, joined on the name within 200 ms tumbling
 * event-time windows.
 */
public class WindowJoin {
    private static final String[] NAMES = {"tom", "jerry", "alice", "bob", "john", "grace"};
    private static final String[] GRADES = {"A", "B", "C", "D", "E"};

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final long windowSize = params.getLong("windowSize", 200);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.getConfig().setGlobalJobParameters(params);

        TypeInformation<Tuple3<String, String, Long>> gradeType = TypeInformation.of(new TypeHint<Tuple3<String, String, Long>>() {});
        DataGeneratorSource<Tuple3<String, String, Long>> gradeSource = new DataGeneratorSource<>(
                new GradeGenerator(), 60, RateLimiterStrategy.perSecond(5000), gradeType);
        DataGeneratorSource<Tuple3<String, Integer, Long>> salarySource = new DataGeneratorSource<>(
                (GeneratorFunction<Long, Tuple3<String, Integer, Long>>) index ->
                        Tuple3.of(NAMES[(int) ((index * 7) % NAMES.length)], 1000 + (int) ((index * 37) % 9000), index * 45),
                40, parallelism -> new GuavaRateLimiter(5000.0 / parallelism), Types.TUPLE(Types.STRING, Types.INT, Types.LONG));

        DataStream<Tuple3<String, String, Long>> grades = env
                .fromSource(gradeSource, WatermarkStrategy.<Tuple3<String, String, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((g, ts) -> g.f2), "grades")
                .setParallelism(1);
        DataStream<Tuple3<String, Integer, Long>> salaries = env
                .fromSource(salarySource, WatermarkStrategy.<Tuple3<String, Integer, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((s, ts) -> s.f2), "salaries")
                .setParallelism(1);

        DataStream<Tuple3<String, String, Integer>> joined = grades.join(salaries)
                .where(grade -> grade.f0)
                .equalTo(salary -> salary.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofMillis(windowSize)))
                .apply(new JoinFunction<Tuple3<String, String, Long>, Tuple3<String, Integer, Long>, Tuple3<String, String, Integer>>() {
                    @Override
                    public Tuple3<String, String, Integer> join(Tuple3<String, String, Long> grade, Tuple3<String, Integer, Long> salary) {
                        return new Tuple3<>(grade.f0, grade.f1, salary.f1);
                    }
                }, Types.TUPLE(Types.STRING, Types.STRING, Types.INT));

        joined.addSink(new LineFileSink<>(params.getRequired("output"), "joined")).setParallelism(1);
        env.execute("Windowed Join Example");
    }

    /** The index-th grade: names and grades cycle with co-prime strides, one record every 30 ms of event time. */
    public static final class GradeGenerator implements GeneratorFunction<Long, Tuple3<String, String, Long>> {
        private transient String reader;

        @Override
        public void open(SourceReaderContext readerContext) {
            reader = readerContext.getIndexOfSubtask() + "/" + readerContext.currentParallelism();
        }

        @Override
        public Tuple3<String, String, Long> map(Long index) {
            return Tuple3.of(NAMES[(int) (index % NAMES.length)], GRADES[(int) ((index * 3) % GRADES.length)] + " by reader " + reader,
                    index * 30);
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
