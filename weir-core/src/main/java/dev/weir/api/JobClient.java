package dev.weir.api;

import java.util.concurrent.CompletableFuture;

/** A handle on a job started with {@code executeAsync}: its status, its result, and cancellation. */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Cancels the job; the future completes when every task has stopped. */
    CompletableFuture<Void> cancel();

    /** Completes with the result when the job finishes, exceptionally when it fails or is cancelled. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
