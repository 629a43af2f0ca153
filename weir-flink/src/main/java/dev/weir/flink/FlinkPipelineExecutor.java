package dev.weir.flink;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.core.execution.JobClient;
import dev.weir.plan.Pipeline;
import dev.weir.plan.PipelineExecutor;

/**
 * Runs a Weir job on Apache Flink, found by the environment through {@link java.util.ServiceLoader} when the job's
 * {@code execution.target} is {@value #REMOTE_TARGET} (a Flink cluster at {@code rest.address}:{@code rest.port}) or
 * {@value #MINICLUSTER_TARGET} (a Flink MiniCluster started in this JVM for the job, as in tests). The job is
 * checked whole first ({@link PlanRefusals}) and refused before submission when any operator cannot be translated.
 * Flink's client (flink-clients and flink-streaming-java 1.20) must be on the class path; this class loads without
 * it, so having weir-flink on the class path never disturbs local jobs.
 */
public final class FlinkPipelineExecutor implements PipelineExecutor {
    /** Flink's name of the target of a running session cluster reached over REST. */
    public static final String REMOTE_TARGET = "remote";
    /** A Flink MiniCluster in this JVM, started for the job and stopped when it ends. */
    public static final String MINICLUSTER_TARGET = "flink-minicluster";
    public static final String REST_ADDRESS = "rest.address";
    public static final String REST_PORT = "rest.port";
    /** Jars shipped to a remote cluster with the job (comma-separated), e.g. the job's own jar; Flink's name. */
    public static final String JARS = "pipeline.jars";

    @Override
    public boolean supportsTarget(String target) {
        return REMOTE_TARGET.equals(target) || MINICLUSTER_TARGET.equals(target);
    }

    @Override
    public JobClient execute(Pipeline pipeline) throws Exception {
        PlanRefusals.check(pipeline);
        try {
            return FlinkSubmission.submit(pipeline);
        } catch (NoClassDefFoundError e) {
            throw new InvalidProgramException("Running on Apache Flink needs Flink's client on the class path, and "
                    + e.getMessage() + " is missing: add org.apache.flink:flink-clients and flink-streaming-java (1.20) of "
                    + "the cluster's version", e);
        }
    }
}
