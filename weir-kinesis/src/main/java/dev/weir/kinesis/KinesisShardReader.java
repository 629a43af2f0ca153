package dev.weir.kinesis;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.core.io.InputStatus;
import dev.weir.metrics.MetricGroup;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * One subtask's reader of a {@code KinesisStreamsSource}: emits what its {@link ShardFetcher} thread fetched, one shard
 * batch per call, each shard through its own split output (per-shard watermarks) with the record's approximate arrival
 * time as timestamp, and keeps the position of each shard (last emitted sequence number, or {@value #FINISHED}) for
 * checkpoints. Positions and the finished set change only on the reader's thread, so a snapshot is exactly what was
 * emitted.
 */
public final class KinesisShardReader<T> implements SourceReader<T> {
    static final String FINISHED = "FINISHED";

    private final String streamArn;
    private final Configuration config;
    private final DeserializationSchema<T> deserializer;
    private final int subtask;
    private final int parallelism;
    private final MetricGroup metricGroup;
    private final HashMap<String, String> positions = new HashMap<>();
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<ShardBatch> queue = new ArrayBlockingQueue<>(8);
    private KinesisClient client;
    private ShardFetcher fetcher;
    private Thread fetcherThread;

    /** A reader of {@code streamArn} for subtask {@code subtask} of {@code parallelism}. */
    public KinesisShardReader(String streamArn, Map<String, String> config, DeserializationSchema<T> deserializer, int subtask,
                              int parallelism, MetricGroup metricGroup) {
        this.metricGroup = metricGroup;
        this.streamArn = streamArn;
        this.config = Configuration.fromMap(config);
        this.deserializer = deserializer;
        this.subtask = subtask;
        this.parallelism = parallelism;
    }

    @Override
    public void restoreState(Object state) {
        if (state instanceof Map<?, ?> restored) {
            restored.forEach((shard, position) -> positions.put((String) shard, (String) position));
        }
    }

    @Override
    public void start() throws Exception {
        deserializer.open(new SchemaContext(metricGroup, deserializer));
        positions.forEach((shard, position) -> {
            if (position.equals(FINISHED)) {
                finished.add(shard);
            }
        });
        client = KinesisClients.create(config.toMap());
        InitialPosition initial = config.get(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION);
        fetcher = new ShardFetcher(client, KinesisClients.streamName(streamArn), subtask, parallelism,
                config.get(KinesisSourceConfigOptions.SHARD_DISCOVERY_INTERVAL).toMillis(),
                config.get(KinesisSourceConfigOptions.SHARD_GET_RECORDS_MAX),
                initial, initial == InitialPosition.AT_TIMESTAMP ? timestamp(config.get(KinesisSourceConfigOptions.STREAM_INITIAL_TIMESTAMP)) : null,
                Map.copyOf(positions), finished, queue);
        fetcherThread = new Thread(fetcher, "kinesis-fetcher-" + KinesisClients.streamName(streamArn) + "-" + subtask);
        fetcherThread.setDaemon(true);
        fetcherThread.start();
    }

    static Instant timestamp(String value) {
        try {
            return value.contains("T") ? Instant.parse(value) : Instant.ofEpochMilli(new BigDecimal(value).movePointRight(3).longValue());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("source.init.timestamp '" + value + "' is neither an ISO-8601 instant nor epoch seconds", e);
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        Throwable failure = fetcher.failure();
        if (failure != null) {
            throw new IllegalStateException("Kinesis source of " + streamArn + " (subtask " + subtask + ") failed: " + failure, failure);
        }
        ShardBatch batch = queue.poll();
        if (batch == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        SourceOutput<T> shardOutput = output.createOutputForSplit(batch.shardId());
        for (Record record : batch.records()) {
            T value;
            try {
                value = deserializer.deserialize(record.data().asByteArrayUnsafe());
            } catch (IOException | RuntimeException e) {
                throw new IOException("Kinesis record of stream " + streamArn + ", shard " + batch.shardId() + ", sequence number "
                        + record.sequenceNumber() + " could not be deserialized: " + e.getMessage()
                        + " (fix the producer or the DeserializationSchema; restoring from the last checkpoint reads it again)", e);
            }
            if (value != null) {
                shardOutput.collect(value, record.approximateArrivalTimestamp().toEpochMilli());
            }
            positions.put(batch.shardId(), record.sequenceNumber());
        }
        if (batch.shardEnded()) {
            positions.put(batch.shardId(), FINISHED);
            finished.add(batch.shardId());
            output.releaseOutputForSplit(batch.shardId());
        }
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public Object snapshotState(long checkpointId) {
        return new HashMap<>(positions);
    }

    /** How many GetRecords calls Kinesis throttled so far (each backed off and retried). */
    public long throttledCalls() {
        return fetcher == null ? 0 : fetcher.throttledCalls();
    }

    @Override
    public void close() throws Exception {
        if (fetcher != null) {
            fetcher.close();
            fetcherThread.interrupt();
            fetcherThread.join(10_000);
        }
        if (client != null) {
            client.close();
        }
    }
}
