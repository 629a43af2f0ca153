package dev.weir.connector.kinesis.source;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.kinesis.KinesisShardReader;
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
 * <p>Shards are spread over the parallel readers; a shard created by a reshard belongs to the reader of its parent and
 * is read only after its parent (and, for a merge, its adjacent parent when the same reader owns it) has been read to
 * its end, so per-key order holds across splits. Each shard's position (the last sequence number emitted, or that it
 * is finished) is part of checkpoints. A record's approximate arrival time is its timestamp unless the watermark
 * strategy assigns another, and watermarks are generated per shard from the moment its reading starts: as in Flink, a
 * shard without records holds the watermark back until {@code withIdleness} marks it idle. GetRecords calls that Kinesis throttles
 * ({@code ProvisionedThroughputExceededException}) back off exponentially and never fail the job. A record the
 * deserializer rejects fails the job naming its shard and sequence number.
 */
public final class KinesisStreamsSource<T> implements Source<T> {
    private static final long serialVersionUID = 1L;

    private final String streamArn;
    private final HashMap<String, String> sourceConfig;
    private final DeserializationSchema<T> deserializationSchema;

    KinesisStreamsSource(String streamArn, Map<String, String> sourceConfig, DeserializationSchema<T> deserializationSchema) {
        this.streamArn = streamArn;
        this.sourceConfig = new HashMap<>(sourceConfig);
        this.deserializationSchema = deserializationSchema;
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
    public SourceReader<T> createReader(SourceReaderContext readerContext) {
        return new KinesisShardReader<>(streamArn, sourceConfig, deserializationSchema, readerContext.getIndexOfSubtask(),
                readerContext.getParallelism(), readerContext.metricGroup());
    }
}
