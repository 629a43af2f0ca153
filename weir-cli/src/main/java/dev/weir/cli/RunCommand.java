package dev.weir.cli;

import dev.weir.plan.CheckpointSettings;
import dev.weir.web.WebServer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.jar.JarFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weir run}: a user's job (a jar's main class, or a class on the class path) in this process, with the dashboard;
 * with {@code --target flink --jobmanager HOST:PORT} the same job is submitted to an Apache Flink cluster instead.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a job's main method in this process with the dashboard. JAR-or-CLASS is a jar (its manifest's "
                + "Main-Class, or --class) or a class name on the class path.")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "JAR-or-CLASS", description = "The job's jar, or its main class.")
    String target;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments passed to the job's main method.")
    List<String> args = new ArrayList<>();

    @Option(names = "--class", paramLabel = "CLASS", description = "The main class inside the jar, when its manifest names none.")
    String mainClass;

    @Option(names = {"-p", "--parallelism"}, description = "Default parallelism of the job's environment.")
    Integer parallelism;

    @Option(names = {"-s", "--from-savepoint"}, paramLabel = "PATH", description = "Restore the job from this savepoint or retained checkpoint.")
    String savepoint;

    @Option(names = "--allow-non-restored-state", description = "Start even if the savepoint has state no operator claims.")
    boolean allowNonRestoredState;

    @Option(names = "--port", defaultValue = "8081", description = "Dashboard port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", description = "Address the dashboard and REST API listen on (default: rest.bind-address, else 127.0.0.1, "
            + "only this machine); another address is reachable by others: a REST token is then required to change jobs.")
    String bind;

    @Option(names = "--target", defaultValue = "local", description = "Where the job runs: local (Weir in this process, "
            + "the default) or flink (an Apache Flink cluster, see --jobmanager; needs weir-flink and Flink's client).")
    String runTarget;

    @Option(names = "--jobmanager", paramLabel = "HOST:PORT", description = "The Flink cluster's REST address, for --target flink.")
    String jobManager;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "A configuration option every "
            + "environment of the job starts from, as Flink's dynamic properties (repeatable): -D state.backend.type=rocksdb, "
            + "-Dexecution.checkpointing.interval=10s, -D s3.region=eu-west-1. What the job sets itself wins. The keys are "
            + "set as JVM system properties, so a job started with plain java takes the same ones as -Dkey=value.")
    Map<String, String> dynamicProperties = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        Method main = findMain();
        DynamicProperties.apply(dynamicProperties);
        if (parallelism != null) {
            if (parallelism <= 0) {
                throw new CliFailure(2, "--parallelism must be positive; got " + parallelism);
            }
            System.setProperty("weir.parallelism", parallelism.toString());
        }
        boolean onFlink = FlinkTarget.configure(runTarget, jobManager, target);
        if (savepoint != null) {
            // An object store location (s3://...) is checked when the job loads it, with the job's s3.* settings.
            boolean objectStore = savepoint.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !savepoint.startsWith("file:");
            if (!onFlink && !objectStore && !Files.exists(Path.of(savepoint))) {
                throw new CliFailure(Weir.MISSING, "Savepoint " + savepoint + " does not exist: pass the directory `weir savepoint` printed");
            }
            System.setProperty(CheckpointSettings.RESTORE_PATH, savepoint);
            System.setProperty(CheckpointSettings.ALLOW_NON_RESTORED_STATE, Boolean.toString(allowNonRestoredState));
        }
        // On Flink the job shows on Flink's dashboard; Weir's would only compete for the port.
        try (WebServer ignored = onFlink ? null : Dashboard.start(port, bind)) {
            Thread.currentThread().setContextClassLoader(main.getDeclaringClass().getClassLoader());
            try {
                main.invoke(null, (Object) args.toArray(new String[0]));
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                System.err.println("weir: the job failed: " + cause);
                return Weir.FAILED;
            }
        }
        return 0;
    }

    private Method findMain() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        String className = mainClass;
        Path jar = Path.of(target);
        if (target.endsWith(".jar") || Files.isRegularFile(jar)) {
            if (!Files.isRegularFile(jar)) {
                throw new CliFailure(Weir.MISSING, "Jar " + jar.toAbsolutePath() + " does not exist: build it first (e.g. mvn package) or check the path");
            }
            if (className == null) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    var manifest = file.getManifest();
                    className = manifest == null ? null : manifest.getMainAttributes().getValue("Main-Class");
                }
                if (className == null) {
                    throw new CliFailure(Weir.MISSING, "Jar " + jar + " names no Main-Class in its manifest: pass the job's class with --class");
                }
            }
            loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, loader);
        } else if (className == null) {
            className = target;
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CliFailure(Weir.MISSING, "Class " + className + " not found" + (loader instanceof URLClassLoader ? " in " + jar : " on the class path")
                    + ": check the name, or pass a jar that contains it");
        }
        try {
            Method m = type.getMethod("main", String[].class);
            if (Modifier.isStatic(m.getModifiers())) {
                return m;
            }
        } catch (NoSuchMethodException e) {
            // reported below
        }
        throw new CliFailure(Weir.MISSING, "Class " + className + " has no public static void main(String[]): pass the class that starts the job");
    }
}
