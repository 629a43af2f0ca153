package dev.weir.streaming.api.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.connector.source.util.ratelimit.RateLimiterStrategy;
import dev.weir.configuration.CheckpointingOptions;
import dev.weir.configuration.Configuration;
import dev.weir.configuration.CoreOptions;
import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.configuration.PipelineOptions;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.core.execution.JobClient;
import dev.weir.streaming.api.functions.KeyedProcessFunction;
import dev.weir.streaming.api.functions.sink.v2.DiscardingSink;
import dev.weir.util.CloseableIterator;
import dev.weir.util.Collector;
import dev.weir.util.ParameterTool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Flink's configuration options take effect on the environment and the job, as the same keys do in Flink. */
@Timeout(60)
class EnvironmentConfigurationTest {

    @Test
    void flinksOptionsSetParallelismPipelineAndCheckpointing(@TempDir Path dir) {
        Configuration config = new Configuration();
        config.set(CoreOptions.DEFAULT_PARALLELISM, 3);
        config.set(PipelineOptions.MAX_PARALLELISM, 64);
        config.set(PipelineOptions.AUTO_WATERMARK_INTERVAL, Duration.ofMillis(50));
        config.set(PipelineOptions.OPERATOR_CHAINING, false);
        config.set(PipelineOptions.OBJECT_REUSE, true);
        config.setString("execution.checkpointing.interval", "2 s");
        config.setString("execution.checkpointing.mode", "AT_LEAST_ONCE");
        config.set(CheckpointingOptions.CHECKPOINTING_TIMEOUT, Duration.ofMinutes(1));
        config.set(CheckpointingOptions.MIN_PAUSE_BETWEEN_CHECKPOINTS, Duration.ofMillis(500));
        config.set(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER, 2);
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        config.setString("state.checkpoints.dir", "file://" + dir);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);

