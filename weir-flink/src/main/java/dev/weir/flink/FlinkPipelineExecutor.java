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
 * Runs a Weir job on Apache Flink, found by the environment through {@link java.util.ServiceLoader} when the job's
 * {@code execution.target} is {@value #REMOTE_TARGET} (a Flink cluster at {@code rest.address}:{@code rest.port}) or
 * {@value #MINICLUSTER_TARGET} (a Flink MiniCluster started in this JVM for the job, as in tests). The job is
 * checked whole first ({@link PlanRefusals}) and refused before submission when any operator cannot be translated.
 */
public final class FlinkPipelineExecutor implements PipelineExecutor {
    /** Flink's name of the target of a running session cluster reached over REST. */
    public static final String REMOTE_TARGET = "remote";
    /** A Flink MiniCluster in this JVM, started for the job and stopped when it ends. */
    public static final String MINICLUSTER_TARGET = "flink-minicluster";
    public static final String REST_ADDRESS = "rest.address";
    public static final String REST_PORT = "rest.port";
    /** Jars shipped to a remote cluster with the job (comma-separated), e.g. the job's own jar; Flink's name. */
    public static final String JARS = "pipeline.jars";
    /** Weir settings handed to Flink as they are: Flink reads the same keys. */
    private static final List<String> FLINK_PREFIXES = List.of("execution.checkpointing.", "restart-strategy.", "execution.savepoint.");

    @Override
    public boolean supportsTarget(String target) {
        return REMOTE_TARGET.equals(target) || MINICLUSTER_TARGET.equals(target);
    }

    @Override
    public JobClient execute(Pipeline pipeline) throws Exception {
        Map<String, String> settings = pipeline.config().settings();
        boolean sameJvm = MINICLUSTER_TARGET.equals(settings.get(TARGET));
        PlanRefusals.check(pipeline);
        StreamExecutionEnvironment flink = sameJvm ? StreamExecutionEnvironment.createLocalEnvironment(pipeline.config().parallelism(),
                flinkConfiguration(settings)) : remote(settings);
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
        FlinkPlanTranslator.translate(pipeline, flink);
        return new FlinkJobClient(flink.executeAsync(pipeline.jobName()));
    }

    private static StreamExecutionEnvironment remote(Map<String, String> settings) {
        String address = settings.get(REST_ADDRESS);
        String port = settings.get(REST_PORT);
        if (address == null || port == null) {
            throw new InvalidProgramException("execution.target 'remote' needs the Flink cluster's REST endpoint: set "
                    + REST_ADDRESS + " and " + REST_PORT + " (e.g. localhost and 8081)");
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            throw new InvalidProgramException(REST_PORT + " must be a port number, was '" + port + "'");
        }
        return StreamExecutionEnvironment.createRemoteEnvironment(address, portNumber, flinkConfiguration(settings),
                jars(settings).toArray(String[]::new));
    }

    /** The job's jars plus weir-core's and weir-flink's, which the cluster does not have. */
    private static List<String> jars(Map<String, String> settings) {
        Set<String> jars = new LinkedHashSet<>();
        for (String jar : settings.getOrDefault(JARS, "").split(",")) {
            if (!jar.isBlank()) {
                jars.add(jar.trim());
            }
        }
        for (Class<?> type : List.of(PipelineExecutor.class, FlinkPipelineExecutor.class)) {
            try {
                Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (location.toString().endsWith(".jar")) {
                    jars.add(location.toString());
                }
            } catch (URISyntaxException | SecurityException | NullPointerException e) {
                // Not loaded from a file (e.g. a custom class loader): the user ships it with pipeline.jars.
            }
        }
        return new ArrayList<>(jars);
    }

    private static Configuration flinkConfiguration(Map<String, String> settings) {
        Configuration configuration = new Configuration();
        settings.forEach((key, value) -> {
            for (String prefix : FLINK_PREFIXES) {
                if (key.startsWith(prefix)) {
                    configuration.setString(key, value);
                }
            }
        });
        if (settings.containsKey(CheckpointSettings.INTERVAL)) {
            configuration.setString("execution.checkpointing.interval", settings.get(CheckpointSettings.INTERVAL) + " ms");
        }
        return configuration;
    }
}
