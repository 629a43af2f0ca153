package dev.weir.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Flink cluster has Flink's jars and nothing of Weir's, so a job submitted to one ships, beside its own jars, the
 * jars of Weir's runtime: weir-core's dependencies (Apache Fory, Guava for Fory, ASM) — here as Maven resolved them.
 */
class WeirRuntimeShippedToFlinkTest {
    @Test
    void aJobShipsItsOwnJarsFirstAndThenWeirCoresDependencies() {
        List<String> jars = FlinkSubmission.jars(Map.of(FlinkPipelineExecutor.JARS, "/jobs/job.jar, /jobs/lib.jar"));

        assertThat(jars.subList(0, 2)).containsExactly("/jobs/job.jar", "/jobs/lib.jar");
        assertThat(jars.stream().map(jar -> Path.of(jar).getFileName().toString()))
                .anyMatch(name -> name.startsWith("fory-core-"))
                .anyMatch(name -> name.startsWith("guava-"))
                .anyMatch(name -> name.startsWith("failureaccess-"))
                .anyMatch(name -> name.startsWith("asm-"));
    }
}
