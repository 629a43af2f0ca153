package dev.weir.flink;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.core.execution.JobClient;
import dev.weir.plan.CheckpointSettings;
import dev.weir.plan.Pipeline;
import dev.weir.plan.PipelineExecutor;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds the Flink environment of a Weir job (a MiniCluster or a remote cluster), translates the job into it and
 * submits it. Kept apart from {@link FlinkPipelineExecutor} so that the executor loads without Flink on the class path.
 */
final class FlinkSubmission {
    /** Weir settings handed to Flink as they are: Flink reads the same keys. */
    private static final List<String> FLINK_PREFIXES = List.of("execution.checkpointing.", "restart-strategy.", "execution.savepoint.");

    private FlinkSubmission() {
    }

    static JobClient submit(Pipeline pipeline) throws Exception {
        Map<String, String> settings = pipeline.config().settings();
        boolean sameJvm = FlinkPipelineExecutor.MINICLUSTER_TARGET.equals(settings.get(PipelineExecutor.TARGET));
        StreamExecutionEnvironment flink = sameJvm ? StreamExecutionEnvironment.createLocalEnvironment(pipeline.config().parallelism(),
                flinkConfiguration(settings)) : remote(settings, List.of());
        flink.setParallelism(pipeline.config().parallelism());
        if (pipeline.config().maxParallelism() > 0) {
            flink.setMaxParallelism(pipeline.config().maxParallelism());
        }
        // Weir hands records between operators by reference; so does Flink with object reuse, instead of copying each.
        flink.getConfig().enableObjectReuse();
        flink.getConfig().setAutoWatermarkInterval(pipeline.config().autoWatermarkIntervalMillis());
        if (!pipeline.config().chainingEnabled()) {
            flink.disableOperatorChaining();
        }
        String interval = settings.get(CheckpointSettings.INTERVAL);
        if (interval != null) {
            flink.enableCheckpointing(Long.parseLong(interval.trim()));
        }
        FlinkPlanTranslator.translate(pipeline, flink);
        return new FlinkJobClient(flink.executeAsync(pipeline.jobName()));
    }

    /** The environment of a job for a remote cluster, shipping the job's jars, Weir's runtime and {@code shippedClasses}' jars. */
    static StreamExecutionEnvironment remote(Map<String, String> settings, List<String> shippedClasses) {
        String address = settings.get(FlinkPipelineExecutor.REST_ADDRESS);
        String port = settings.get(FlinkPipelineExecutor.REST_PORT);
        if (address == null || port == null) {
            throw new InvalidProgramException("execution.target 'remote' needs the Flink cluster's REST endpoint: set "
                    + FlinkPipelineExecutor.REST_ADDRESS + " and " + FlinkPipelineExecutor.REST_PORT + " (e.g. localhost and 8081)");
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new InvalidProgramException(FlinkPipelineExecutor.REST_PORT + " must be a port number, was '" + port + "'");
        }
        return StreamExecutionEnvironment.createRemoteEnvironment(address, portNumber, flinkConfiguration(settings),
                jars(settings, shippedClasses).toArray(String[]::new));
    }

    /**
     * Classes whose jars a Flink cluster lacks and every Weir job needs: weir-core, weir-flink, and weir-core's own
     * dependencies (Apache Fory with Guava, which Fory needs; ASM). Named, not referenced, so a missing one is skipped.
     */
    private static final List<String> WEIR_RUNTIME_CLASSES = List.of("dev.weir.plan.PipelineExecutor",
            "dev.weir.flink.FlinkPipelineExecutor", "org.apache.fory.Fory", "com.google.common.base.Preconditions",
            "com.google.common.util.concurrent.internal.InternalFutureFailureAccess", "org.objectweb.asm.ClassReader");

    /**
     * The job's jars plus the jars of Weir's runtime ({@link #WEIR_RUNTIME_CLASSES}), which the cluster does not
     * have: Flink puts them all in the job's class loader.
     */
    static List<String> jars(Map<String, String> settings) {
        return jars(settings, List.of());
    }

    /** As {@link #jars(Map)}, plus the jars of {@code shippedClasses} (e.g. weir-sql's for a SQL job's Nexmark source). */
    static List<String> jars(Map<String, String> settings, List<String> shippedClasses) {
        Set<String> jars = new LinkedHashSet<>();
        for (String jar : settings.getOrDefault(FlinkPipelineExecutor.JARS, "").split(",")) {
            if (!jar.isBlank()) {
                jars.add(jar.trim());
            }
        }
        List<String> classes = new ArrayList<>(WEIR_RUNTIME_CLASSES);
        classes.addAll(shippedClasses);
        for (String name : classes) {
            try {
                Class<?> type = Class.forName(name, false, FlinkSubmission.class.getClassLoader());
                Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (location.toString().endsWith(".jar")) {
                    jars.add(location.toString());
                }
            } catch (ClassNotFoundException | URISyntaxException | SecurityException | NullPointerException e) {
                // Not loaded from a file (e.g. a build's class folder or a custom loader): the user ships it with pipeline.jars.
            }
        }
        return new ArrayList<>(jars);
    }

    /** A plain local path as a {@code file://} URI; a path with a scheme (file://, s3://, hdfs://) as it is. */
    private static String withScheme(String path) {
        return path.contains("://") ? path : Path.of(path).toAbsolutePath().toUri().toString();
    }

    static Configuration flinkConfiguration(Map<String, String> settings) {
        Configuration configuration = new Configuration();
        settings.forEach((key, value) -> {
            for (String prefix : FLINK_PREFIXES) {
                if (key.startsWith(prefix)) {
                    configuration.setString(key, value);
                }
            }
        });
        // Weir takes plain paths for directories; Flink wants a URI with a scheme.
        for (String key : List.of(CheckpointSettings.DIRECTORY, CheckpointSettings.RESTORE_PATH)) {
            String path = configuration.getString(key, null);
            if (path != null) {
                configuration.setString(key, withScheme(path));
            }
        }
        // `weir run -s PATH --target flink` passes the savepoint as system properties, as for local runs.
        String restore = System.getProperty(CheckpointSettings.RESTORE_PATH);
        if (restore != null && !settings.containsKey(CheckpointSettings.RESTORE_PATH)) {
            configuration.setString(CheckpointSettings.RESTORE_PATH, withScheme(restore));
            configuration.setString(CheckpointSettings.ALLOW_NON_RESTORED_STATE,
                    System.getProperty(CheckpointSettings.ALLOW_NON_RESTORED_STATE, "false"));
        }
        if (settings.containsKey(CheckpointSettings.INTERVAL)) {
            configuration.setString("execution.checkpointing.interval", settings.get(CheckpointSettings.INTERVAL) + " ms");
        }
        return configuration;
    }
}
