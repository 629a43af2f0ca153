package dev.weir.engine.exec;

import dev.weir.plan.CheckpointSettings;
import dev.weir.plan.Pipeline;
import java.util.HashMap;
import java.util.Map;

/**
 * The savepoint given on the command line ({@code weir run --from-savepoint}), passed as the system properties
 * {@value CheckpointSettings#RESTORE_PATH} and {@value CheckpointSettings#ALLOW_NON_RESTORED_STATE}: it applies to
 * the first job this JVM starts that names no restore path itself, like Flink's {@code flink run -s}.
 */
final class CommandLineRestore {
    private CommandLineRestore() {
    }

    static synchronized Pipeline apply(Pipeline pipeline) {
        String path = System.getProperty(CheckpointSettings.RESTORE_PATH);
        if (path == null || pipeline.config().settings().containsKey(CheckpointSettings.RESTORE_PATH)) {
            return pipeline;
        }
        System.clearProperty(CheckpointSettings.RESTORE_PATH);
        Map<String, String> settings = new HashMap<>(pipeline.config().settings());
        settings.put(CheckpointSettings.RESTORE_PATH, path);
        settings.put(CheckpointSettings.ALLOW_NON_RESTORED_STATE,
                String.valueOf(Boolean.parseBoolean(System.getProperty(CheckpointSettings.ALLOW_NON_RESTORED_STATE))));
        Pipeline.PipelineConfig c = pipeline.config();
        return new Pipeline(pipeline.jobName(), pipeline.sinks(), new Pipeline.PipelineConfig(c.parallelism(), c.maxParallelism(),
                c.autoWatermarkIntervalMillis(), c.chainingEnabled(), settings, c.executionConfig()));
    }
}
