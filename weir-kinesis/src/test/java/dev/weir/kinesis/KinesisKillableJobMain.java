package dev.weir.kinesis;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.common.serialization.SimpleStringSchema;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.connector.aws.config.AWSConfigConstants;
import dev.weir.connector.file.sink.FileSink;
import dev.weir.connector.kinesis.source.KinesisStreamsSource;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.kinesis.local.Kinesalite;
import dev.weir.streaming.api.checkpoint.ChildJob;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import dev.weir.util.Collector;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The child JVM of {@link KinesisProcessKillTest}: reads {@code key<k>,<i>} lines from a Kinesis stream (kinesalite in
 * the test's JVM) from its trim horizon, counts them per key in keyed state and writes {@code key<k>,<i>,<count>}
 * through an exactly-once file sink, checkpointing every 100 ms into a local folder. Prints {@code RUNNING <job id>}
 * once the job runs; it never ends by itself (the source is unbounded).
 *
 * <p>Arguments: output directory, checkpoint directory, Kinesis endpoint, stream name, and optionally the job folder to
 * restore from.
 */
public final class KinesisKillableJobMain {
    static final String JOB_NAME = "kinesis-killable";

    private KinesisKillableJobMain() {
    }

    public static void main(String[] args) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.enableCheckpointing(100);
        env.getCheckpointConfig().setCheckpointStorage(args[1]);
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (args.length > 4) {
            env.setRestorePath(args[4], false);
        }
        Configuration config = new Configuration();
        config.setString(AWSConfigConstants.AWS_ENDPOINT, args[2]);
        config.setString(AWSConfigConstants.AWS_REGION, "us-east-1");
        config.setString(AWSConfigConstants.accessKeyId(), "weir");
        config.setString(AWSConfigConstants.secretKey(), "weir");
        config.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, InitialPosition.TRIM_HORIZON);
        config.set(KinesisSourceConfigOptions.SHARD_DISCOVERY_INTERVAL, Duration.ofMillis(200));
        KinesisStreamsSource<String> source = KinesisStreamsSource.<String>builder().setStreamArn(Kinesalite.arn(args[3]))
                .setSourceConfig(config).setDeserializationSchema(new SimpleStringSchema()).build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "kinesis").uid("kinesis")
                .keyBy(line -> line.substring(0, line.indexOf(','))).process(new RunningCount()).uid("count")
                .sinkTo(FileSink.forRowFormat(Path.of(args[0]), new SimpleStringEncoder<String>())
                        .withRollingPolicy(OnCheckpointRollingPolicy.build()).build()).uid("files");
        ChildJob.runToTheEnd(env.executeAsync(JOB_NAME));
    }

    /** Appends to each line how many lines of its key came so far, from keyed state. */
    static final class RunningCount extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String line, Context ctx, Collector<String> out) throws Exception {
            Long before = count.value();
            long now = before == null ? 1 : before + 1;
            count.update(now);
            out.collect(line + "," + now);
        }
    }
}
