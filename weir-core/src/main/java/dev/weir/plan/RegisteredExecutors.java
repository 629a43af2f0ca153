package dev.weir.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

/**
 * Finds the {@link PipelineExecutor} registered for a target. For the default target it first reads only the nearest
 * service file on the class path (weir-core's own, which names the local runtime): a {@link ServiceLoader} scan opens
 * every jar of the class path and keeps each one's central directory on the heap for the rest of the JVM's life,
 * about 5 MB and a quarter of the start-up time on weir-bench's 90-jar class path. Any other target, or a nearest
 * file that names no local runtime, gets the full scan.
 */
public final class RegisteredExecutors {
    private static final String SERVICE_FILE = "META-INF/services/" + PipelineExecutor.class.getName();

    private RegisteredExecutors() {
    }

    /**
     * The first registered executor that supports {@code target}.
     *
     * @throws IllegalStateException if none does, naming the module to add
     */
    public static PipelineExecutor forTarget(String target, ClassLoader loader) {
        if (PipelineExecutor.LOCAL_TARGET.equals(target)) {
            PipelineExecutor nearest = nearestListed(target, loader);
            if (nearest != null) {
                return nearest;
            }
        }
        for (PipelineExecutor executor : ServiceLoader.load(PipelineExecutor.class, loader)) {
            if (executor.supportsTarget(target)) {
                return executor;
            }
        }
        if (PipelineExecutor.LOCAL_TARGET.equals(target)) {
            throw new IllegalStateException("No Weir runtime found on the class path: add weir-core (it registers "
                    + PipelineExecutor.class.getName() + ")");
        }
        throw new IllegalStateException("No Weir runtime on the class path runs " + PipelineExecutor.TARGET + " '" + target
                + "': Weir runs 'local'; weir-flink (with Flink's flink-clients) adds 'remote' and 'flink-minicluster'");
    }

    /**
     * The first executor for {@code target} that the nearest service file lists, or null (no such file, none listed
     * supports it, or one cannot be read or made: the full scan then reports it the way {@link ServiceLoader} does).
     */
    private static PipelineExecutor nearestListed(String target, ClassLoader loader) {
        URL file = loader.getResource(SERVICE_FILE);
        if (file == null) {
            return null;
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                int comment = line.indexOf('#');
                String className = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (className.isEmpty()) {
                    continue;
                }
                PipelineExecutor executor = Class.forName(className, true, loader).asSubclass(PipelineExecutor.class)
                        .getDeclaredConstructor().newInstance();
                if (executor.supportsTarget(target)) {
                    return executor;
                }
            }
        } catch (IOException | ReflectiveOperationException | ClassCastException | LinkageError e) {
            return null;
        }
        return null;
    }
}
