package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.util.Collector;

/**
 * Word count over sliding count windows, keyed by tuple position: every word's count over its last four occurrences,
 * every second occurrence. Written with the Flink 1.x surface: keyBy(int), sum(int), addSink and open(Configuration).
 */
public class WindowWordCount {
    private static final String[] LINES = {
        "to be or not to be that is the question",
        "whether tis nobler in the mind to suffer",
        "the slings and arrows of outrageous fortune",
        "or to take arms against a sea of troubles",
        "and by opposing end them to die to sleep",
        "no more and by a sleep to say we end",
        "the heartache and the thousand natural shocks",
        "that flesh is heir to tis a consummation",
    };

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final int windowSize = params.getInt("window", 4);
        final int slideSize = params.getInt("slide", 2);

        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().setGlobalJobParameters(params);

        DataStream<String> text = env.fromElements(LINES);
        DataStream<Tuple2<String, Integer>> counts = text
                .flatMap(new Tokenizer())
                .keyBy(0)
                .countWindow(windowSize, slideSize)
                .sum(1);

        counts.addSink(new LineFileSink<>(params.getRequired("output"), "window-counts")).name("line-file-sink");
        env.execute("WindowWordCount");
    }

    /** Splits a line into words and emits (word, 1) for each. */
    public static final class Tokenizer implements FlatMapFunction<String, Tuple2<String, Integer>> {
        @Override
        public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.split(" ")) {
                out.collect(Tuple2.of(token, 1));
            }
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
            int subtask = getRuntimeContext().getIndexOfThisSubtask();
            writer = Files.newBufferedWriter(Paths.get(dir, name + "-" + subtask + ".txt"), StandardCharsets.UTF_8);
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
