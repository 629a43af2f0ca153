package port;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.utils.MultipleParameterTool;
import org.apache.flink.api.java.utils.ParameterTool;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.RichSinkFunction;
import org.apache.flink.util.Preconditions;
import org.apache.flink.util.TimeUtils;

/**
 * A job configured the ways real jobs are: ParameterTool defaults from a map merged with the command line,
 * MultipleParameterTool for repeated flags, Preconditions and TimeUtils on the parameters, a custom ConfigOption read
 * from a string key, the option classes Flink documents, getExecutionEnvironment(Configuration), env.configure, and
 * global job parameters read inside a rich function both the 1.x way and the 1.19+ way.
 */
public class ConfiguredJob {
    static final ConfigOption<Integer> THRESHOLD = ConfigOptions.key("port.threshold").intType().defaultValue(10)
            .withDescription("Readings above this value are flagged.");
    static final ConfigOption<Duration> PERIOD = ConfigOptions.key("port.period").durationType().defaultValue(Duration.ofSeconds(1));

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("threshold", "40");
        defaults.put("greeting", "hello");
        defaults.put("period", "2 s");
        ParameterTool params = ParameterTool.fromMap(defaults).mergeWith(ParameterTool.fromArgs(args));
        MultipleParameterTool multi = MultipleParameterTool.fromArgs(new String[] {"--tag", "red", "--tag", "blue", "--level", "3"});
        Preconditions.checkArgument(params.has("output"), "--output is required");
        Preconditions.checkState(multi.getMultiParameter("tag").size() == 2, "two tags expected");
        final String output = Preconditions.checkNotNull(params.getRequired("output"));
        final Duration period = TimeUtils.parseDuration(params.get("period"));

        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.NAME, "configured-job");
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "jobmanager");
        conf.set(RestOptions.PORT, 0);
        conf.setString("parallelism.default", "1");
        conf.setString(THRESHOLD.key(), params.get("threshold"));
        conf.set(PERIOD, period);

        final StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        Configuration more = new Configuration();
        more.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(100));
        more.set(PipelineOptions.OBJECT_REUSE, false);
        env.configure(more);
        env.getConfig().setGlobalJobParameters(params);

        final int threshold = conf.get(THRESHOLD);
        final long periodMillis = conf.get(PERIOD).toMillis();
        final String tags = String.join("+", multi.getMultiParameter("tag")) + " level " + multi.getInt("level", 0);

        env.fromSequence(1, 12)
                .map(new RichMapFunction<Long, String>() {
                    private transient String greeting;
                    private transient String unit;

                    @Override
                    public void open(Configuration parameters) {
                        greeting = getRuntimeContext().getExecutionConfig().getGlobalJobParameters().toMap().get("greeting");
                        unit = getRuntimeContext().getGlobalJobParameters().get("period");
                    }

                    @Override
                    public String map(Long value) {
                        long reading = value * 7 % 60;
                        return greeting + " #" + value + " reading=" + reading + (reading > threshold ? " FLAGGED" : "")
                                + " every " + periodMillis + "ms (" + unit + ") " + tags
                                + " subtask " + getRuntimeContext().getIndexOfThisSubtask() + "/" + getRuntimeContext().getNumberOfParallelSubtasks()
                                + " task " + getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
                    }
                })
                .addSink(new LineFileSink<>(output, "readings"));

        Map<String, String> sorted = new TreeMap<>(params.toMap());
        sorted.remove("output");
        sorted.remove("input");
        env.fromElements(sorted.toString(), "threshold=" + threshold + " getInt=" + params.getInt("threshold") + " has(input)=" + params.has("input"))
                .addSink(new LineFileSink<>(output, "parameters"));

        env.execute();
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
