package dev.weir.configuration;

import dev.weir.api.common.RuntimeExecutionMode;
import java.time.Duration;

/** Execution options with Flink's names, keys and defaults. */
public final class ExecutionOptions {
    private ExecutionOptions() {
    }

    /** STREAMING, BATCH or AUTOMATIC; see {@link RuntimeExecutionMode}. */
    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = ConfigOptions.key("execution.runtime-mode")
            .enumType(RuntimeExecutionMode.class).defaultValue(RuntimeExecutionMode.STREAMING);

    /** Accepted, not used: Weir flushes its batches at the end of every unit of work. */
    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOptions.key("execution.buffer-timeout.interval")
            .durationType().defaultValue(Duration.ofMillis(100)).withDeprecatedKeys("execution.buffer-timeout");

    /** Accepted, not used (see {@link #BUFFER_TIMEOUT}). */
    public static final ConfigOption<Boolean> BUFFER_TIMEOUT_ENABLED = ConfigOptions.key("execution.buffer-timeout.enabled")
            .booleanType().defaultValue(true);
}
