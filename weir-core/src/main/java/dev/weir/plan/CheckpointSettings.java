package dev.weir.plan;

/** The configuration keys of checkpointing, restarts and restore, named as in Flink's configuration. */
public final class CheckpointSettings {
    public static final String INTERVAL = "execution.checkpointing.interval";
    public static final String MODE = "execution.checkpointing.mode";
    public static final String TIMEOUT = "execution.checkpointing.timeout";
    public static final String MIN_PAUSE = "execution.checkpointing.min-pause";
    public static final String MAX_CONCURRENT = "execution.checkpointing.max-concurrent-checkpoints";
    public static final String TOLERABLE_FAILURES = "execution.checkpointing.tolerable-failed-checkpoints";
    public static final String RETAINED = "execution.checkpointing.num-retained";
    public static final String RETENTION = "execution.checkpointing.externalized-checkpoint-retention";
    public static final String DIRECTORY = "execution.checkpointing.dir";
    /** The savepoint or retained checkpoint a job starts from. */
    public static final String RESTORE_PATH = "execution.savepoint.path";
    /** Whether state in the snapshot that matches no operator is ignored instead of refused. */
    public static final String ALLOW_NON_RESTORED_STATE = "execution.savepoint.ignore-unclaimed-state";
    public static final String RESTART_STRATEGY = "restart-strategy.type";
    public static final String RESTART_ATTEMPTS = "restart-strategy.attempts";
    public static final String RESTART_DELAY = "restart-strategy.delay";
    public static final String RESTART_MAX_DELAY = "restart-strategy.max-delay";
    public static final String RESTART_BACKOFF_MULTIPLIER = "restart-strategy.backoff-multiplier";
    public static final String RESTART_FAILURE_RATE_INTERVAL = "restart-strategy.failure-rate-interval";

    private CheckpointSettings() {
    }
}
