package dev.weir.core.execution;

import dev.weir.api.common.JobExecutionResult;
import dev.weir.api.common.JobID;
import dev.weir.api.common.JobStatus;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A handle on a job started with {@code executeAsync}: its status, its result, and cancellation. */
public interface JobClient {
    JobID getJobID();

    CompletableFuture<JobStatus> getJobStatus();

    /** Cancels the job; the future completes when every task has stopped. */
    CompletableFuture<Void> cancel();

    /**
     * Takes a savepoint into {@code savepointDirectory} (a new folder inside it) while the job keeps running; completes
     * with the savepoint's path. Fails when checkpointing is not enabled.
     */
    CompletableFuture<String> triggerSavepoint(String savepointDirectory);

    /** {@link #triggerSavepoint(String)} in the given format; Weir has one format (see {@link SavepointFormatType}). */
    default CompletableFuture<String> triggerSavepoint(String savepointDirectory, SavepointFormatType formatType) {
        Objects.requireNonNull(formatType, "triggerSavepoint: the savepoint format type must not be null (use SavepointFormatType.DEFAULT)");
        return triggerSavepoint(savepointDirectory);
    }

    /**
     * Takes a savepoint and then stops the job; with {@code advanceToEndOfEventTime} the final watermark is emitted
     * first, so every event-time timer and window fires (Flink's "drain").
     */
    CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory);

    /**
     * {@link #stopWithSavepoint(boolean, String)} in the given format, the form Flink 1.15+ jobs call; Weir has one
     * format (see {@link SavepointFormatType}).
     */
    default CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory,
            SavepointFormatType formatType) {
        Objects.requireNonNull(formatType, "stopWithSavepoint: the savepoint format type must not be null (use SavepointFormatType.DEFAULT)");
        return stopWithSavepoint(advanceToEndOfEventTime, savepointDirectory);
    }

    /** Completes with the result when the job finishes, exceptionally when it fails or is cancelled. */
    CompletableFuture<JobExecutionResult> getJobExecutionResult();
}
