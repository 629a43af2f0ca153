package dev.weir.sql.connector;

import dev.weir.configuration.MemorySize;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.time.Duration;
import java.util.Set;

/**
 * The filesystem sink's {@code sink.rolling-policy.*} options, with Flink's names and defaults: a part file rolls
 * when it exceeds {@code file-size} (128 MB), has been open for {@code rollover-interval} (30 min) or unwritten for
 * {@code inactivity-interval} (30 min); the time conditions are checked every {@code check-interval} (1 min).
 */
record FilesystemRollingOptions(long fileSizeBytes, Duration rolloverInterval, Duration inactivityInterval, Duration checkInterval) {
    static final String FILE_SIZE = "sink.rolling-policy.file-size";
    static final String ROLLOVER_INTERVAL = "sink.rolling-policy.rollover-interval";
    static final String INACTIVITY_INTERVAL = "sink.rolling-policy.inactivity-interval";
    static final String CHECK_INTERVAL = "sink.rolling-policy.check-interval";
    static final Set<String> KEYS = Set.of(FILE_SIZE, ROLLOVER_INTERVAL, INACTIVITY_INTERVAL, CHECK_INTERVAL);

    /** The options of {@code table}, defaults where unset; a malformed or non-positive value fails naming the option. */
    static FilesystemRollingOptions of(CatalogTable table) {
        String size = table.options().getOrDefault(FILE_SIZE, "128mb");
        long bytes;
        try {
            bytes = MemorySize.parse(size).getBytes();
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Option '" + FILE_SIZE + "' of table '" + table.name() + "' must be a memory size "
                    + "such as '128mb' or '1 gb', was '" + size + "'", e);
        }
        if (bytes <= 0) {
            throw new ValidationException("Option '" + FILE_SIZE + "' of table '" + table.name() + "' must be positive, was '"
                    + size + "'");
        }
        return new FilesystemRollingOptions(bytes, TableConnector.positiveDuration(table, ROLLOVER_INTERVAL, "30 min"),
                TableConnector.positiveDuration(table, INACTIVITY_INTERVAL, "30 min"),
                TableConnector.positiveDuration(table, CHECK_INTERVAL, "1 min"));
    }

    /** The rolling policy these options describe. */
    DefaultRollingPolicy<Row, String> policy() {
        return DefaultRollingPolicy.builder().withMaxPartSize(fileSizeBytes).withRolloverInterval(rolloverInterval)
                .withInactivityInterval(inactivityInterval).build();
    }
}
