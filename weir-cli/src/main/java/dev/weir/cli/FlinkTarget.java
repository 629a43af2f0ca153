package dev.weir.cli;

import dev.weir.plan.PipelineExecutor;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code weir run --target flink --jobmanager HOST:PORT}: sets the system properties from which
 * {@code StreamExecutionEnvironment.getExecutionEnvironment()} takes the job's target, so the job's main is unchanged
 * and the weir-flink runner submits it to the Flink cluster's REST endpoint, shipping the job's jar.
 */
final class FlinkTarget {
    private FlinkTarget() {
    }

    /** Configures the target; returns whether the job runs on Flink. */
    static boolean configure(String target, String jobManager, String jarOrClass) {
        if ("local".equals(target)) {
            if (jobManager != null) {
                throw new CliFailure(2, "--jobmanager is for --target flink; the local target runs the job in this process");
            }
            return false;
        }
        if (!"flink".equals(target)) {
            throw new CliFailure(2, "--target must be local or flink; got '" + target + "'");
        }
        if (jobManager == null) {
            throw new CliFailure(2, "--target flink needs --jobmanager HOST:PORT, the Flink cluster's REST address (e.g. localhost:8081)");
        }
        int colon = jobManager.lastIndexOf(':');
        String host = colon <= 0 ? "" : jobManager.substring(0, colon);
        String port = colon < 0 ? "" : jobManager.substring(colon + 1);
        if (host.isEmpty() || !port.matches("[0-9]{1,5}")) {
            throw new CliFailure(2, "--jobmanager must be HOST:PORT (e.g. localhost:8081); got '" + jobManager + "'");
        }
        System.setProperty(PipelineExecutor.TARGET, "remote");
        System.setProperty("rest.address", host);
        System.setProperty("rest.port", port);
        if (jarOrClass.endsWith(".jar") && Files.isRegularFile(Path.of(jarOrClass))) {
            System.setProperty("pipeline.jars", Path.of(jarOrClass).toAbsolutePath().toString());
        }
        return true;
    }
}