        assertThat(env.getParallelism()).isEqualTo(3);
        assertThat(env.getMaxParallelism()).isEqualTo(64);
        assertThat(env.getConfig().getAutoWatermarkInterval()).isEqualTo(50);
        assertThat(env.isChainingEnabled()).isFalse();
        assertThat(env.getConfig().isObjectReuseEnabled()).isTrue();
        CheckpointConfig checkpoints = env.getCheckpointConfig();
        assertThat(checkpoints.getCheckpointInterval()).isEqualTo(2000);
        assertThat(checkpoints.getCheckpointingConsistencyMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
        assertThat(checkpoints.getCheckpointTimeout()).isEqualTo(60_000);
        assertThat(checkpoints.getMinPauseBetweenCheckpoints()).isEqualTo(500);
        assertThat(checkpoints.getTolerableCheckpointFailureNumber()).isEqualTo(2);
        assertThat(checkpoints.getExternalizedCheckpointRetention()).isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(checkpoints.getCheckpointStorage()).isEqualTo(dir.toString());
        assertThat(env.getConfiguration().toMap()).containsEntry("execution.checkpointing.interval", "2 s");
        assertThat(new StreamExecutionEnvironment(config).getParallelism()).as("Flink's public constructor").isEqualTo(3);
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(config).getParallelism()).isEqualTo(3);
        assertThat(StreamExecutionEnvironment.createLocalEnvironment(5, config).getParallelism())
                .as("the argument wins over parallelism.default, as in Flink").isEqualTo(5);
    }

    @Test
    void theInlineThresholdOfCheckpointMetadataIsReadUnderFlinks1xAnd2xKeysAndPassedOnInBytes() {
        Configuration flink1 = new Configuration();
        flink1.setString("state.storage.fs.memory-threshold", "1 kb");
        Configuration flink2 = new Configuration();
        flink2.setString("execution.checkpointing.data-inline-threshold", "0");

        assertThat(StreamExecutionEnvironment.getExecutionEnvironment(flink1).setting("execution.checkpointing.data-inline-threshold"))
                .isEqualTo("1024");
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment(flink2).setting("execution.checkpointing.data-inline-threshold"))
                .isEqualTo("0");
        assertThat(StreamExecutionEnvironment.getExecutionEnvironment(new Configuration())
                .setting("execution.checkpointing.data-inline-threshold")).as("unset: the storage's 20 KB default").isNull();
    }

    @Test
    void globalJobParametersReachEveryFunctionAsAMapAndAsTheObjectTheJobSet() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        env.getConfig().setGlobalJobParameters(ParameterTool.fromArgs(new String[] {"--suffix", "!", "--times", "2"}));
        List<String> out = collect(env.fromData("a", "b", "c").rebalance().map(new RichMapFunction<String, String>() {
            @Override
            public String map(String value) {
                ParameterTool params = (ParameterTool) getRuntimeContext().getExecutionConfig().getGlobalJobParameters();
                return value.repeat(params.getInt("times")) + getRuntimeContext().getGlobalJobParameters().get("suffix");
            }
        }));
        assertThat(out).containsExactlyInAnyOrder("aa!", "bb!", "cc!");

        StreamExecutionEnvironment configured = StreamExecutionEnvironment.createLocalEnvironment(1);
        configured.configure("pipeline.global-job-parameters", "suffix:?");
        assertThat(collect(configured.fromData("x").map(new RichMapFunction<String, String>() {
            @Override
            public String map(String value) {
                return value + getRuntimeContext().getGlobalJobParameters().get("suffix");
            }
        }))).containsExactly("x?");
    }

    @Test
    void flinkKeysWeirDoesNotUseAreAcceptedWhileUnknownWeirKeysAreRefused() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure(Configuration.fromMap(Map.of("taskmanager.numberOfTaskSlots", "4", "execution.checkpointing.incremental", "true")));
        assertThat(collect(env.fromData(1, 2).map(i -> i * 10))).containsExactly(10, 20);

        env.configure("weir.nonsense", "1");
        env.fromData(1).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(env::execute).isInstanceOf(InvalidProgramException.class)
                .hasMessageStartingWith("Unknown setting 'weir.nonsense': Weir knows [");
    }

    @Test
    void flink2sIncrementalCheckpointsKeyReachesTheStateBackendAsItsOneXKeyAndWinsOverIt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure(Configuration.fromMap(Map.of("execution.checkpointing.incremental", "true")));
        assertThat(env.setting("state.backend.incremental")).isEqualTo("true");

        env.configure(Configuration.fromMap(Map.of("execution.checkpointing.incremental", "false", "state.backend.incremental", "true")));
        assertThat(env.setting("state.backend.incremental")).isEqualTo("false");
    }

    @Test
    void aValueOfTheWrongTypeOrAnUnavailableStateBackendIsRefusedWhenConfigured() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        assertThatThrownBy(() -> env.configure("parallelism.default", "many")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Could not parse value 'many' for key 'parallelism.default' as Integer: For input string: \"many\"");
        env.configure("state.backend", "hashmap");
    }

    @Test
    void aStateBackendWhoseModuleIsMissingIsRefusedWhenTheJobStarts() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.configure("state.backend.type", "rocksdb");
        env.fromData(1).sinkTo(new DiscardingSink<>());
        assertThatThrownBy(env::execute).hasStackTraceContaining("add the dependency dev.weir:weir-rocksdb to the job's class path");
    }

    @Test
    void theSavepointPathOptionRestoresTheJobAsSetRestorePathDoes(@TempDir Path dir) throws Exception {
        String savepoint = countThenStopWithSavepoint(dir);

        StreamExecutionEnvironment refused = StreamExecutionEnvironment.createLocalEnvironment(1);
        refused.configure("execution.savepoint.path", savepoint);
        countOnce(refused);
        assertThatThrownBy(refused::execute).isInstanceOf(InvalidProgramException.class)
                .hasMessageContaining(savepoint).hasMessageContaining("allowNonRestoredState");

        Configuration config = new Configuration();
        config.setString("execution.state-recovery.path", savepoint);
        config.setString("execution.state-recovery.ignore-unclaimed-state", "true");
        List<Long> byOption = collect(countOnce(StreamExecutionEnvironment.getExecutionEnvironment(config)));

        StreamExecutionEnvironment bySetter = StreamExecutionEnvironment.createLocalEnvironment(1);
        bySetter.setRestorePath(savepoint, true);
        List<Long> bySetterCounts = collect(countOnce(bySetter));

        StreamExecutionEnvironment inTwoCalls = StreamExecutionEnvironment.createLocalEnvironment(1);
        inTwoCalls.configure("execution.savepoint.ignore-unclaimed-state", "true");
        inTwoCalls.configure("execution.savepoint.path", savepoint);
        List<Long> byTwoCalls = collect(countOnce(inTwoCalls));

        assertThat(byOption).hasSize(1).isEqualTo(bySetterCounts).isEqualTo(byTwoCalls);
        assertThat(byOption.get(0)).as("the count continues from the restored state").isGreaterThan(1);
    }

    /** Counts elements of key "k" in keyed state; stops part-way with a savepoint and returns its path. */
    private static String countThenStopWithSavepoint(Path dir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        env.enableCheckpointing(50);
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("checkpoints").toString());
        AtomicLong seen = SEEN;
        long start = seen.get();
        env.fromSource(new DataGeneratorSource<>(i -> "k", Long.MAX_VALUE, RateLimiterStrategy.perSecond(2000)),
                        WatermarkStrategy.noWatermarks(), "endless").uid("endless")
                .keyBy(s -> s).process(new Counter()).uid("counter")
                .map(c -> {
                    SEEN.incrementAndGet();
                    return c;
                })
                .sinkTo(new DiscardingSink<>());
        JobClient client = env.executeAsync("counting");
        while (seen.get() - start < 50) {
            Thread.sleep(5);
        }
        return client.stopWithSavepoint(false, dir.resolve("savepoints").toString()).get();
    }

    private static final AtomicLong SEEN = new AtomicLong();

    private static dev.weir.streaming.api.datastream.DataStream<Long> countOnce(StreamExecutionEnvironment env) {
        dev.weir.streaming.api.datastream.DataStream<Long> counts = env.fromData("k").keyBy(s -> s).process(new Counter()).uid("counter");
        counts.sinkTo(new DiscardingSink<>());
        return counts;
    }

    /** Emits the running count of its key. */
    private static final class Counter extends KeyedProcessFunction<String, String, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(dev.weir.api.common.functions.OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<Long> out) throws Exception {
            long next = (count.value() == null ? 0 : count.value()) + 1;
            count.update(next);
            out.collect(next);
        }
    }

    private static <T> List<T> collect(dev.weir.streaming.api.datastream.DataStream<T> stream) throws Exception {
        List<T> out = new ArrayList<>();
        try (CloseableIterator<T> it = stream.executeAndCollect()) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
