package dev.weir.runtime.jobgraph;

import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.ConfigOptions;

/** Flink 1.x's savepoint restore options ({@code execution.savepoint.*}); Flink 2.x names them in {@code StateRecoveryOptions}. */
public final class SavepointConfigOptions {
    private SavepointConfigOptions() {
    }

    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.savepoint.path").stringType()
            .noDefaultValue();

    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = ConfigOptions
            .key("execution.savepoint.ignore-unclaimed-state").booleanType().defaultValue(false);
}
