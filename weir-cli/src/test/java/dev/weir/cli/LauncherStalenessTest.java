package dev.weir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source tree's {@code ./weir} builds the distribution only when a source is newer than the build: in a fresh
 * clone, where the sources' times are those of the checkout and {@code bin/weir} keeps its source script's, it builds
 * once and then runs the distribution. The clone here is the real launcher with a stand-in for {@code ./mvnw} that
 * does what the build does to the times (the real build's stamp is checked against weir-cli's pom).
 */
@Timeout(60)
class LauncherStalenessTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Instant CHECKOUT = Instant.now().minusSeconds(60);

    @TempDir
    Path clone;

    @BeforeEach
    void freshClone() throws IOException {
        Files.copy(ROOT.resolve("weir"), clone.resolve("weir"));
        clone.resolve("weir").toFile().setExecutable(true);
        // The checkout writes the dist script first and the other sources a moment later.
        write("weir-cli/src/main/dist/bin/weir", "#!/usr/bin/env bash\n", CHECKOUT);
        write("pom.xml", "<project/>", CHECKOUT.plusSeconds(1));
        write("weir-cli/pom.xml", "<project/>", CHECKOUT.plusSeconds(1));
        write("weir-core/src/main/java/Job.java", "class Job {}", CHECKOUT.plusSeconds(2));
        // What `./mvnw ... package` does to the times: bin/weir keeps the source script's, the stamp is touched last.
        write("mvnw", """
                #!/usr/bin/env bash
                echo build >> builds.log
                bin=weir-cli/target/weir-0.1.0-SNAPSHOT/weir-0.1.0-SNAPSHOT/bin
                mkdir -p "$bin"
                printf '#!/usr/bin/env bash\\necho "the distribution runs: $*"\\n' > "$bin/weir"
                chmod +x "$bin/weir"
                touch -r weir-cli/src/main/dist/bin/weir "$bin/weir"
                touch weir-cli/target/weir-build.stamp
                """, CHECKOUT);
        clone.resolve("mvnw").toFile().setExecutable(true);
    }

    @Test
    void inAFreshCloneTheLauncherBuildsOnceThenRunsTheDistribution() throws Exception {
        assertThat(launch("list")).endsWith("the distribution runs: list");
        assertThat(launch("list")).isEqualTo("the distribution runs: list");
        assertThat(launch("list")).isEqualTo("the distribution runs: list");

        assertThat(builds()).isEqualTo(1);
    }

    @Test
    void aHeapSizeBeforeTheCommandGoesToTheDistributionsLauncher() throws Exception {
        assertThat(launch("--heap", "2g", "list")).endsWith("the distribution runs: --heap 2g list");
        assertThat(launch("--heap=512m", "demo", "--rate", "10")).isEqualTo("the distribution runs: --heap=512m demo --rate 10");
    }

    @Test
    void aSourceChangedAfterTheBuildMakesTheLauncherBuildAgain() throws Exception {
        launch("list");
        Files.setLastModifiedTime(clone.resolve("weir-core/src/main/java/Job.java"), FileTime.from(Instant.now().plusSeconds(5)));
        launch("list");

        assertThat(builds()).isEqualTo(2);
    }

    @Test
    void theStampTheLauncherComparesWithIsTheOneWeirCliBuildTouches() throws IOException {
        assertThat(Files.readString(ROOT.resolve("weir"))).contains("stamp=\"$here/weir-cli/target/weir-build.stamp\"");
        assertThat(Files.readString(ROOT.resolve("weir-cli/pom.xml")))
                .contains("<touch file=\"${project.build.directory}/weir-build.stamp\"/>");
    }

    private void write(String path, String text, Instant time) throws IOException {
        Path file = clone.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(time));
    }

    /** Runs {@code ./weir command} in the clone; returns what it printed (stdout), trimmed. */
    private String launch(String... command) throws Exception {
        List<String> line = new java.util.ArrayList<>(List.of("bash", "./weir"));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).directory(clone.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private long builds() throws IOException {
        Path log = clone.resolve("builds.log");
        return Files.exists(log) ? List.copyOf(Files.readAllLines(log)).size() : 0;
    }
}
