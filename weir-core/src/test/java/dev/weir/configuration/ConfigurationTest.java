package dev.weir.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.RuntimeExecutionMode;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.runtime.jobgraph.SavepointConfigOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void typedOptionsReadStringValuesConvertedToTheirTypeAndFallBackToTheirDefault() {
        Configuration config = new Configuration();
        config.setString("execution.checkpointing.interval", "10 s");
        config.setString("parallelism.default", " 4 ");
        config.setString("execution.runtime-mode", "batch");
        config.setString("execution.checkpointing.mode", "AT_LEAST_ONCE");
        config.setString("pipeline.global-job-parameters", "input:/data/in,limit:5");

        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.get(CoreOptions.DEFAULT_PARALLELISM)).isEqualTo(4);
        assertThat(config.get(ExecutionOptions.RUNTIME_MODE)).isEqualTo(RuntimeExecutionMode.BATCH);
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE)).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
        assertThat(config.get(PipelineOptions.GLOBAL_JOB_PARAMETERS)).containsExactly(Map.entry("input", "/data/in"), Map.entry("limit", "5"));
        assertThat(config.get(PipelineOptions.AUTO_WATERMARK_INTERVAL)).isEqualTo(Duration.ofMillis(200));
        assertThat(config.getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "/override")).isEqualTo("/override");
        assertThat(config.getInteger("parallelism.default", 1)).isEqualTo(4);
    }

    @Test
    void typedValuesAreWrittenInFlinksTextForm() {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMinutes(1));
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.AUTOMATIC);
        config.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, Map.of("k", "v"));
        config.setInteger("n", 3);
        assertThat(config.toMap()).containsExactly(Map.entry("execution.checkpointing.interval", "1 min"),
                Map.entry("execution.runtime-mode", "AUTOMATIC"), Map.entry("pipeline.global-job-parameters", "k:v"),
                Map.entry("n", "3"));
        assertThat(Configuration.fromMap(config.toMap()).get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(config.clone()).isEqualTo(config).isNotSameAs(config);
    }

    @Test
    void deprecatedKeysAreReadWhenTheCurrentKeyIsUnset() {
        Configuration config = new Configuration();
        config.setString("execution.savepoint.path", "/savepoints/sp-1");
        config.setString("state.checkpoints.dir", "file:///chk");
        assertThat(config.get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo("/savepoints/sp-1");
        assertThat(config.get(SavepointConfigOptions.SAVEPOINT_PATH)).isEqualTo("/savepoints/sp-1");
        assertThat(config.contains(StateRecoveryOptions.SAVEPOINT_PATH)).isTrue();
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///chk");
        config.setString("execution.state-recovery.path", "/savepoints/sp-2");
        assertThat(config.get(StateRecoveryOptions.SAVEPOINT_PATH)).as("the current key wins").isEqualTo("/savepoints/sp-2");
        assertThat(config.removeConfig(StateRecoveryOptions.SAVEPOINT_PATH)).isTrue();
        assertThat(config.get(StateRecoveryOptions.SAVEPOINT_PATH)).isEqualTo("/savepoints/sp-1");
    }

    @Test
    void aValueThatIsNotOfTheOptionsTypeIsRefusedNamingKeyValueAndType() {
        Configuration config = Configuration.fromMap(Map.of("parallelism.default", "many", "execution.runtime-mode", "fast",
                "execution.checkpointing.interval", "10 parsecs", "pipeline.object-reuse", "yes"));
        assertThatThrownBy(() -> config.get(CoreOptions.DEFAULT_PARALLELISM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Could not parse value 'many' for key 'parallelism.default' as Integer: For input string: \"many\"");
        assertThatThrownBy(() -> config.get(ExecutionOptions.RUNTIME_MODE))
                .hasMessage("Could not parse value 'fast' for key 'execution.runtime-mode' as RuntimeExecutionMode: not one of [STREAMING, BATCH, AUTOMATIC]");
        assertThatThrownBy(() -> config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL))
                .hasMessageStartingWith("Could not parse value '10 parsecs' for key 'execution.checkpointing.interval' as Duration: Time unit 'parsecs'");
        assertThatThrownBy(() -> config.get(PipelineOptions.OBJECT_REUSE))
                .hasMessage("Could not parse value 'yes' for key 'pipeline.object-reuse' as Boolean: not true or false");
    }

    @Test
    void customOptionsAreBuiltWithKeyTypeAndDefault() {
        ConfigOption<Integer> threshold = ConfigOptions.key("my.threshold").intType().defaultValue(10)
                .withDescription("Alert above this.");
        ConfigOption<String> topic = ConfigOptions.key("my.topic").stringType().noDefaultValue();
        Configuration config = new Configuration();
        assertThat(config.get(threshold)).isEqualTo(10);
        assertThat(config.get(topic)).isNull();
        config.set(threshold, 3);
        assertThat(config.get(threshold)).isEqualTo(3);
        assertThat(threshold.key()).isEqualTo("my.threshold");
        assertThat(threshold.description()).isEqualTo("Alert above this.");
        assertThatThrownBy(() -> ConfigOptions.key(" ")).hasMessage("A configuration key must not be blank");
    }

    @Test
    void flink1TypedAccessorsReadAndWriteThroughOptions() {
        ConfigOption<String> name = ConfigOptions.key("app.name").stringType().defaultValue("none");
        ConfigOption<Integer> retries = ConfigOptions.key("app.retries").intType().defaultValue(3);
        ConfigOption<Long> limit = ConfigOptions.key("app.limit").longType().noDefaultValue();
        ConfigOption<Boolean> verbose = ConfigOptions.key("app.verbose").booleanType().defaultValue(false);
        ConfigOption<Double> ratio = ConfigOptions.key("app.ratio").doubleType().defaultValue(0.5);
        Configuration config = new Configuration();
        assertThat(config.getString(name)).isEqualTo("none");
        assertThat(config.getString(name, "other")).isEqualTo("other");
        assertThat(config.getInteger(retries)).isEqualTo(3);
        config.setString(name, "orders");
        config.setInteger(retries, 5);
        config.setLong(limit, 1L << 40);
        config.setBoolean(verbose, true);
        config.setDouble(ratio, 0.25);
        assertThat(config.getString(name)).isEqualTo("orders");
        assertThat(config.getInteger(retries, 0)).isEqualTo(5);
        assertThat(config.getLong(limit)).isEqualTo(1L << 40);
        assertThat(config.getBoolean(verbose)).isTrue();
        assertThat(config.getDouble(ratio)).isEqualTo(0.25);
        assertThat(config.getLong("app.retries", 0)).as("an int read as a long").isEqualTo(5L);
        WritableConfig writable = config;
        writable.set(retries, 6);
        assertThat(config.toMap()).containsEntry("app.retries", "6").containsEntry("app.verbose", "true");
    }
}
