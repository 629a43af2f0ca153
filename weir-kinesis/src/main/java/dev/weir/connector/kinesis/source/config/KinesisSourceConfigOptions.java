package dev.weir.connector.kinesis.source.config;

import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.ConfigOptions;
import java.time.Duration;

/** The options of {@code KinesisStreamsSource}, with Flink's keys; set them on the source's {@code Configuration}. */
public final class KinesisSourceConfigOptions {
    /** Where reading starts in shards that have no checkpointed position: {@code LATEST} by default, as in Flink. */
    public static final ConfigOption<InitialPosition> STREAM_INITIAL_POSITION = ConfigOptions.key("source.init.position")
            .enumType(InitialPosition.class).defaultValue(InitialPosition.LATEST);
    /** For {@code AT_TIMESTAMP}: an ISO-8601 instant ({@code 2024-05-01T12:00:00Z}) or epoch seconds ({@code 1714564800.5}). */
    public static final ConfigOption<String> STREAM_INITIAL_TIMESTAMP = ConfigOptions.key("source.init.timestamp")
            .stringType().noDefaultValue();
    /** How often the shard list is read to find new shards (after a reshard). */
    public static final ConfigOption<Duration> SHARD_DISCOVERY_INTERVAL = ConfigOptions.key("source.shard.discovery.interval")
            .durationType().defaultValue(Duration.ofSeconds(10));
    /** The most records one GetRecords call returns (Kinesis allows up to 10,000). */
    public static final ConfigOption<Integer> SHARD_GET_RECORDS_MAX = ConfigOptions.key("source.shard.get-records.max-record-count")
            .intType().defaultValue(10_000);

    private KinesisSourceConfigOptions() {
    }

    /** Where a shard without checkpointed position is read from. */
    public enum InitialPosition {
        /** Only records added after the source started reading the shard. */
        LATEST,
        /** The oldest record the shard keeps. */
        TRIM_HORIZON,
        /** The first record that arrived at or after {@link #STREAM_INITIAL_TIMESTAMP}. */
        AT_TIMESTAMP
    }
}
