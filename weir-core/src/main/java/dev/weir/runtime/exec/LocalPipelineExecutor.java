package dev.weir.runtime.exec;

import dev.weir.api.JobClient;
import dev.weir.api.graph.Pipeline;
import dev.weir.api.graph.PipelineExecutor;
import dev.weir.runtime.graph.StreamGraph;
import dev.weir.runtime.graph.StreamGraphBuilder;

/** Runs a pipeline in this JVM; registered for the API's {@link java.util.ServiceLoader} lookup. */
public final class LocalPipelineExecutor implements PipelineExecutor {
    @Override
    public JobClient execute(Pipeline pipeline) {
        RuntimeSettings settings = RuntimeSettings.from(pipeline.config().settings());
        StreamGraph graph = StreamGraphBuilder.build(pipeline);
        JobAccumulators accumulators = new JobAccumulators();
        JobExecution job = new JobExecution(pipeline.jobName(), accumulators);
        job.start(TaskWiring.build(graph, settings, pipeline.config().autoWatermarkIntervalMillis(), accumulators), settings.workerThreads());
        return job;
    }
}
