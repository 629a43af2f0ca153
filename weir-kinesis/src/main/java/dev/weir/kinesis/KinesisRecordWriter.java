package dev.weir.kinesis;

import dev.weir.api.common.serialization.SerializationSchema;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.connector.kinesis.sink.PartitionKeyGenerator;
import dev.weir.metrics.MetricGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.PutRecordsResultEntry;

/**
 * The writer of a {@code KinesisStreamsSink}: buffers entries, sends them with PutRecords in batches, and sends again
 * only the entries a call rejected, with exponential backoff, until all are accepted (or fails at once when
 * {@code failOnError}). {@link #flush} returns only when the buffer is empty, so a checkpoint covers every record
 * before it.
 */
public final class KinesisRecordWriter<T> implements SinkWriter<T> {
    private static final System.Logger LOG = System.getLogger(KinesisRecordWriter.class.getName());
    private static final long MIN_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final KinesisClient client;
    private final String streamName;
    private final SerializationSchema<T> serializer;
    private final PartitionKeyGenerator<T> partitionKeys;
    private final boolean failOnError;
    private final int maxBatchSize;
    private final long maxTimeInBufferMillis;
    private final List<PutRecordsRequestEntry> buffer = new ArrayList<>();
    private long oldestBufferedAt;
    private long retriedRecords;

    /** A writer to {@code streamName} with the client {@code clientProperties} describe. */
    public KinesisRecordWriter(Map<String, String> clientProperties, String streamName, SerializationSchema<T> serializer,
                               PartitionKeyGenerator<T> partitionKeys, boolean failOnError, int maxBatchSize,
                               long maxTimeInBufferMillis, MetricGroup metricGroup) throws Exception {
        this.client = KinesisClients.create(clientProperties);
        this.streamName = streamName;
        this.serializer = serializer;
        this.partitionKeys = partitionKeys;
        this.failOnError = failOnError;
        this.maxBatchSize = maxBatchSize;
        this.maxTimeInBufferMillis = maxTimeInBufferMillis;
        serializer.open(new SchemaContext(metricGroup, serializer));
    }

    @Override
    public void write(T element, Context context) throws Exception {
        if (buffer.isEmpty()) {
            oldestBufferedAt = System.currentTimeMillis();
        }
        buffer.add(PutRecordsRequestEntry.builder().data(SdkBytes.fromByteArray(serializer.serialize(element)))
                .partitionKey(partitionKeys.apply(element)).build());
        if (buffer.size() >= maxBatchSize || System.currentTimeMillis() - oldestBufferedAt >= maxTimeInBufferMillis) {
            flush(false);
        }
    }

    @Override
    public void flush(boolean endOfInput) throws Exception {
        while (!buffer.isEmpty()) {
            int n = Math.min(maxBatchSize, buffer.size());
            List<PutRecordsRequestEntry> batch = new ArrayList<>(buffer.subList(0, n));
            buffer.subList(0, n).clear();
            send(batch);
        }
    }

    private void send(List<PutRecordsRequestEntry> batch) throws InterruptedException {
        long backoff = 0;
        List<PutRecordsRequestEntry> pending = batch;
        while (!pending.isEmpty()) {
            List<PutRecordsRequestEntry> toSend = pending;
            PutRecordsResponse response = client.putRecords(b -> b.streamName(streamName).records(toSend));
            if (response.failedRecordCount() == null || response.failedRecordCount() == 0) {
                return;
            }
            List<PutRecordsRequestEntry> failed = new ArrayList<>();
            String firstError = null;
            for (int i = 0; i < toSend.size(); i++) {
                PutRecordsResultEntry result = response.records().get(i);
                if (result.errorCode() != null) {
                    failed.add(toSend.get(i));
                    firstError = firstError != null ? firstError : result.errorCode() + ": " + result.errorMessage();
                }
            }
            if (failOnError) {
                throw new IllegalStateException("KinesisStreamsSink: " + failed.size() + " of " + toSend.size() + " records were "
                        + "rejected by stream " + streamName + " (" + firstError + "); setFailOnError(false) retries them instead");
            }
            retriedRecords += failed.size();
            backoff = backoff == 0 ? MIN_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            LOG.log(System.Logger.Level.DEBUG, "{0} of {1} records rejected by stream {2} ({3}); retrying them in {4} ms",
                    failed.size(), toSend.size(), streamName, firstError, backoff);
            Thread.sleep(backoff);
            pending = failed;
        }
    }

    /** How many records were sent again after a PutRecords call rejected them. */
    public long retriedRecords() {
        return retriedRecords;
    }

    @Override
    public void close() {
        client.close();
    }
}
