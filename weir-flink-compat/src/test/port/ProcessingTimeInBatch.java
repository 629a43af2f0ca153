package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.util.Collector;

/**
 * BATCH mode on bounded input: a reduce emits only its final result per key (no intermediate updates), and a
 * processing-time timer registered an hour ahead still fires, at the end of the input, as batch execution defines;
 * the output depends on no clock.
 */
public class ProcessingTimeInBatch {

    public static void main(String[] args) throws Exception {
        final ParameterTool params = ParameterTool.fromArgs(args);
        final String output = params.getRequired("output");
        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        // one subtask: in BATCH mode Flink's adaptive batch scheduler picks the parallelism of each stage from the
        // data volume, so the subtask a key lands on (and the file it is written to) would not be the program's choice
        env.setParallelism(1);

        Tuple2<String, Integer>[] sales = new Tuple2[50];
        String[] shops = {"berlin", "paris", "rome", "oslo", "lima"};
        for (int i = 0; i < sales.length; i++) {
            sales[i] = Tuple2.of(shops[(i * 3) % shops.length], (i * 37) % 101);
        }

        env.fromElements(sales)
                .keyBy(sale -> sale.f0)
                .reduce(new ReduceFunction<Tuple2<String, Integer>>() {
                    @Override
                    public Tuple2<String, Integer> reduce(Tuple2<String, Integer> a, Tuple2<String, Integer> b) {
                        return Tuple2.of(a.f0, a.f1 + b.f1);
                    }
                })
                .addSink(new LineFileSink<>(output, "totals"));

        env.fromElements(sales)
                .keyBy(sale -> sale.f0)
                .process(new KeyedProcessFunction<String, Tuple2<String, Integer>, String>() {
                    private transient ValueState<Integer> count;

                    @Override
                    public void open(OpenContext openContext) {
                        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Integer.class));
                    }

                    @Override
                    public void processElement(Tuple2<String, Integer> sale, Context ctx, Collector<String> out) throws Exception {
                        if (count.value() == null) {
                            ctx.timerService().registerProcessingTimeTimer(ctx.timerService().currentProcessingTime() + 3_600_000L);
                            count.update(0);
                        }
                        count.update(count.value() + 1);
                    }

                    @Override
                    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
                        out.collect(ctx.getCurrentKey() + " had " + count.value() + " sales when its " + ctx.timeDomain() + " timer fired");
                    }
                })
                .addSink(new LineFileSink<>(output, "timers"));

        env.execute("ProcessingTimeInBatch");
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
