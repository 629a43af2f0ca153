package dev.weir.compat.port;

import java.net.URL;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Makes {@code StreamExecutionEnvironment.getExecutionEnvironment()} inside an unmodified Flink program return a
 * local MiniCluster environment whose tasks can load the program's classes: the program is compiled at test time
 * into a directory that is not on the class path, so the directory is handed to Flink as {@code pipeline.classpaths},
 * the way {@code flink run -C} does.
 */
final class FlinkContextEnvironment extends StreamExecutionEnvironment {
    private FlinkContextEnvironment() {
    }

    /** Until {@link #uninstall()}, every environment a program asks for runs locally with {@code classes} on its class path. */
    static void install(URL classes, ClassLoader programLoader) {
        initializeContextEnvironment(programConfiguration -> {
            Configuration conf = new Configuration();
            conf.set(DeploymentOptions.TARGET, "local");
            conf.set(DeploymentOptions.ATTACHED, true);
            conf.set(PipelineOptions.CLASSPATHS, List.of(classes.toString()));
            conf.setString("taskmanager.memory.network.min", "128m");
            conf.setString("taskmanager.memory.network.max", "128m");
            conf.addAll(programConfiguration);
            return new StreamExecutionEnvironment(conf, programLoader);
        });
    }

    static void uninstall() {
        resetContextEnvironment();
    }
}
