package dev.weir.kinesis;

import dev.weir.connector.kinesis.source.config.KinesisSourceConfigOptions.InitialPosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * The thread that talks to Kinesis for one reader: lists the stream's shards every discovery interval, starts the shards
 * the reader owns once their parents are read to the end, and reads them with GetRecords round-robin into a bounded
 * queue (a full queue stops it: backpressure). Throttled calls back off per shard, exponentially with jitter.
 */
final class ShardFetcher implements Runnable {
    private static final long IDLE_MILLIS = 200;
    private static final long MIN_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final KinesisClient client;
    private final String streamName;
    private final int subtask;
    private final int parallelism;
    private final long discoveryIntervalMillis;
    private final int maxRecords;
    private final InitialPosition initialPosition;
    private final Instant initialTimestamp;
    private final Map<String, String> restored;
    private final Set<String> finished;
    private final BlockingQueue<ShardBatch> queue;
    private final Map<String, Reading> reading = new LinkedHashMap<>();
    private final Map<String, Shard> listed = new HashMap<>();
    /** Shards fetched to their end, which the reader may not have emitted yet. */
    private final Set<String> fetchedToEnd = new java.util.HashSet<>();
    private Map<String, Integer> owners = Map.of();
    private volatile boolean closed;
    private volatile Throwable failure;
    private long nextDiscovery;
    private long throttled;

    ShardFetcher(KinesisClient client, String streamName, int subtask, int parallelism, long discoveryIntervalMillis, int maxRecords,
                 InitialPosition initialPosition, Instant initialTimestamp, Map<String, String> restored, Set<String> finished,
                 BlockingQueue<ShardBatch> queue) {
        this.client = client;
        this.streamName = streamName;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.maxRecords = maxRecords;
        this.initialPosition = initialPosition;
        this.initialTimestamp = initialTimestamp;
        this.restored = restored;
        this.finished = finished;
        this.queue = queue;
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
                long now = System.currentTimeMillis();
                if (now >= nextDiscovery) {
                    discover();
                    nextDiscovery = now + discoveryIntervalMillis;
                }
                startReadyShards();
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

    private void discover() {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListShardsResponse response = client.listShards(b -> {
                if (token == null) {
                    b.streamName(streamName);
                } else {
                    b.nextToken(token);
                }
            });
            shards.addAll(response.shards());
            next = response.nextToken();
        } while (next != null);
        for (Shard shard : shards) {
            listed.put(shard.shardId(), shard);
        }
        owners = ShardLineage.owners(new ArrayList<>(listed.values()), parallelism);
    }

    /**
     * Starts reading the shards this reader owns whose parents are done. Each started shard is announced to the reader by
     * an empty batch, so its split output (and watermark) exists from the start, as Flink creates a split's output when
     * the split is added: a shard that never has data holds the watermark back until {@code withIdleness} marks it idle.
     */
    private void startReadyShards() throws InterruptedException {
        for (Shard shard : listed.values()) {
            String id = shard.shardId();
            if (owners.getOrDefault(id, -1) != subtask || reading.containsKey(id) || fetchedToEnd.contains(id) || finished.contains(id) || !parentsDone(shard)) {
                continue;
            }
            reading.put(id, new Reading(iterator(shard, restored.get(id))));
            hand(new ShardBatch(id, List.of(), false));
        }
    }

    /** A parent this reader owns must be read to its end first; one owned by another reader or gone is not waited for. */
    private boolean parentsDone(Shard shard) {
        for (String parent : new String[] {shard.parentShardId(), shard.adjacentParentShardId()}) {
            if (parent != null && listed.containsKey(parent) && owners.getOrDefault(parent, -1) == subtask && !finished.contains(parent)) {
                return false;
            }
        }
        return true;
    }

    private String iterator(Shard shard, String afterSequenceNumber) {
        GetShardIteratorRequest.Builder request = GetShardIteratorRequest.builder().streamName(streamName).shardId(shard.shardId());
        boolean child = shard.parentShardId() != null && listed.containsKey(shard.parentShardId());
        if (afterSequenceNumber != null) {
            request.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(afterSequenceNumber);
        } else if (child || initialPosition == InitialPosition.TRIM_HORIZON) {
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
                r.iterator = iterator(listed.get(entry.getKey()), r.lastSequenceNumber != null ? r.lastSequenceNumber
                        : restored.get(entry.getKey()));
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
                fetchedToEnd.add(entry.getKey());
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

    /** A shard being read: its next iterator, the last sequence number fetched, and its throttling backoff. */
    private static final class Reading {
        String iterator;
        String lastSequenceNumber;
        long backoff;
        long notBefore;

        Reading(String iterator) {
            this.iterator = iterator;
        }
    }
}
