package dev.weir.streaming.api.environment;

import dev.weir.plan.PipelineExecutor;

/**
 * Finds weir-core's local runtime by its class name rather than by a {@link java.util.ServiceLoader} scan: a scan
 * reads {@code META-INF/services} in every jar of the class path, which opens each jar and keeps its central
 * directory on the heap for the rest of the JVM's life (about 5 MB for the 90 jars of weir-bench's class path, most
 * of a trivial job's live heap). The API still names no engine type: the name is a string, and without weir-core's
 * runtime on the class path the environment falls back to the scan.
 */
final class LocalExecutorByName {
    /** weir-core's registered {@link PipelineExecutor} for the {@code local} target. */
    private static final String LOCAL_EXECUTOR = "dev.weir.engine.exec.LocalPipelineExecutor";

    private LocalExecutorByName() {
    }

    /** The local runtime, or null when its class is not on the API's class path. */
    static PipelineExecutor find() {
        try {
            Class<?> type = Class.forName(LOCAL_EXECUTOR, true, StreamExecutionEnvironment.class.getClassLoader());
            return (PipelineExecutor) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException absent) {
            return null;
        }
    }
}
