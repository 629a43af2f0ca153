package dev.weir.engine.exec;

import dev.weir.core.execution.JobClient;
import dev.weir.plan.Pipeline;
import dev.weir.plan.PipelineExecutor;
import dev.weir.engine.checkpoint.CheckpointOptions;
import dev.weir.engine.graph.StreamGraph;
import dev.weir.engine.graph.StreamGraphBuilder;

/** Runs a pipeline in this JVM; registered for the API's {@link java.util.ServiceLoader} lookup. */
public final class LocalPipelineExecutor implements PipelineExecutor {
    @Override
    public JobClient execute(Pipeline given) {
        Pipeline pipeline = CommandLineRestore.apply(given);
        RuntimeSettings settings = RuntimeSettings.from(pipeline.config().settings(), pipeline.config().executionConfig());
        StreamGraph graph = StreamGraphBuilder.build(pipeline);
        CheckpointOptions checkpoints = CheckpointOptions.from(pipeline.config().settings());
        RestartPolicy restarts = RestartPolicy.from(pipeline.config().settings(), checkpoints.enabled());
        JobExecution job = new JobExecution(pipeline.jobName(), graph, settings, pipeline.config().autoWatermarkIntervalMillis(),
                checkpoints, restarts);
        dev.weir.engine.status.JobRegistry.global().register(job.monitor());
        job.start();
        return job;
    }
}
