package dev.weir.configuration;

/** Where a job restores its state from, with Flink's names and keys ({@code execution.savepoint.path} still read). */
public final class StateRecoveryOptions {
    private StateRecoveryOptions() {
    }

    /** A savepoint, a retained {@code chk-<n>} folder or a job's checkpoint folder (its latest completed checkpoint). */
    public static final ConfigOption<String> SAVEPOINT_PATH = ConfigOptions.key("execution.state-recovery.path")
            .stringType().noDefaultValue().withDeprecatedKeys("execution.savepoint.path");

    /** Whether state in the snapshot that matches no operator is ignored instead of refused. */
    public static final ConfigOption<Boolean> SAVEPOINT_IGNORE_UNCLAIMED_STATE = ConfigOptions
            .key("execution.state-recovery.ignore-unclaimed-state").booleanType().defaultValue(false)
            .withDeprecatedKeys("execution.savepoint.ignore-unclaimed-state");
}
