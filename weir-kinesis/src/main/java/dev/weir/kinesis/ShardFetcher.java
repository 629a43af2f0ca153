package dev.weir.kinesis;

import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The thread that talks to Kinesis for one reader: starts the shards the enumerator assigned to the reader and reads
 * them with GetRecords round-robin into a bounded queue (a full queue stops it: backpressure). Throttled calls back off
 * per shard, exponentially with jitter.
 */
final class ShardFetcher implements Runnable {
    private static final long IDLE_MILLIS = 200;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final KinesisClient client;
    private final String streamName;
    private final int maxRecords;
    private final InitialPosition initialPosition;
    private final Instant initialTimestamp;
    private final BlockingQueue<ShardBatch> queue;
    /** Splits the reader handed over, not started yet. */
    private final Queue<KinesisShardSplit> toStart = new ConcurrentLinkedQueue<>();
    private final Map<String, Reading> reading = new LinkedHashMap<>();
    private volatile boolean closed;
    private volatile Throwable failure;
    private long throttled;

    ShardFetcher(KinesisClient client, String streamName, int maxRecords, InitialPosition initialPosition, Instant initialTimestamp,
                 BlockingQueue<ShardBatch> queue) {
        this.client = client;
        this.streamName = streamName;
        this.maxRecords = maxRecords;
        this.initialPosition = initialPosition;
        this.initialTimestamp = initialTimestamp;
        this.queue = queue;
    }

    /** Hands the fetcher a shard to read (from the reader's thread). */
    void add(KinesisShardSplit split) {
        toStart.add(split);
    }

    /** What stopped the fetcher, or null. */
    Throwable failure() {
        return failure;
    }

    /** How many GetRecords calls Kinesis throttled so far. */
    long throttledCalls() {
        return throttled;
    }

    void close() {
        closed = true;
    }

    @Override
    public void run() {
        try {
            while (!closed) {
                startAssignedShards();
                if (!fetchRound()) {
                    Thread.sleep(IDLE_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            if (!closed) {
                failure = t;
            }
        }
    }

    /**
     * Starts reading the shards handed over. Each started shard is announced to the reader by an empty batch, so its
     * split output (and watermark) exists from the start, as Flink creates a split's output when the split is added: a
     * shard that never has data holds the watermark back until {@code withIdleness} marks it idle.
     */
    private void startAssignedShards() throws InterruptedException {
        KinesisShardSplit split;
        while ((split = toStart.poll()) != null) {
            reading.put(split.getShardId(), new Reading(split, iterator(split, split.getAfterSequenceNumber())));
            hand(new ShardBatch(split.getShardId(), List.of(), false));
        }
    }

    private String iterator(KinesisShardSplit split, String afterSequenceNumber) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamName(streamName).shardId(split.getShardId());
        if (afterSequenceNumber != null) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(afterSequenceNumber);
        } else if (split.isChild() || initialPosition == InitialPosition.TRIM_HORIZON) {
            request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
        } else if (initialPosition == InitialPosition.AT_TIMESTAMP) {
            request.shardIteratorType(ShardIteratorType.AT_TIMESTAMP).timestamp(initialTimestamp);
        } else {
            request.shardIteratorType(ShardIteratorType.LATEST);
        }
        return client.getShardIterator(request.build()).shardIterator();
    }

    /** One GetRecords per shard due; whether any returned records. */
    private boolean fetchRound() throws InterruptedException {
        boolean any = false;
        long now = System.currentTimeMillis();
        for (var it = reading.entrySet().iterator(); it.hasNext() && !closed; ) {
            var entry = it.next();
            Reading r = entry.getValue();
            if (now < r.notBefore) {
                continue;
            }
            GetRecordsResponse response;
            try {
                response = client.getRecords(b -> b.shardIterator(r.iterator).limit(maxRecords));
                r.backoff = 0;
            } catch (ProvisionedThroughputExceededException e) {
                throttled++;
                r.backoff = r.backoff == 0 ? MIN_BACKOFF_MILLIS : Math.min(MAX_BACKOFF_MILLIS, r.backoff * 2);
                r.notBefore = now + r.backoff / 2 + ThreadLocalRandom.current().nextLong(r.backoff / 2 + 1);
                continue;
            } catch (ExpiredIteratorException e) {
                r.iterator = iterator(r.split, r.lastSequenceNumber != null ? r.lastSequenceNumber : r.split.getAfterSequenceNumber());
                continue;
            }
            List<Record> records = response.records();
            if (!records.isEmpty()) {
                r.lastSequenceNumber = records.get(records.size() - 1).sequenceNumber();
            }
            boolean ended = response.nextShardIterator() == null;
            if (!records.isEmpty() || ended) {
                any = true;
                hand(new ShardBatch(entry.getKey(), records, ended));
            }
            if (ended) {
                it.remove();
            } else {
                r.iterator = response.nextShardIterator();
            }
        }
        return any;
    }

    /** Puts {@code batch} into the reader's queue, waiting while it is full (the reader is behind): never drops. */
    private void hand(ShardBatch batch) throws InterruptedException {
        while (!closed && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            // Backpressure.
        }
    }

    /** A shard being read: its split, next iterator, the last sequence number fetched, and its throttling backoff. */
    private static final class Reading {
        final KinesisShardSplit split;
        String iterator;
        String lastSequenceNumber;
        long backoff;
        long notBefore;

        Reading(KinesisShardSplit split, String iterator) {
            this.split = split;
            this.iterator = iterator;
        }
    }
}
