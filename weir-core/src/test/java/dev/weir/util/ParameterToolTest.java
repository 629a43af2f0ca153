package dev.weir.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterToolTest {

    @Test
    void argumentsParseAsFlinkDoesKeysWithoutValuesNegativeNumbersAndTheLastOfARepeatedKey() {
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--input", "a.txt", "-x", "--n", "-5", "--verbose",
                "--input", "b.txt"});
        assertThat(params.toMap()).containsExactly(entry("input", "b.txt"), entry("x", ParameterTool.NO_VALUE_KEY),
                entry("n", "-5"), entry("verbose", ParameterTool.NO_VALUE_KEY));
        assertThat(params.getNumberOfParameters()).isEqualTo(4);
        assertThat(params.get("input")).isEqualTo("b.txt");
        assertThat(params.getInt("n")).isEqualTo(-5);
        assertThat(params.has("verbose")).isTrue();
        assertThat(params.getBoolean("verbose", true)).as("a key without a value is not 'true'").isFalse();
        assertThat(params.get("missing")).isNull();
        assertThat(params.get("missing", "fallback")).isEqualTo("fallback");
        assertThat(params.getInt("port", 8080)).isEqualTo(8080);
        assertThat(params.getLong("big", 7L)).isEqualTo(7L);
        assertThat(params.getDouble("ratio", 0.5)).isEqualTo(0.5);
        assertThat(params.getUnrequestedParameters()).containsExactly("x");
    }

    @Test
    void badArgumentsAndMissingRequiredKeysFailWithFlinksMessages() {
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"input", "a"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Error parsing arguments '[input, a]' on 'input'. Please prefix keys with -- or -.");
        assertThatThrownBy(() -> ParameterTool.fromArgs(new String[] {"--", "1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The input [--, 1] contains an empty argument: a key is '-' or '--' followed by its name, as in '--input'");
        ParameterTool params = ParameterTool.fromArgs(new String[] {"--input", "a"});
        assertThatThrownBy(() -> params.getRequired("output")).isInstanceOf(RuntimeException.class)
                .hasMessage("No data for required key 'output'");
        assertThatThrownBy(() -> params.getInt("output")).hasMessage("No data for required key 'output'");
        assertThatThrownBy(() -> params.getInt("input")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void mapsPropertiesFilesAndSystemPropertiesMergeWithTheOtherToolWinning(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.properties");
        Files.writeString(file, "input=/data/in\nparallelism=4\n");
        ParameterTool fromFile = ParameterTool.fromPropertiesFile(file.toString());
        ParameterTool fromMap = ParameterTool.fromMap(Map.of("parallelism", "8", "output", "/data/out"));
        ParameterTool merged = fromFile.mergeWith(fromMap);
        assertThat(merged.toMap()).isEqualTo(Map.of("input", "/data/in", "parallelism", "8", "output", "/data/out"));
        assertThat(merged.getConfiguration().getInteger("parallelism", 1)).isEqualTo(8);
        assertThat(merged.getProperties().getProperty("input")).isEqualTo("/data/in");
        assertThatThrownBy(() -> ParameterTool.fromPropertiesFile(dir.resolve("nope.properties").toString()))
                .isInstanceOf(FileNotFoundException.class)
                .hasMessage("Properties file " + dir.resolve("nope.properties").toAbsolutePath() + " does not exist");

        System.setProperty("weir.test.parameter", "from-jvm");
        try {
            assertThat(ParameterTool.fromSystemProperties().get("weir.test.parameter")).isEqualTo("from-jvm");
        } finally {
            System.clearProperty("weir.test.parameter");
        }
    }

    @Test
    void aMultipleParameterToolKeepsEveryValueAndRefusesASingleGetOfARepeatedKey() {
        MultipleParameterTool params = MultipleParameterTool.fromArgs(new String[] {"--input", "a", "--input", "b", "--flag"});
        assertThat(params.getMultiParameter("input")).containsExactly("a", "b");
        assertThat(params.getMultiParameter("absent")).isNull();
        assertThat(params.getMultiParameterRequired("flag")).containsExactly(MultipleParameterTool.NO_VALUE_KEY);
        assertThat(params.toMap()).isEqualTo(Map.of("input", "b", "flag", MultipleParameterTool.NO_VALUE_KEY));
        assertThatThrownBy(() -> params.get("input")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Key input should has only one value.");
        assertThatThrownBy(() -> params.getMultiParameterRequired("absent")).hasMessage("No data for required key 'absent'");
        MultipleParameterTool merged = params.mergeWith(MultipleParameterTool.fromArgs(new String[] {"--input", "c"}));
        assertThat(merged.getMultiParameter("input")).containsExactly("c");
    }

    @Test
    void theFlink1NamesBehaveAsTheFlink2Names() {
        String[] args = {"--input", "a", "--input", "b", "--port", "9000"};
        dev.weir.api.java.utils.ParameterTool old = dev.weir.api.java.utils.ParameterTool.fromArgs(args);
        ParameterTool current = ParameterTool.fromArgs(args);
        assertThat(old.toMap()).isEqualTo(current.toMap()).isEqualTo(Map.of("input", "b", "port", "9000"));
        assertThat(old.getInt("port")).isEqualTo(9000);
        dev.weir.api.java.utils.ParameterTool merged = old.mergeWith(dev.weir.api.java.utils.ParameterTool.fromMap(Map.of("port", "1")));
        assertThat(merged.getInt("port")).isEqualTo(1);
        assertThat(old).isInstanceOf(dev.weir.api.java.utils.AbstractParameterTool.class);
        assertThat(dev.weir.api.java.utils.MultipleParameterTool.fromArgs(args).getMultiParameter("input")).containsExactly("a", "b");
        assertThat(Set.copyOf(old.toMap().keySet())).isEqualTo(Set.of("input", "port"));
    }
}
