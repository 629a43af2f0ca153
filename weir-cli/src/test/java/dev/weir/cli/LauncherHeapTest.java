package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's {@code bin/weir} bounds the JVM's heap: 1g by default, {@code --heap SIZE} as the first argument
 * or {@code WEIR_HEAP} otherwise, and an {@code -Xmx} in {@code WEIR_JAVA_OPTS} wins by coming later. The real script
 * runs here with a {@code JAVA_HOME} whose {@code java} prints the command line it was given.
 */
@Timeout(60)
class LauncherHeapTest {
    private static final Path SCRIPT = Path.of("src/main/dist/bin/weir").toAbsolutePath();

    @TempDir
    Path dist;

    private Path javaHome;

    @BeforeEach
    void distributionWithAnEchoingJava() throws IOException {
        Files.createDirectories(dist.resolve("bin"));
        Files.copy(SCRIPT, dist.resolve("bin/weir"));
        javaHome = dist.resolve("jdk");
        Files.createDirectories(javaHome.resolve("bin"));
        Files.writeString(javaHome.resolve("bin/java"), "#!/bin/sh\necho \"java $*\"\n");
        javaHome.resolve("bin/java").toFile().setExecutable(true);
    }

    @Test
    void theHeapIsOneGigabyteUnlessTold() throws Exception {
        assertThat(launch(Map.of(), "list").out).isEqualTo("java -Xmx1g -cp " + dist + "/lib/* dev.weir.cli.Weir list");
    }

    @Test
    void aFirstArgumentHeapSetsItAndIsNotPassedToWeir() throws Exception {
        assertThat(launch(Map.of(), "--heap", "2g", "run", "Job").out).isEqualTo("java -Xmx2g -cp " + dist + "/lib/* dev.weir.cli.Weir run Job");
        assertThat(launch(Map.of(), "--heap=384m", "demo").out).isEqualTo("java -Xmx384m -cp " + dist + "/lib/* dev.weir.cli.Weir demo");
    }

    @Test
    void weirHeapSetsItAndWeirJavaOptsComeLaterSoTheirXmxWins() throws Exception {
        assertThat(launch(Map.of("WEIR_HEAP", "3g"), "list").out).startsWith("java -Xmx3g -cp ");
        assertThat(launch(Map.of("WEIR_HEAP", "3g", "WEIR_JAVA_OPTS", "-Xmx5g"), "list").out).startsWith("java -Xmx3g -Xmx5g -cp ");
    }

    @Test
    void aSizeThatIsNotOneIsRefusedWithExitCodeTwo() throws Exception {
        Result bad = launch(Map.of(), "--heap", "2x", "list");
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.out).isEqualTo("weir: heap size '2x' is not a size like 512m or 2g (from --heap or WEIR_HEAP)");
        Result missing = launch(Map.of(), "--heap");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.out).isEqualTo("weir: --heap needs a size, e.g. --heap 2g or --heap 512m");
        assertThat(launch(Map.of("WEIR_HEAP", "lots"), "list").code).isEqualTo(2);
    }

    private record Result(int code, String out) {
    }

    private Result launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", dist.resolve("bin/weir").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("WEIR_HEAP");
        pb.environment().remove("WEIR_JAVA_OPTS");
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor(30, TimeUnit.SECONDS);
        return new Result(p.exitValue(), out);
    }
}
