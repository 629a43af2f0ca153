package dev.weir.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.core.execution.JobClient;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegisteredExecutorsTest {
    private static final String SERVICE_FILE = "META-INF/services/" + PipelineExecutor.class.getName();

    @TempDir
    Path dir;

    @Test
    void theLocalTargetIsTheRuntimeWeirCoreRegisters() {
        PipelineExecutor executor = RegisteredExecutors.forTarget("local", getClass().getClassLoader());

        assertThat(executor.getClass().getName()).isEqualTo("dev.weir.engine.exec.LocalPipelineExecutor");
    }

    @Test
    void aNearestServiceFileWithoutTheLocalRuntimeFallsBackToTheScanOfTheWholeClassPath() throws IOException {
        ClassLoader loader = remoteFirst();

        assertThat(RegisteredExecutors.forTarget("local", loader).getClass().getName())
                .isEqualTo("dev.weir.engine.exec.LocalPipelineExecutor");
    }

    @Test
    void anotherTargetIsFoundByTheScan() throws IOException {
        assertThat(RegisteredExecutors.forTarget("remote", remoteFirst())).isInstanceOf(RemoteOnly.class);
    }

    @Test
    void aTargetNoRuntimeRunsNamesTheModulesThatAddTargets() {
        assertThatThrownBy(() -> RegisteredExecutors.forTarget("yarn-session", getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No Weir runtime on the class path runs execution.target 'yarn-session': Weir runs 'local';"
                        + " weir-flink (with Flink's flink-clients) adds 'remote' and 'flink-minicluster'");
    }

    /** A class loader whose first service file, as a jar placed before weir-core's would, lists only {@link RemoteOnly}. */
    private ClassLoader remoteFirst() throws IOException {
        Path file = dir.resolve(SERVICE_FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# a runner of another target\n" + RemoteOnly.class.getName() + "  # the only one\n");
        URL first = file.toUri().toURL();
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public URL getResource(String name) {
                return name.equals(SERVICE_FILE) ? first : super.getResource(name);
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (!name.equals(SERVICE_FILE)) {
                    return super.getResources(name);
                }
                List<URL> all = new ArrayList<>();
                all.add(first);
                all.addAll(Collections.list(super.getResources(name)));
                return Collections.enumeration(all);
            }
        };
    }

    /** An executor of the "remote" target only, as weir-flink's is. */
    public static final class RemoteOnly implements PipelineExecutor {
        @Override
        public JobClient execute(Pipeline pipeline) {
            throw new UnsupportedOperationException("not run by these tests");
        }

        @Override
        public boolean supportsTarget(String target) {
            return "remote".equals(target);
        }
    }
}
