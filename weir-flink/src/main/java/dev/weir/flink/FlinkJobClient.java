package dev.weir.flink;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.JobID;
import dev.weir.api.common.JobStatus;
import dev.weir.core.execution.JobClient;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.core.execution.SavepointFormatType;

/** A job running on Flink seen through Weir's {@link JobClient}: status, cancel, savepoints and result go to Flink's client. */
final class FlinkJobClient implements JobClient {
    private final org.apache.flink.core.execution.JobClient flink;
    private final JobID jobId;

    /**
     * The job's final status once it ended: a MiniCluster started for one job shuts down with it, after which Flink's
     * client can no longer be asked.
     */
    private volatile JobStatus terminal;

    FlinkJobClient(org.apache.flink.core.execution.JobClient flink) {
        this.flink = flink;
        this.jobId = JobID.fromHexString(flink.getJobID().toHexString());
        flink.getJobExecutionResult().whenComplete((result, failure) ->
                terminal = failure == null ? JobStatus.FINISHED : isCancellation(failure) ? JobStatus.CANCELED : JobStatus.FAILED);
    }

    private static boolean isCancellation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("JobCancellationException")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        JobStatus ended = terminal;
        if (ended != null) {
            return CompletableFuture.completedFuture(ended);
        }
        // When Flink cannot be asked (its MiniCluster stopped with the job), the job's result says how it ended.
        return flink.getJobStatus().thenApply(FlinkJobClient::toWeir).exceptionallyCompose(failure -> flink.getJobExecutionResult()
                .handle((result, jobFailure) -> jobFailure == null ? JobStatus.FINISHED
                        : isCancellation(jobFailure) ? JobStatus.CANCELED : JobStatus.FAILED));
    }

    @Override
    public CompletableFuture<Void> cancel() {
        return flink.cancel();
    }

    @Override
    public CompletableFuture<String> triggerSavepoint(String savepointDirectory) {
        return flink.triggerSavepoint(savepointDirectory, SavepointFormatType.CANONICAL);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        return flink.stopWithSavepoint(advanceToEndOfEventTime, savepointDirectory, SavepointFormatType.CANONICAL);
    }

    @Override
    public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
        return flink.getJobExecutionResult().thenApply(result ->
                new JobExecutionResult(jobId, result.getNetRuntime(), result.getAllAccumulatorResults()));
    }

    /** Flink's job status as Weir's; Flink's two extra states map to the nearest Weir state. */
    static JobStatus toWeir(org.apache.flink.api.common.JobStatus status) {
        return switch (status) {
            case RECONCILING -> JobStatus.INITIALIZING;
            case SUSPENDED -> JobStatus.FAILING;
            default -> JobStatus.valueOf(status.name());
        };
    }
}
