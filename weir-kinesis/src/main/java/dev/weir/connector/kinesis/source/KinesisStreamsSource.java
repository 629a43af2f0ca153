package dev.weir.connector.kinesis.source;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.enumerator.KinesisShardAssigner;
import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import dev.weir.kinesis.KinesisShardReader;
import dev.weir.kinesis.KinesisStreamsSourceEnumerator;
import dev.weir.kinesis.KinesisStreamsSourceEnumeratorState;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a Kinesis data stream, built as in Flink's flink-connector-aws-kinesis-streams:
 *
 * <pre>{@code
 * Configuration sourceConfig = new Configuration();
 * sourceConfig.set(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION, InitialPosition.TRIM_HORIZON);
 * sourceConfig.setString(AWSConfigConstants.AWS_REGION, "eu-west-1");
 * KinesisStreamsSource<String> source = KinesisStreamsSource.<String>builder()
 *         .setStreamArn("arn:aws:kinesis:eu-west-1:123456789012:stream/readings")
 *         .setSourceConfig(sourceConfig)
 *         .setDeserializationSchema(new SimpleStringSchema())
 *         .build();
 * env.fromSource(source, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(5)), "readings");
 * }</pre>
 *
 * <p>One split enumerator for the whole job lists the shards every {@code source.shard.discovery.interval} and assigns
 * them to the readers (evenly by default, or by {@link KinesisStreamsSourceBuilder#setKinesisShardAssigner}); a shard
 * created by a reshard is assigned only once every parent of it (both, for a merge) has been read to its end, by
 * whichever readers read them, so per-key order holds across the reshard. Each reader's shards with the last
 * sequence number emitted, and the enumerator's finished and assigned shards, are part of checkpoints. A record's approximate arrival time is its timestamp unless the watermark
 * strategy assigns another, and watermarks are generated per shard from the moment its reading starts: as in Flink, a
 * shard without records holds the watermark back until {@code withIdleness} marks it idle. GetRecords calls that Kinesis throttles
 * ({@code ProvisionedThroughputExceededException}) back off exponentially and never fail the job. A record the
 * deserializer rejects fails the job naming its shard and sequence number.
 */
public final class KinesisStreamsSource<T> implements EnumeratedSource<T, KinesisShardSplit, KinesisStreamsSourceEnumeratorState> {
    private static final long serialVersionUID = 1L;

    private final String streamArn;
    private final HashMap<String, String> sourceConfig;
    private final DeserializationSchema<T> deserializationSchema;
    private final KinesisShardAssigner shardAssigner;

    KinesisStreamsSource(String streamArn, Map<String, String> sourceConfig, DeserializationSchema<T> deserializationSchema,
                         KinesisShardAssigner shardAssigner) {
        this.streamArn = streamArn;
        this.sourceConfig = new HashMap<>(sourceConfig);
        this.deserializationSchema = deserializationSchema;
        this.shardAssigner = shardAssigner;
    }

    /** A builder, as Flink's {@code KinesisStreamsSource.builder()}. */
    public static <T> KinesisStreamsSourceBuilder<T> builder() {
        return new KinesisStreamsSourceBuilder<>();
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<KinesisShardSplit, KinesisStreamsSourceEnumeratorState> createEnumerator(
            SplitEnumeratorContext<KinesisShardSplit> enumContext) {
        return restoreEnumerator(enumContext, null);
    }

    @Override
    public SplitEnumerator<KinesisShardSplit, KinesisStreamsSourceEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<KinesisShardSplit> enumContext, KinesisStreamsSourceEnumeratorState checkpoint) {
        long discoveryInterval = Configuration.fromMap(sourceConfig).get(KinesisSourceConfigOptions.SHARD_DISCOVERY_INTERVAL).toMillis();
        return new KinesisStreamsSourceEnumerator(enumContext, streamArn, sourceConfig, discoveryInterval, shardAssigner, checkpoint);
    }

    @Override
    public SplitSourceReader<T, KinesisShardSplit> createReader(SourceReaderContext readerContext) {
        return new KinesisShardReader<>(streamArn, sourceConfig, deserializationSchema, readerContext);
    }
}
