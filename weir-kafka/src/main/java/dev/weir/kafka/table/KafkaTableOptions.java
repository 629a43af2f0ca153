package dev.weir.kafka.table;

import dev.weir.connector.base.DeliveryGuarantee;
import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.table.api.ValidationException;
import dev.weir.util.TimeUtils;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the Kafka options of one table with Flink's names and values: topics, the client properties
 * ({@code properties.*}), where reading starts and stops ({@code scan.startup.mode}, {@code scan.bounded.mode}), and
 * the sink's delivery guarantee. Every wrong value is refused naming the option, the table and the valid values.
 */
final class KafkaTableOptions {
    private final CatalogTable table;
    private final Map<String, String> options;

    KafkaTableOptions(CatalogTable table) {
        this.table = table;
        this.options = table.options();
    }

    String get(String key) {
        return options.get(key);
    }

    String get(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    String required(String key, String example) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new ValidationException("Missing required option '" + key + "' for table '" + table.name() + "' (connector '"
                    + options.get("connector") + "'); add e.g. '" + key + "' = '" + example + "' to its WITH clause");
        }
        return value;
    }

    /** One of {@code valid}, or the default when the option is not set. */
    String choice(String key, String fallback, List<String> valid) {
        String value = options.getOrDefault(key, fallback);
        if (!valid.contains(value)) {
            throw new ValidationException("Invalid value for option '" + key + "' of table '" + table.name() + "': '" + value
                    + "'. Supported values are " + valid);
        }
        return value;
    }

    List<String> topics() {
        return Arrays.stream(required("topic", "orders").split(";")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    /** The Kafka client properties: {@code properties.x} becomes {@code x}. */
    Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().startsWith("properties.")) {
                properties.put(e.getKey().substring("properties.".length()), e.getValue());
            }
        }
        String interval = options.get("scan.topic-partition-discovery.interval");
        if (interval != null) {
            properties.put("partition.discovery.interval.ms", Long.toString(duration("scan.topic-partition-discovery.interval", interval)));
        }
        return properties;
    }

    private long duration(String key, String value) {
        try {
            return TimeUtils.parseDuration(value).toMillis();
        } catch (RuntimeException e) {
            throw new ValidationException("Invalid duration '" + value + "' for option '" + key + "' of table '" + table.name()
                    + "'; write e.g. '30 s' or '5 min'", e);
        }
    }

    OffsetsInitializer startingOffsets() {
        String mode = choice("scan.startup.mode", "group-offsets",
                List.of("earliest-offset", "latest-offset", "group-offsets", "timestamp", "specific-offsets"));
        return offsets("scan.startup", mode);
    }

    /** Where each partition stops, or null for an unbounded read ({@code scan.bounded.mode} = {@code unbounded}). */
    OffsetsInitializer stoppingOffsets() {
        String mode = choice("scan.bounded.mode", "unbounded",
                List.of("unbounded", "latest-offset", "group-offsets", "timestamp", "specific-offsets"));
        return mode.equals("unbounded") ? null : offsets("scan.bounded", mode);
    }

    private OffsetsInitializer offsets(String prefix, String mode) {
        switch (mode) {
            case "earliest-offset":
                return OffsetsInitializer.earliest();
            case "latest-offset":
                return OffsetsInitializer.latest();
            case "group-offsets": {
                required("properties.group.id", "my-group");
                // As Flink: partitions without a committed offset follow 'properties.auto.offset.reset', failing without one.
                String reset = choice("properties.auto.offset.reset", "none", List.of("earliest", "latest", "none")).toUpperCase(Locale.ROOT);
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.valueOf(reset));
            }
            case "timestamp": {
                String key = prefix + ".timestamp-millis";
                String millis = required(key, "1700000000000");
                try {
                    return OffsetsInitializer.timestamp(Long.parseLong(millis.trim()));
                } catch (NumberFormatException e) {
                    throw new ValidationException("Invalid value for option '" + key + "' of table '" + table.name() + "': '" + millis
                            + "'; give epoch milliseconds, e.g. '1700000000000'", e);
                }
            }
            default:
                return OffsetsInitializer.offsets(specificOffsets(prefix + ".specific-offsets"));
        }
    }

    private Map<TopicPartition, Long> specificOffsets(String key) {
        String value = required(key, "partition:0,offset:42;partition:1,offset:300");
        List<String> topics = topics();
        if (topics.size() != 1) {
            throw new ValidationException("Option '" + key + "' of table '" + table.name() + "' needs a single 'topic', but "
                    + topics + " are given");
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (String pair : value.split(";")) {
            String[] parts = pair.trim().split(",");
            if (parts.length != 2 || !parts[0].trim().startsWith("partition:") || !parts[1].trim().startsWith("offset:")) {
                throw new ValidationException("Invalid properties '" + key + "' should follow the format "
                        + "'partition:0,offset:42;partition:1,offset:300', but is '" + value + "' (table '" + table.name() + "')");
            }
            try {
                offsets.put(new TopicPartition(topics.get(0), Integer.parseInt(parts[0].trim().substring(10).trim())),
                        Long.parseLong(parts[1].trim().substring(7).trim()));
            } catch (NumberFormatException e) {
                throw new ValidationException("Invalid properties '" + key + "' should follow the format "
                        + "'partition:0,offset:42;partition:1,offset:300', but is '" + value + "' (table '" + table.name() + "')", e);
            }
        }
        return offsets;
    }

    DeliveryGuarantee deliveryGuarantee() {
        String value = choice("sink.delivery-guarantee", "at-least-once", List.of("none", "at-least-once", "exactly-once"));
        DeliveryGuarantee guarantee = DeliveryGuarantee.valueOf(value.replace('-', '_').toUpperCase(Locale.ROOT));
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE && options.get("sink.transactional-id-prefix") == null) {
            throw new ValidationException("sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE "
                    + "(table '" + table.name() + "'); add e.g. 'sink.transactional-id-prefix' = '" + table.name()
                    + "-job', unique to this job on the cluster");
        }
        return guarantee;
    }

    /** Whether {@code key} is one of the format options of a format used under {@code prefix} ("" or "key." / "value."). */
    static boolean isFormatOption(String key, Set<String> prefixes) {
        for (String prefix : prefixes) {
            if (key.startsWith(prefix) && KafkaRowFormat.OPTIONS.contains(key.substring(prefix.length()))) {
                return true;
            }
        }
        return false;
    }
}
