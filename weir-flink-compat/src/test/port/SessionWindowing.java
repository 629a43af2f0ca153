package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.time.Time;
import org.apache.flink.util.OutputTag;

/**
 * Session windows over a source that sets its own event time (collectWithTimestamp) and emits its own watermarks
 * (emitWatermark), as Flink's SessionWindowing example does; sessions close after a 3 ms gap, allowed lateness of
 * 10 ms refires a session for a late record, and records later than that go to a side output.
 */
public class SessionWindowing {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);

        final List<Tuple3<String, Long, Integer>> input = new ArrayList<>();
        input.add(new Tuple3<>("a", 1L, 1));
        input.add(new Tuple3<>("b", 1L, 1));
        input.add(new Tuple3<>("b", 3L, 1));
        input.add(new Tuple3<>("b", 5L, 1));
        input.add(new Tuple3<>("c", 6L, 1));
        // the watermark passes 'a''s first session here; this record opens a second one
        input.add(new Tuple3<>("a", 10L, 1));
        input.add(new Tuple3<>("c", 11L, 1));
        input.add(new Tuple3<>("a", 14L, 1));
        input.add(new Tuple3<>("b", 20L, 1));
        // behind the watermark (19) but within the allowed lateness: merges into 'a''s fired session [14, 17),
        // which fires again at once as [14, 19) with both records
        input.add(new Tuple3<>("a", 16L, 1));
        input.add(new Tuple3<>("c", 30L, 1));
        // later than the allowed lateness: goes to the side output
        input.add(new Tuple3<>("b", 2L, 1));
        input.add(new Tuple3<>("c", 33L, 1));

        DataStream<Tuple3<String, Long, Integer>> source = env.addSource(new SessionSource(input));
        final OutputTag<Tuple3<String, Long, Integer>> lateTag = new OutputTag<Tuple3<String, Long, Integer>>("late") {};

        SingleOutputStreamOperator<Tuple3<String, Long, Integer>> aggregated = source
                .keyBy(value -> value.f0)
                .window(EventTimeSessionWindows.withGap(Time.milliseconds(3L)))
                .allowedLateness(Time.milliseconds(10L))
                .sideOutputLateData(lateTag)
                .sum(2);

        aggregated.addSink(new LineFileSink<>(params.getRequired("output"), "sessions"));
        aggregated.getSideOutput(lateTag).addSink(new LineFileSink<>(params.getRequired("output"), "late"));
        env.execute("SessionWindowing");
    }

    /** Emits each record at its own timestamp and a watermark one below it, as an in-order sensor would. */
    public static final class SessionSource implements SourceFunction<Tuple3<String, Long, Integer>> {
        private final List<Tuple3<String, Long, Integer>> input;
        private volatile boolean running = true;

        public SessionSource(List<Tuple3<String, Long, Integer>> input) {
            this.input = input;
        }

        @Override
        public void run(SourceContext<Tuple3<String, Long, Integer>> ctx) throws Exception {
            long watermark = Long.MIN_VALUE;
            for (Tuple3<String, Long, Integer> value : input) {
                if (!running) {
                    return;
                }
                ctx.collectWithTimestamp(value, value.f1);
                if (value.f1 - 1 > watermark) {
                    watermark = value.f1 - 1;
                    ctx.emitWatermark(new Watermark(watermark));
                }
            }
            ctx.emitWatermark(new Watermark(Long.MAX_VALUE));
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
