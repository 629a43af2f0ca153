package dev.weir.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the two job twins honest: the Weir twin is the Flink twin after the porting rule (every
 * {@code org.apache.flink.} becomes {@code dev.weir.}) and nothing else but its class name.
 */
class TwinSourcesTest {
    private static final Path DIR = Path.of("src/test/java/dev/weir/compat");

    @Test
    void theWeirTwinIsTheFlinkTwinWithItsImportsSwappedByTheRule() throws Exception {
        String flink = Files.readString(DIR.resolve("FlinkCases.java"));
        String weir = Files.readString(DIR.resolve("WeirCases.java"));
        assertThat(weir).isEqualTo(flink.replace("org.apache.flink.", "dev.weir.").replace("FlinkCases", "WeirCases"));
    }
}
