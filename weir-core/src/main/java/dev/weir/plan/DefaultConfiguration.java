package dev.weir.plan;

import dev.weir.configuration.Configuration;
import java.util.List;
import java.util.Properties;

/**
 * The configuration every environment of this process starts from, as Flink's {@code flink run -D key=value} dynamic
 * properties are: the JVM system properties whose keys are Flink configuration keys ({@code state.backend.type},
 * {@code execution.checkpointing.interval}, {@code s3.region}, {@code table.exec.state.ttl}, ...). {@code weir run
 * -D key=value} sets them as system properties, and a job started with plain {@code java -Dkey=value} gives the same
 * keys the same way. What the program sets itself ({@code setStateBackend}, {@code configure}, a
 * {@code Configuration} passed to the environment) wins over them.
 *
 * <p>Two kinds of system property are left out because the command line gives them other meanings: the restore keys
 * ({@code execution.savepoint.*}, {@code execution.state-recovery.*}) restore only the first job the process starts, as
 * {@code weir run -s} does, and {@code weir.*} properties are read by their own code (the runtime refuses unknown
 * {@code weir.} keys, and tests use the namespace for their sizes). {@code weir.parallelism} ({@code weir run -p}) is
 * the exception: it is {@code parallelism.default} and wins over that key, as Flink's {@code -p} does.
 */
public final class DefaultConfiguration {
    /** The system property {@code weir run --parallelism} sets. */
    public static final String PARALLELISM_PROPERTY = "weir.parallelism";

    /** The namespaces of Flink's configuration keys: a system property under one of them is a default option. */
    static final List<String> NAMESPACES = List.of("state.", "execution.", "pipeline.", "parallelism.", "restart-strategy.",
            "table.", "rest.", "taskmanager.", "jobmanager.", "s3.", "fs.", "metrics.", "python.", "sql-client.",
            "high-availability.", "security.", "cluster.", "web.", "heartbeat.", "classloader.", "client.", "deployment.");

    /** Keys that restore only the first job, read by the runtime from the system properties themselves. */
    private static final List<String> RESTORE_NAMESPACES = List.of("execution.savepoint.", "execution.state-recovery.");

    private DefaultConfiguration() {
    }

    /** The default options as the system properties say now: a new {@code Configuration}, empty when none is set. */
    public static Configuration load() {
        Configuration defaults = new Configuration();
        Properties properties = System.getProperties();
        for (String key : properties.stringPropertyNames()) {
            if (isOption(key)) {
                defaults.setString(key, properties.getProperty(key));
            }
        }
        String parallelism = properties.getProperty(PARALLELISM_PROPERTY);
        if (parallelism != null) {
            defaults.setString("parallelism.default", parallelism);
        }
        return defaults;
    }

    /** Whether the system property {@code key} is a default option: under a Flink namespace and no restore key. */
    public static boolean isOption(String key) {
        for (String restore : RESTORE_NAMESPACES) {
            if (key.startsWith(restore)) {
                return false;
            }
        }
        for (String namespace : NAMESPACES) {
            if (key.startsWith(namespace)) {
                return true;
            }
        }
        return false;
    }
}
