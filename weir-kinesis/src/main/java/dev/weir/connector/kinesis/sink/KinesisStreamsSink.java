package dev.weir.connector.kinesis.sink;

import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.kinesis.KinesisRecordWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes to a Kinesis data stream with batched PutRecords, at-least-once, built as in Flink:
 *
 * <pre>{@code
 * Properties client = new Properties();
 * client.setProperty(AWSConfigConstants.AWS_REGION, "eu-west-1");
 * KinesisStreamsSink<String> sink = KinesisStreamsSink.<String>builder()
 *         .setKinesisClientProperties(client)
 *         .setSerializationSchema(new SimpleStringSchema())
 *         .setPartitionKeyGenerator(element -> String.valueOf(element.hashCode()))
 *         .setStreamName("averages")
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 *
 * <p>Records are sent when a batch is full ({@code setMaxBatchSize}, 500 by default, Kinesis's limit), when the oldest
 * buffered record is older than {@code setMaxTimeInBufferMS} at the next write, at every checkpoint and at the end of
 * input; a checkpoint completes only after every record before it was accepted. Records a PutRecords call rejects
 * (throttling, internal failures) are retried, only those, with exponential backoff, until accepted, or fail the job
 * at once with {@code setFailOnError(true)}. Records retried after a failure may be written twice (at-least-once).
 */
public final class KinesisStreamsSink<InputT> implements Sink<InputT> {
    private static final long serialVersionUID = 1L;

    private final HashMap<String, String> clientProperties;
    private final String streamName;
    private final SerializationSchema<InputT> serializationSchema;
    private final PartitionKeyGenerator<InputT> partitionKeyGenerator;
    private final boolean failOnError;
    private final int maxBatchSize;
    private final long maxTimeInBufferMillis;

    KinesisStreamsSink(Map<String, String> clientProperties, String streamName, SerializationSchema<InputT> serializationSchema,
                       PartitionKeyGenerator<InputT> partitionKeyGenerator, boolean failOnError, int maxBatchSize,
                       long maxTimeInBufferMillis) {
        this.clientProperties = new HashMap<>(clientProperties);
        this.streamName = streamName;
        this.serializationSchema = serializationSchema;
        this.partitionKeyGenerator = partitionKeyGenerator;
        this.failOnError = failOnError;
        this.maxBatchSize = maxBatchSize;
        this.maxTimeInBufferMillis = maxTimeInBufferMillis;
    }

    /** A builder, as Flink's {@code KinesisStreamsSink.builder()}. */
    public static <InputT> KinesisStreamsSinkBuilder<InputT> builder() {
        return new KinesisStreamsSinkBuilder<>();
    }

    @Override
    public SinkWriter<InputT> createWriter(WriterInitContext context) throws Exception {
        return new KinesisRecordWriter<>(clientProperties, streamName, serializationSchema, partitionKeyGenerator, failOnError,
                maxBatchSize, maxTimeInBufferMillis, context.metricGroup());
    }
}
