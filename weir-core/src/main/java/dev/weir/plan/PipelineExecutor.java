package dev.weir.plan;

import dev.weir.core.execution.JobClient;

/**
 * Runs a {@link Pipeline}. The API finds the implementation through {@link java.util.ServiceLoader}, so the API
 * never depends on the runtime; the local runtime in weir-core registers one, the weir-flink runner another. The
 * environment picks the executor that {@link #supportsTarget supports} the job's {@value #TARGET} setting.
 */
public interface PipelineExecutor {
    /** The setting that chooses where a job runs, named as in Flink's configuration. */
    String TARGET = "execution.target";
    /** The default target: Weir's engine in this JVM. */
    String LOCAL_TARGET = "local";

    /** Validates and starts the job; fails with a message naming the operator when the job cannot run. */
    JobClient execute(Pipeline pipeline) throws Exception;

    /** Whether this executor runs jobs whose {@value #TARGET} is {@code target}; the local runtime's default. */
    default boolean supportsTarget(String target) {
        return LOCAL_TARGET.equals(target);
    }
}
