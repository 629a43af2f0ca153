package dev.weir.cli;

import dev.weir.plan.CheckpointSettings;
import dev.weir.plan.DefaultConfiguration;
import java.util.Map;

/**
 * {@code weir run -D key=value}: each option becomes the JVM system property the job's environments read as their
 * default configuration ({@link DefaultConfiguration}), the one mechanism a job started with plain {@code java} uses
 * too. Flink's restore keys become the properties {@code weir run -s} sets, so they restore the first job only.
 */
final class DynamicProperties {
    /** Flink 2.x's restore keys, and the property the runtime reads for each. */
    private static final Map<String, String> RESTORE_KEYS = Map.of(
            "execution.state-recovery.path", CheckpointSettings.RESTORE_PATH,
            "execution.state-recovery.ignore-unclaimed-state", CheckpointSettings.ALLOW_NON_RESTORED_STATE);

    private DynamicProperties() {
    }

    static void apply(Map<String, String> options) {
        for (Map.Entry<String, String> option : options.entrySet()) {
            String key = option.getKey().trim();
            if (key.isEmpty()) {
                throw new CliFailure(2, "-D " + option.getKey() + "=" + option.getValue() + " names no key: write -D key=value, "
                        + "e.g. -D state.backend.type=rocksdb");
            }
            String property = RESTORE_KEYS.getOrDefault(key, key);
            if (!DefaultConfiguration.isOption(property) && !property.equals(DefaultConfiguration.PARALLELISM_PROPERTY)
                    && !property.equals(CheckpointSettings.RESTORE_PATH)
                    && !property.equals(CheckpointSettings.ALLOW_NON_RESTORED_STATE)) {
                // Still set: the job may read it with System.getProperty, as with java -Dkey=value.
                System.err.println("weir: -D " + key + " is set as a system property only: it is no Flink configuration key "
                        + "(state.*, execution.*, pipeline.*, table.*, s3.*, ...), so the job's environments do not read it; "
                        + "set weir.* options with env.configure(key, value)");
            }
            System.setProperty(property, option.getValue());
        }
    }
}
