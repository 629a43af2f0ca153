package dev.weir.configuration;

/** Whether completed checkpoints are kept when a job is cancelled (Flink 2.x name). */
public enum ExternalizedCheckpointRetention {
    DELETE_ON_CANCELLATION,
    RETAIN_ON_CANCELLATION,
    NO_EXTERNALIZED_CHECKPOINTS
}
