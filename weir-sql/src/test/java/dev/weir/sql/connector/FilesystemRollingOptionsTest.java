package dev.weir.sql.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filesystem sink's {@code sink.rolling-policy.*} options: Flink's defaults, parsing, and the policy they give. */
class FilesystemRollingOptionsTest {
    private static CatalogTable table(Map<String, String> options) {
        return new CatalogTable("out", List.of(), ResolvedSchema.physical(List.of(), List.of()), options, null, false);
    }

    @Test
    void unsetOptionsTakeFlinksDefaults() {
        assertThat(FilesystemRollingOptions.of(table(Map.of()))).isEqualTo(new FilesystemRollingOptions(128L * 1024 * 1024,
                Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofMinutes(1)));
    }

    @Test
    void setOptionsAreParsedAndMakeTheRollingPolicy() {
        FilesystemRollingOptions options = FilesystemRollingOptions.of(table(Map.of("sink.rolling-policy.file-size", "1 kb",
                "sink.rolling-policy.rollover-interval", "10 s", "sink.rolling-policy.inactivity-interval", "5 s",
                "sink.rolling-policy.check-interval", "2 s")));
        assertThat(options).isEqualTo(new FilesystemRollingOptions(1024, Duration.ofSeconds(10), Duration.ofSeconds(5),
                Duration.ofSeconds(2)));
        DefaultRollingPolicy<Row, String> policy = options.policy();
        assertThat(policy.getMaxPartSize()).isEqualTo(1024);
        assertThat(policy.getRolloverInterval()).isEqualTo(10_000);
        assertThat(policy.getInactivityInterval()).isEqualTo(5_000);
    }

    @Test
    void aMalformedSizeIsRefusedNamingTheOptionAndAnExample() {
        assertThatThrownBy(() -> FilesystemRollingOptions.of(table(Map.of("sink.rolling-policy.file-size", "big"))))
                .isInstanceOf(ValidationException.class).hasMessage("Option 'sink.rolling-policy.file-size' of table 'out' must be "
                        + "a memory size such as '128mb' or '1 gb', was 'big'");
    }

    @Test
    void aZeroIntervalIsRefused() {
        assertThatThrownBy(() -> FilesystemRollingOptions.of(table(Map.of("sink.rolling-policy.check-interval", "0 s"))))
                .isInstanceOf(ValidationException.class).hasMessage("Option 'sink.rolling-policy.check-interval' of table 'out' "
                        + "must be positive, was '0 s'");
    }
}
