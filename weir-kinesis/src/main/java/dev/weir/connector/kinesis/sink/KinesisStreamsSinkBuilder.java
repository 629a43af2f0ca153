package dev.weir.connector.kinesis.sink;

import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.kinesis.KinesisClients;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/** Builds a {@link KinesisStreamsSink}: a stream (name or ARN), a serialization schema and a partition key generator. */
public final class KinesisStreamsSinkBuilder<InputT> {
    private final Map<String, String> clientProperties = new HashMap<>();
    private String streamName;
    private SerializationSchema<InputT> serializationSchema;
    private PartitionKeyGenerator<InputT> partitionKeyGenerator;
    private boolean failOnError;
    private int maxBatchSize = 500;
    private long maxTimeInBufferMillis = 5_000;

    KinesisStreamsSinkBuilder() {
    }

    /** The stream to write. */
    public KinesisStreamsSinkBuilder<InputT> setStreamName(String streamName) {
        this.streamName = streamName;
        return this;
    }

    /** The stream to write, by ARN. */
    public KinesisStreamsSinkBuilder<InputT> setStreamArn(String streamArn) {
        this.streamName = KinesisClients.streamName(streamArn);
        return this;
    }

    /** The AWS client's keys ({@code aws.region}, {@code aws.endpoint}, credentials; see AWSConfigConstants). */
    public KinesisStreamsSinkBuilder<InputT> setKinesisClientProperties(Properties properties) {
        properties.stringPropertyNames().forEach(key -> clientProperties.put(key, properties.getProperty(key)));
        return this;
    }

    /** Turns each element into a record's data. */
    public KinesisStreamsSinkBuilder<InputT> setSerializationSchema(SerializationSchema<InputT> serializationSchema) {
        this.serializationSchema = serializationSchema;
        return this;
    }

    /** The partition key of each element. */
    public KinesisStreamsSinkBuilder<InputT> setPartitionKeyGenerator(PartitionKeyGenerator<InputT> partitionKeyGenerator) {
        this.partitionKeyGenerator = partitionKeyGenerator;
        return this;
    }

    /** Fail the job on the first rejected record instead of retrying it (false by default). */
    public KinesisStreamsSinkBuilder<InputT> setFailOnError(boolean failOnError) {
        this.failOnError = failOnError;
        return this;
    }

    /** Records per PutRecords call, 1 to 500. */
    public KinesisStreamsSinkBuilder<InputT> setMaxBatchSize(int maxBatchSize) {
        if (maxBatchSize < 1 || maxBatchSize > 500) {
            throw new IllegalArgumentException("KinesisStreamsSink: maxBatchSize must be 1..500 (Kinesis's PutRecords limit), was "
                    + maxBatchSize);
        }
        this.maxBatchSize = maxBatchSize;
        return this;
    }

    /** How long a record may wait in the buffer, checked at each write (checkpoints flush too). */
    public KinesisStreamsSinkBuilder<InputT> setMaxTimeInBufferMS(long maxTimeInBufferMillis) {
        this.maxTimeInBufferMillis = maxTimeInBufferMillis;
        return this;
    }

    /** The sink; fails naming what is missing. */
    public KinesisStreamsSink<InputT> build() {
        if (streamName == null) {
            throw new IllegalArgumentException("KinesisStreamsSink: setStreamName(...) or setStreamArn(...) is required");
        }
        if (serializationSchema == null) {
            throw new IllegalArgumentException("KinesisStreamsSink: setSerializationSchema(...) is required");
        }
        if (partitionKeyGenerator == null) {
            throw new IllegalArgumentException("KinesisStreamsSink: setPartitionKeyGenerator(...) is required");
        }
        return new KinesisStreamsSink<>(clientProperties, streamName, serializationSchema, partitionKeyGenerator, failOnError,
                maxBatchSize, maxTimeInBufferMillis);
    }
}
