package dev.weir.configuration;

import java.time.Duration;
import java.util.Map;

/** Pipeline options with Flink's names, keys and defaults; each takes effect through {@code env.configure(config)}. */
public final class PipelineOptions {
    private PipelineOptions() {
    }

    /** The job's name when {@code execute()} is called without one. */
    public static final ConfigOption<String> NAME = ConfigOptions.key("pipeline.name").stringType().noDefaultValue();

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOptions.key("pipeline.auto-watermark-interval")
            .durationType().defaultValue(Duration.ofMillis(200));

    /** The job's max parallelism (number of key groups); -1 leaves Weir's default of 128. */
    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOptions.key("pipeline.max-parallelism").intType()
            .defaultValue(-1);

    /** Accepted for Flink compatibility: Weir passes records by reference between chained operators anyway. */
    public static final ConfigOption<Boolean> OBJECT_REUSE = ConfigOptions.key("pipeline.object-reuse").booleanType()
            .defaultValue(false);

    public static final ConfigOption<Boolean> OPERATOR_CHAINING = ConfigOptions.key("pipeline.operator-chaining.enabled")
            .booleanType().defaultValue(true).withDeprecatedKeys("pipeline.operator-chaining");

    /** Parameters every function reads through {@code getRuntimeContext().getGlobalJobParameters()}. */
    public static final ConfigOption<Map<String, String>> GLOBAL_JOB_PARAMETERS = ConfigOptions
            .key("pipeline.global-job-parameters").mapType().noDefaultValue();

    /** Accepted, not used: Weir always derives ids for operators without a {@code uid} (and warns). */
    public static final ConfigOption<Boolean> AUTO_GENERATE_UIDS = ConfigOptions.key("pipeline.auto-generate-uids")
            .booleanType().defaultValue(true);
}
