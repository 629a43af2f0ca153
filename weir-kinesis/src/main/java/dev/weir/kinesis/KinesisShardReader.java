package dev.weir.kinesis;

import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceEvent;
import dev.weir.api.connector.source.SourceOutput;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.builtin.ReaderYield;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.configuration.Configuration;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions;
import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import dev.weir.core.io.InputStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.Record;

/**
 * One subtask's reader of a {@code KinesisStreamsSource}: reads the shards the enumerator assigns it, emitting what its
 * {@link ShardFetcher} thread fetched, one shard batch per call, each shard through its own split output (per-shard
 * watermarks) with the record's approximate arrival time as timestamp, ending a call in the middle of a batch when a
 * checkpoint waits ({@link ReaderYield}). When a shard's last record is emitted it tells
 * the enumerator ({@link SplitsFinishedEvent}), which then may assign the shard's children. Its checkpointed state is
 * its shards with the last emitted sequence number of each, plus the finished shards the enumerator has not confirmed
 * yet ({@link FinishedSplitsRecorded}); all of it changes on the reader's thread only, so a snapshot is exactly what
 * was emitted.
 */
public final class KinesisShardReader<T> implements SplitSourceReader<T, KinesisShardSplit> {
    private final String streamArn;
    private final Configuration config;
    private final DeserializationSchema<T> deserializer;
    private final SourceReaderContext context;
    /** The unfinished shards as assigned, and the last sequence number emitted from each (absent: none yet). */
    private final Map<String, KinesisShardSplit> splits = new LinkedHashMap<>();
    private final HashMap<String, String> positions = new HashMap<>();
    /** Finished shards the enumerator has not confirmed yet: they stay in checkpoints until it has. */
    private final Map<String, KinesisShardSplit> finishedUnconfirmed = new LinkedHashMap<>();
    private final BlockingQueue<ShardBatch> queue = new ArrayBlockingQueue<>(8);
    private final List<KinesisShardSplit> beforeStart = new ArrayList<>();
    /** A batch whose emission a checkpoint interrupted, and the index of its next record; null when none. */
    private ShardBatch current;
    private int nextRecord;
    private KinesisClient client;
    private ShardFetcher fetcher;
    private Thread fetcherThread;

    /** A reader of {@code streamArn} for the subtask of {@code context}. */
    public KinesisShardReader(String streamArn, Map<String, String> config, DeserializationSchema<T> deserializer,
                              SourceReaderContext context) {
        this.streamArn = streamArn;
        this.config = Configuration.fromMap(config);
        this.deserializer = deserializer;
        this.context = context;
    }

    @Override
    public void addSplits(List<KinesisShardSplit> added) {
        for (KinesisShardSplit split : added) {
            if (split.isFinished()) {
                // Restored before the enumerator confirmed it: tell it again (it records each shard once).
                finishedUnconfirmed.put(split.splitId(), split);
                context.sendSourceEventToCoordinator(new SplitsFinishedEvent(Set.of(split.splitId())));
                continue;
            }
            splits.put(split.splitId(), split);
            if (split.getAfterSequenceNumber() != null) {
                positions.put(split.splitId(), split.getAfterSequenceNumber());
            }
            if (fetcher == null) {
                beforeStart.add(split);
            } else {
                fetcher.add(split);
            }
        }
    }

    @Override
    public void handleSourceEvents(SourceEvent sourceEvent) {
        if (sourceEvent instanceof FinishedSplitsRecorded recorded) {
            recorded.splitIds().forEach(finishedUnconfirmed::remove);
        }
    }

    @Override
    public void start() throws Exception {
        deserializer.open(new SchemaContext(context.metricGroup(), deserializer));
        client = KinesisClients.create(config.toMap());
        InitialPosition initial = config.get(KinesisSourceConfigOptions.STREAM_INITIAL_POSITION);
        fetcher = new ShardFetcher(client, KinesisClients.streamName(streamArn), config.get(KinesisSourceConfigOptions.SHARD_GET_RECORDS_MAX),
                initial, initial == InitialPosition.AT_TIMESTAMP ? timestamp(config.get(KinesisSourceConfigOptions.STREAM_INITIAL_TIMESTAMP)) : null,
                queue);
        beforeStart.forEach(fetcher::add);
        beforeStart.clear();
        fetcherThread = new Thread(fetcher, "kinesis-fetcher-" + KinesisClients.streamName(streamArn) + "-" + context.getIndexOfSubtask());
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
            throw new IllegalStateException("Kinesis source of " + streamArn + " (subtask " + context.getIndexOfSubtask() + ") failed: "
                    + failure, failure);
        }
        ShardBatch batch = current != null ? current : queue.poll();
        if (batch == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        SourceOutput<T> shardOutput = output.createOutputForSplit(batch.shardId());
        ReaderYield yield = ReaderYield.of(output);
        List<Record> records = batch.records();
        for (int i = current != null ? nextRecord : 0, n = records.size(); i < n; i++) {
            Record record = records.get(i);
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
            if (i + 1 < n && yield.yieldRequested()) {
                // A checkpoint waits: the rest of the batch is emitted by the next call.
                current = batch;
                nextRecord = i + 1;
                return InputStatus.MORE_AVAILABLE;
            }
        }
        current = null;
        if (batch.shardEnded()) {
            KinesisShardSplit split = splits.remove(batch.shardId());
            positions.remove(batch.shardId());
            finishedUnconfirmed.put(batch.shardId(), split.asFinished());
            output.releaseOutputForSplit(batch.shardId());
            context.sendSourceEventToCoordinator(new SplitsFinishedEvent(Set.of(batch.shardId())));
        }
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public List<KinesisShardSplit> snapshotState(long checkpointId) {
        List<KinesisShardSplit> state = new ArrayList<>(splits.size() + finishedUnconfirmed.size());
        for (KinesisShardSplit split : splits.values()) {
            String position = positions.get(split.splitId());
            state.add(position == null ? split : split.after(position));
        }
        state.addAll(finishedUnconfirmed.values());
        return state;
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
