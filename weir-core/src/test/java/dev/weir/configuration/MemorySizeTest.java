package dev.weir.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** MemorySize parses and prints as Flink 1.20's (the expected texts were read from Flink). */
class MemorySizeTest {
    @Test
    void parsesUnitsAsPowersOf1024WithOrWithoutSpaceInAnyCase() {
        assertThat(MemorySize.parse("128 mb").getBytes()).isEqualTo(128L << 20);
        assertThat(MemorySize.parse("128mb")).isEqualTo(MemorySize.ofMebiBytes(128));
        assertThat(MemorySize.parse(" 12 MB ").getMebiBytes()).isEqualTo(12);
        assertThat(MemorySize.parse("100 kibibytes").getBytes()).isEqualTo(102_400);
        assertThat(MemorySize.parse("1t").getBytes()).isEqualTo(1L << 40);
        assertThat(MemorySize.parse("3 bytes").getBytes()).isEqualTo(3);
        assertThat(MemorySize.parse("1024").getBytes()).as("no unit: bytes").isEqualTo(1024);
        assertThat(MemorySize.parse("5", MemorySize.MemoryUnit.MEGA_BYTES)).isEqualTo(MemorySize.ofMebiBytes(5));
    }

    @Test
    void printsInTheLargestUnitThatDividesExactlyAsFlinkDoes() {
        assertThat(MemorySize.ofMebiBytes(128)).hasToString("128 mb");
        assertThat(MemorySize.parse("1024")).hasToString("1 kb");
        assertThat(new MemorySize(1536)).hasToString("1536 bytes");
        assertThat(MemorySize.ZERO).hasToString("0 bytes");
        assertThat(MemorySize.parse("1 t")).as("Flink's quirk: every unit divides it").hasToString("1099511627776 bytes");
        assertThat(MemorySize.parse("1048577").toHumanReadableString()).isEqualTo("1.000mb (1048577 bytes)");
        assertThat(MemorySize.parse("1 kb").toHumanReadableString()).isEqualTo("1024 bytes");
    }

    @Test
    void badTextIsRefusedWithFlinksMessages() {
        assertThatThrownBy(() -> MemorySize.parse("12 xb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Memory size unit 'xb' does not match any of the recognized units: (b | bytes) / (k | kb | kibibytes) / "
                        + "(m | mb | mebibytes) / (g | gb | gibibytes) / (t | tb | tebibytes)");
        assertThatThrownBy(() -> MemorySize.parse("mb")).isInstanceOf(NumberFormatException.class)
                .hasMessage("text does not start with a number");
        assertThatThrownBy(() -> MemorySize.parse("9223372036854775807 kb"))
                .hasMessage("The value '9223372036854775807 kb' cannot be re represented as 64bit number of bytes (numeric overflow).");
        assertThatThrownBy(() -> MemorySize.parse(" ")).hasMessage("argument is an empty- or whitespace-only string");
        assertThatThrownBy(() -> new MemorySize(-1)).hasMessage("bytes must be >= 0");
    }

    @Test
    void aMemoryOptionReadsTextAndNamesTheKeyWhenItCannot() {
        ConfigOption<MemorySize> option = ConfigOptions.key("sink.part-size").memoryType().defaultValue(MemorySize.ofMebiBytes(128));
        Configuration config = new Configuration();
        assertThat(config.get(option)).isEqualTo(MemorySize.ofMebiBytes(128));
        config.setString("sink.part-size", "64 kb");
        assertThat(config.get(option).getBytes()).isEqualTo(65_536);
        config.setString("sink.part-size", "lots");
        assertThatThrownBy(() -> config.get(option)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Could not parse value 'lots' for key 'sink.part-size' as MemorySize");
    }
}
