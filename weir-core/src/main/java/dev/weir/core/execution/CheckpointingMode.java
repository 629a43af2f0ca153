package dev.weir.core.execution;

/** How barriers are aligned: exactly-once blocks an input from its barrier until all inputs delivered theirs. */
public enum CheckpointingMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE
}
