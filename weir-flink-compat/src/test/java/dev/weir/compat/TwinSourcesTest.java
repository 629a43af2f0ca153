package dev.weir.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps the two job twins honest: they differ in their imports only, so both engines run the same job code. */
class TwinSourcesTest {
    private static final Path DIR = Path.of("src/test/java/dev/weir/compat");
    private static final String MARKER = "// TWIN BODY BELOW";

    @Test
    void weirAndFlinkCasesAreTheSameTextBelowTheirImports() throws Exception {
        assertThat(body("WeirCases.java")).isEqualTo(body("FlinkCases.java"));
    }

    private static String body(String file) throws Exception {
        String text = Files.readString(DIR.resolve(file));
        int at = text.indexOf(MARKER);
        assertThat(at).as("%s has the twin marker line", file).isPositive();
        return text.substring(at).replace("WeirCases", "Cases").replace("FlinkCases", "Cases");
    }
}
