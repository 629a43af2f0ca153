package dev.weir.plan;

import java.util.List;
import java.util.Map;

/** A job ready to run: its name, its sinks (from which the whole plan is reachable) and its configuration. */
public record Pipeline(String jobName, List<Transformation> sinks, PipelineConfig config) {
    public Pipeline {
        sinks = List.copyOf(sinks);
    }

    /** The settings the runtime reads, copied from the environment when the job is executed. */
    public record PipelineConfig(int parallelism, int maxParallelism, long autoWatermarkIntervalMillis,
                                 boolean chainingEnabled, Map<String, String> settings) {
        public PipelineConfig {
            settings = Map.copyOf(settings);
        }
    }
}
