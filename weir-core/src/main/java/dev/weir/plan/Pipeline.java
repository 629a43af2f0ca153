package dev.weir.plan;

import dev.weir.api.common.ExecutionConfig;
import java.util.List;
import java.util.Map;

/** A job ready to run: its name, its sinks (from which the whole plan is reachable) and its configuration. */
public record Pipeline(String jobName, List<Transformation> sinks, PipelineConfig config) {
    public Pipeline {
        sinks = List.copyOf(sinks);
    }

    /**
     * The settings the runtime reads, copied from the environment when the job is executed, and the environment's
     * {@link ExecutionConfig}, which functions read through their runtime context (global job parameters).
     */
    public record PipelineConfig(int parallelism, int maxParallelism, long autoWatermarkIntervalMillis,
                                 boolean chainingEnabled, Map<String, String> settings, ExecutionConfig executionConfig) {
        public PipelineConfig {
            settings = Map.copyOf(settings);
            executionConfig = executionConfig == null ? new ExecutionConfig() : executionConfig;
        }

        /** Settings with an empty {@link ExecutionConfig}. */
        public PipelineConfig(int parallelism, int maxParallelism, long autoWatermarkIntervalMillis,
                              boolean chainingEnabled, Map<String, String> settings) {
            this(parallelism, maxParallelism, autoWatermarkIntervalMillis, chainingEnabled, settings, null);
        }
    }
}
