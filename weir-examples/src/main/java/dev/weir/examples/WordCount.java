package dev.weir.examples;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.util.Collector;
import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import java.time.Duration;

/**
 * The tutorial's word count: lines of text, each with an event timestamp (one second apart), split into words, keyed
 * by word, and counted in 5-second tumbling event-time windows. Each result is (word, count in that window).
 */
public final class WordCount {
    private WordCount() {
    }

    /** A line of text with the time it was written, in milliseconds. */
    public record Line(String text, long timestamp) {
    }

    /** Builds the word-count job on {@code lines} timestamped lines. */
    public static DataStream<Tuple2<String, Integer>> build(StreamExecutionEnvironment env, long lines, double linesPerSecond) {
        DataGeneratorSource<Line> source = new DataGeneratorSource<>(
                i -> new Line(TextLines.LINES.get((int) (i % TextLines.LINES.size())), i * 1_000L),
                lines,
                linesPerSecond > 0 ? RateLimiterStrategy.perSecond(linesPerSecond) : RateLimiterStrategy.noOp());
        return env.fromSource(source, WatermarkStrategy.<Line>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                        .withTimestampAssigner((line, ts) -> line.timestamp()), "Text Lines")
                .flatMap(new Tokenizer()).name("Tokenizer")
                .keyBy(t -> t.f0)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .sum(1).name("Count per 5 s");
    }

    public static void main(String[] args) throws Exception {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 40;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        build(env, lines, rate).print();
        env.execute("Word Count");
    }

    /** Splits a line into lower-case words, each with a count of one. */
    public static final class Tokenizer implements FlatMapFunction<Line, Tuple2<String, Integer>> {
        @Override
        public void flatMap(Line line, Collector<Tuple2<String, Integer>> out) {
            for (String word : line.text().toLowerCase().split("\\W+")) {
                if (!word.isEmpty()) {
                    out.collect(Tuple2.of(word, 1));
                }
            }
        }
    }
}
