package dev.weir.connector.kinesis.source;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.enumerator.KinesisShardAssigner;
import dev.weir.kinesis.KinesisClients;
import dev.weir.kinesis.KinesisStreamsSourceEnumerator;
import java.util.Map;
import java.util.Objects;

/** Builds a {@link KinesisStreamsSource}: the stream's ARN and a deserialization schema are required. */
public final class KinesisStreamsSourceBuilder<T> {
    private String streamArn;
    private Configuration sourceConfig = new Configuration();
    private DeserializationSchema<T> deserializationSchema;
    private KinesisShardAssigner shardAssigner = new KinesisStreamsSourceEnumerator.UniformShardAssigner();

    KinesisStreamsSourceBuilder() {
    }

    /** The stream to read, {@code arn:aws:kinesis:<region>:<account>:stream/<name>}. */
    public KinesisStreamsSourceBuilder<T> setStreamArn(String streamArn) {
        this.streamArn = streamArn;
        return this;
    }

    /** {@link KinesisSourceConfigOptions} and the AWS client's keys ({@code aws.region}, {@code aws.endpoint}, ...). */
    public KinesisStreamsSourceBuilder<T> setSourceConfig(Configuration sourceConfig) {
        this.sourceConfig = Objects.requireNonNull(sourceConfig, "sourceConfig");
        return this;
    }

    /** Turns each record's data into an element. */
    public KinesisStreamsSourceBuilder<T> setDeserializationSchema(DeserializationSchema<T> deserializationSchema) {
        this.deserializationSchema = deserializationSchema;
        return this;
    }

    /** Chooses the reader of each shard; the default spreads them evenly over the readers. */
    public KinesisStreamsSourceBuilder<T> setKinesisShardAssigner(KinesisShardAssigner shardAssigner) {
        this.shardAssigner = Objects.requireNonNull(shardAssigner, "shardAssigner");
        return this;
    }

    /** The source; fails naming what is missing or malformed. */
    public KinesisStreamsSource<T> build() {
        if (streamArn == null) {
            throw new IllegalArgumentException("KinesisStreamsSource: setStreamArn(...) is required");
        }
        KinesisClients.streamName(streamArn);
        if (deserializationSchema == null) {
            throw new IllegalArgumentException("KinesisStreamsSource: setDeserializationSchema(...) is required");
        }
        Map<String, String> config = sourceConfig.toMap();
        if (sourceConfig.get(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION) == KinesisSourceConfigOptions.InitialPosition.AT_TIMESTAMP
                && sourceConfig.get(KinesisSourceConfigOptions.STREAM_INITIAL_TIMESTAMP) == null) {
            throw new IllegalArgumentException("KinesisStreamsSource: source.init.position AT_TIMESTAMP needs source.init.timestamp "
                    + "(an ISO-8601 instant or epoch seconds)");
        }
        return new KinesisStreamsSource<>(streamArn, config, deserializationSchema, shardAssigner);
    }
}
