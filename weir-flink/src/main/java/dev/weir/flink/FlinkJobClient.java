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

    FlinkJobClient(org.apache.flink.core.execution.JobClient flink) {
        this.flink = flink;
        this.jobId = JobID.fromHexString(flink.getJobID().toHexString());
    }

    @Override
    public JobID getJobID() {
        return jobId;
    }

    @Override
    public CompletableFuture<JobStatus> getJobStatus() {
        return flink.getJobStatus().thenApply(FlinkJobClient::toWeir);
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
