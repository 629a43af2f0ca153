package dev.weir.runtime.client;

import dev.weir.api.common.JobID;

/** Thrown by {@code execute} when a job fails; the cause is what failed, the message says where. */
public class JobExecutionException extends Exception {
    private static final long serialVersionUID = 1L;
    private final JobID jobId;

    public JobExecutionException(JobID jobId, String message, Throwable cause) {
        super(message, cause);
        this.jobId = jobId;
    }

    public JobID getJobID() {
        return jobId;
    }
}
