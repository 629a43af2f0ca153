package dev.weir.plan;

import dev.weir.core.execution.JobClient;

/**
 * Runs a {@link Pipeline}. The API finds the implementation through {@link java.util.ServiceLoader}, so the API
 * never depends on the runtime; the local runtime in weir-core registers one.
 */
public interface PipelineExecutor {
    /** Validates and starts the job; fails with a message naming the operator when the job cannot run. */
    JobClient execute(Pipeline pipeline) throws Exception;
}
