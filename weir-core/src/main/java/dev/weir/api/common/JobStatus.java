package dev.weir.api.common;

/** The states of a job, as Flink names them. */
public enum JobStatus {
    INITIALIZING, CREATED, RUNNING, FAILING, FAILED, CANCELLING, CANCELED, FINISHED, RESTARTING;

    /** Whether the job will not change state again. */
    public boolean isGloballyTerminalState() {
        return this == FAILED || this == CANCELED || this == FINISHED;
    }
}
