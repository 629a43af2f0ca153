package port;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Modelled on Flink's SideOutputExample: a tokenizer sends words longer than five letters to a side output and
 * counts the others in 5 s tumbling event-time windows; both streams go to files through FileSink in STREAMING mode
 * (files finish at the end of the bounded input).
 */
public class SideOutputExample {
    private static final OutputTag<String> REJECTED_WORDS = new OutputTag<String>("rejected") {};

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final String output = params.getRequired("output");
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);

        String[] lines = {
            "the quick brown fox jumps over the lazy dog",
            "a stitch in time saves nine",
            "all that glitters is not gold",
            "the early bird catches the worm",
            "actions speak louder than words",
            "the pen is mightier than the sword",
            "when in rome do as the romans do",
            "the squeaky wheel gets the grease",
        };
        Tuple2<Long, String>[] timed = new Tuple2[lines.length];
        for (int i = 0; i < lines.length; i++) {
            timed[i] = Tuple2.of(i * 2_000L, lines[i]);
        }

        DataStream<Tuple2<Long, String>> text = env.fromElements(timed)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple2<Long, String>>forMonotonousTimestamps()
                        .withTimestampAssigner((line, ts) -> line.f0))
                .setParallelism(1);

        SingleOutputStreamOperator<Tuple2<String, Integer>> tokenized = text.process(new Tokenizer());
        DataStream<String> rejectedWords = tokenized.getSideOutput(REJECTED_WORDS).map(word -> "rejected: " + word);
        DataStream<String> counts = tokenized
                .keyBy(value -> value.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .sum(1)
                .map(count -> count.f0 + "=" + count.f1);

        counts.sinkTo(fileSink(output + "/counts", "counts"));
        rejectedWords.sinkTo(fileSink(output + "/rejected", "rejected"));
        env.execute("Streaming WordCount SideOutput");
    }

    private static FileSink<String> fileSink(String dir, String prefix) {
        return FileSink.forRowFormat(new Path(dir), new SimpleStringEncoder<String>("UTF-8"))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(".txt").build())
                .build();
    }

    /** Emits (word, 1) for words of at most five letters and sends longer ones to the side output. */
    public static final class Tokenizer extends ProcessFunction<Tuple2<Long, String>, Tuple2<String, Integer>> {
        @Override
        public void processElement(Tuple2<Long, String> value, Context ctx, Collector<Tuple2<String, Integer>> out) {
            for (String token : value.f1.split("\\W+")) {
                if (token.length() > 5) {
                    ctx.output(REJECTED_WORDS, token);
                } else if (token.length() > 0) {
                    out.collect(new Tuple2<>(token, 1));
                }
            }
        }
    }
}
