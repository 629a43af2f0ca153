package dev.weir.runtime.exec;

import dev.weir.api.JobClient;
import dev.weir.api.graph.Pipeline;
import dev.weir.api.graph.PipelineExecutor;
import dev.weir.runtime.checkpoint.CheckpointOptions;
import dev.weir.runtime.graph.StreamGraph;
import dev.weir.runtime.graph.StreamGraphBuilder;

/** Runs a pipeline in this JVM; registered for the API's {@link java.util.ServiceLoader} lookup. */
public final class LocalPipelineExecutor implements PipelineExecutor {
    @Override
    public JobClient execute(Pipeline given) {
        Pipeline pipeline = CommandLineRestore.apply(given);
        RuntimeSettings settings = RuntimeSettings.from(pipeline.config().settings());
        StreamGraph graph = StreamGraphBuilder.build(pipeline);
        CheckpointOptions checkpoints = CheckpointOptions.from(pipeline.config().settings());
        RestartPolicy restarts = RestartPolicy.from(pipeline.config().settings(), checkpoints.enabled());
        JobExecution job = new JobExecution(pipeline.jobName(), graph, settings, pipeline.config().autoWatermarkIntervalMillis(),
                checkpoints, restarts);
        dev.weir.runtime.status.JobRegistry.global().register(job.monitor());
        job.start();
        return job;
    }
}
