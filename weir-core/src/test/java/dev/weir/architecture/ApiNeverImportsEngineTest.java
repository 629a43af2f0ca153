package dev.weir.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The design's first dependency rule: the public API (Flink's packages under {@code dev.weir}, the plan and the
 * built-ins) never names the engine ({@code dev.weir.engine}), so users' code and other modules reach the engine only
 * through the API and the plan. Only the engine itself and the test harness may.
 */
class ApiNeverImportsEngineTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ENGINE_REFERENCE = Pattern.compile("\\bdev\\.weir\\.engine\\.\\w+");

    @Test
    void noApiSourceFileNamesTheEngine() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !inside(f, "dev/weir/engine") && !inside(f, "dev/weir/testing"))
                    .flatMap(ApiNeverImportsEngineTest::engineReferences)
                    .toList();
        }
        assertThat(offenders).as("API files naming the engine").isEmpty();
    }

    @Test
    void theScanFindsAnEngineReferenceWhereThereIsOne() throws IOException {
        Path engineFile;
        try (Stream<Path> files = Files.walk(SOURCES.resolve("dev/weir/engine/exec"))) {
            engineFile = files.filter(f -> f.toString().endsWith("TaskWiring.java")).findFirst().orElseThrow();
        }
        assertThat(engineReferences(engineFile)).isNotEmpty();
    }

    private static boolean inside(Path file, String pkgDir) {
        return SOURCES.relativize(file).toString().replace('\\', '/').startsWith(pkgDir + "/");
    }

    private static Stream<String> engineReferences(Path file) {
        try {
            Matcher m = ENGINE_REFERENCE.matcher(Files.readString(file));
            Stream.Builder<String> found = Stream.builder();
            while (m.find()) {
                found.add(SOURCES.relativize(file) + ": " + m.group());
            }
            return found.build();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
