package dev.weir.connector.kafka.source;

import dev.weir.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import dev.weir.builtin.ReaderYield;
import dev.weir.kafka.KafkaDeserializationException;
import dev.weir.kafka.KafkaSourcePosition;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.util.Collector;
import dev.weir.util.UserCodeClassLoader;
import dev.weir.metrics.MetricGroup;
import dev.weir.api.common.serialization.DeserializationSchema;
import dev.weir.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One subtask's reader of a {@link KafkaSource}: assigns itself the partitions it owns, emits each partition's
 * records through that partition's split output (per-partition watermarks), and rediscovers partitions
 * periodically. Never blocks: its consumer is polled by a thread of its own ({@link KafkaFetcher}), and the task
 * thread only takes the batches it fetched; a call ends early, in the middle of a batch, when a checkpoint waits for
 * the task thread ({@link ReaderYield}). The positions it checkpoints are those of the records it emitted.
 */
final class KafkaSourceReader<T> implements SourceReader<T> {
    static final String DISCOVERY_INTERVAL = "partition.discovery.interval.ms";
    private static final long DEFAULT_DISCOVERY_INTERVAL_MS = 30_000;
    private static final long DISCOVERY_TIMEOUT_S = 30;
    /**
     * The consumer's {@code max.partition.fetch.bytes} unless the user sets it (Kafka's default is 1 MB). The consumer
     * asks for a partition's next records only once the last fetch's are drained, so each fetch costs a round trip
     * to the broker in which the fetcher's queue may run dry; fewer, larger fetches keep the reader busy. The whole
     * fetch stays bounded by {@code fetch.max.bytes} (50 MB).
     */
    private static final int PARTITION_FETCH_BYTES = 8 << 20;

    private final KafkaSource<T> source;
    private final int subtask;
    private final int parallelism;
    private final long discoveryIntervalMs;
    /** Every partition this reader owns, finished ones included. */
    private final Map<TopicPartition, PartitionState> partitions = new LinkedHashMap<>();
    /** Positions of checkpoints not yet known to be complete, for committing offsets to the group. */
    private final TreeMap<Long, Map<TopicPartition, OffsetAndMetadata>> pendingCommits = new TreeMap<>();
    private final Emitter<T> emitter = new Emitter<>();
    private Map<TopicPartition, Long> restored;
    private java.util.Set<TopicPartition> restoredEnded = java.util.Set.of();
    /** Owns the consumer once started: every use of the consumer goes through it. */
    private KafkaFetcher fetcher;
    /** How many partitions the consumer is assigned: the unfinished ones. */
    private int activePartitions;
    private Admin admin;
    private DeadLetters deadLetters;
    private boolean discoveredOnce;
    private long lastDiscovery;
    private boolean assignmentChanged;
    /** The records of the last poll while some are not emitted yet: the partitions, and where the next record is. */
    private ConsumerRecords<byte[], byte[]> batch;
    private List<TopicPartition> batchPartitions;
    private int batchPartition;
    private int batchRecord;

    private final java.util.function.Supplier<MetricGroup> metricGroup;
    /** Whether a partition of this reader ended by an end-of-stream element. */
    private boolean endedByEndOfStream;

    KafkaSourceReader(KafkaSource<T> source, int subtask, int parallelism, java.util.function.Supplier<MetricGroup> metricGroup) {
        this.source = source;
        this.metricGroup = metricGroup;
        this.emitter.deserializer = source.deserializer;
        this.subtask = subtask;
        this.parallelism = parallelism;
        String interval = source.properties.get(DISCOVERY_INTERVAL);
        long configured = interval == null ? DEFAULT_DISCOVERY_INTERVAL_MS : Long.parseLong(interval);
        this.discoveryIntervalMs = source.boundedness == Boundedness.BOUNDED ? -1 : configured;
    }

    @Override
    public void restoreState(Object state) {
        if (state instanceof KafkaSourcePosition position) {
            restored = position.toMap();
            restoredEnded = position.endedPartitions();
        }
    }

    @Override
    public void start() throws Exception {
        source.deserializer.open(new DeserializationSchema.InitializationContext() {
            @Override
            public MetricGroup getMetricGroup() {
                return metricGroup.get();
            }

            @Override
            public UserCodeClassLoader getUserCodeClassLoader() {
                ClassLoader loader = source.deserializer.getClass().getClassLoader();
                return new UserCodeClassLoader() {
                    @Override
                    public ClassLoader asClassLoader() {
                        return loader;
                    }

                    @Override
                    public void registerReleaseHookIfAbsent(String releaseHookName, Runnable releaseHook) {
                    }
                };
            }
        });
        Map<String, Object> props = new HashMap<>(source.properties);
        props.remove(DISCOVERY_INTERVAL);
        props.put("enable.auto.commit", "false");
        props.putIfAbsent("auto.offset.reset", "earliest");
        props.putIfAbsent("max.partition.fetch.bytes", String.valueOf(PARTITION_FETCH_BYTES));
        props.putIfAbsent("client.id", props.getOrDefault("client.id.prefix", "weir-kafka-source") + "-" + subtask);
        props.remove("client.id.prefix");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        fetcher = new KafkaFetcher(consumer, props.get("client.id") + "-fetcher");
        Map<String, Object> adminProps = new HashMap<>(props);
        adminProps.keySet().retainAll(AdminClientConfig.configNames());
        admin = Admin.create(adminProps);
        if (source.deadLetterTopic != null) {
            deadLetters = new DeadLetters(source.deadLetterTopic, source.properties);
        }
        discover();
        fetcher.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (discoveryIntervalMs > 0 && System.currentTimeMillis() - lastDiscovery >= discoveryIntervalMs) {
            discover();
        }
        if (assignmentChanged) {
            applyAssignment(output);
        }
        if (activePartitions == 0) {
            if (source.stoppingOffsets != null || (endedByEndOfStream && allPartitionsEnded())) {
                return InputStatus.END_OF_INPUT;
            }
            output.markIdle();
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (batch == null) {
            ConsumerRecords<byte[], byte[]> records = fetcher.poll();
            if (records == null) {
                return InputStatus.NOTHING_AVAILABLE;
            }
            batch = records;
            batchPartitions = new ArrayList<>(records.partitions());
            batchPartition = 0;
            batchRecord = 0;
        }
        emitBatch(ReaderYield.of(output));
        return InputStatus.MORE_AVAILABLE;
    }

    /**
     * Emits the records of the last poll from where the previous call stopped; ends early, keeping its place, when the
     * task asks to yield (a checkpoint waits), so the barrier does not wait for up to {@code max.poll.records}
     * records to pass a slow chained operator.
     */
    private void emitBatch(ReaderYield yield) throws Exception {
        while (batchPartition < batchPartitions.size()) {
            PartitionState state = partitions.get(batchPartitions.get(batchPartition));
            if (state != null && !state.finished) {
                List<ConsumerRecord<byte[], byte[]>> records = batch.records(state.tp);
                batchRecord = emitPartition(state, records, batchRecord, yield);
                if (state.next >= state.stop) {
                    state.finished = true;
                    assignmentChanged = true;
                }
                if (batchRecord < records.size() && !state.finished) {
                    return;
                }
            }
            batchPartition++;
            batchRecord = 0;
        }
        batch = null;
        batchPartitions = null;
    }

    /** Emits {@code records} from index {@code from}; returns the index of the first record not emitted. */
    private int emitPartition(PartitionState state, List<ConsumerRecord<byte[], byte[]>> records, int from, ReaderYield yield)
            throws Exception {
        emitter.output = state.output;
        for (int i = from, n = records.size(); i < n; i++) {
            ConsumerRecord<byte[], byte[]> record = records.get(i);
            if (record.offset() >= state.stop) {
                return n;
            }
            emitter.timestamp = record.timestamp();
            emitter.downstreamFailure = null;
            emitter.endOfStream = false;
            try {
                source.deserializer.deserialize(record, emitter);
            } catch (Exception e) {
                if (e == emitter.downstreamFailure) {
                    throw e; // an operator chained after the source failed, not the deserializer
                }
                if (deadLetters == null) {
                    throw new KafkaDeserializationException(record, e);
                }
                deadLetters.send(record, e);
            }
            state.next = record.offset() + 1;
            if (emitter.endOfStream) {
                // As Flink's FlinkKafkaConsumer: the end-of-stream element and all after it in the partition are dropped.
                state.finished = true;
                state.endOfStream = true;
                endedByEndOfStream = true;
                assignmentChanged = true;
                return n;
            }
            if (yield.yieldRequested()) {
                return i + 1;
            }
        }
        return records.size();
    }

    private boolean allPartitionsEnded() {
        for (PartitionState state : partitions.values()) {
            if (!state.finished) {
                return false;
            }
        }
        return true;
    }

    /** Looks up the topics' partitions and takes on the new ones this subtask owns. */
    private void discover() throws Exception {
        lastDiscovery = System.currentTimeMillis();
        List<TopicPartition> found = new ArrayList<>();
        try {
            // The admin client, not the consumer: the consumer's metadata of assigned topics can be minutes old.
            Collection<String> names = source.topics != null ? source.topics
                    : source.partitions != null ? source.partitions.stream().map(TopicPartition::topic).distinct().toList()
                    : admin.listTopics().names().get(DISCOVERY_TIMEOUT_S, TimeUnit.SECONDS).stream()
                            .filter(t -> source.topicPattern.matcher(t).matches()).toList();
            Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(names).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : described.entrySet()) {
                TopicDescription d;
                try {
                    d = topic.getValue().get(DISCOVERY_TIMEOUT_S, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        continue; // not created yet: a later discovery finds it
                    }
                    throw e;
                }
                for (TopicPartitionInfo info : d.partitions()) {
                    TopicPartition tp = new TopicPartition(topic.getKey(), info.partition());
                    boolean subscribed = source.partitions == null || source.partitions.contains(tp);
                    if (subscribed && PartitionOwnership.owner(tp, parallelism) == subtask) {
                        found.add(tp);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("KafkaSource was interrupted while discovering partitions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("KafkaSource could not list the partitions of " + describeTopics() + " at "
                    + source.properties.get("bootstrap.servers") + ": " + e.getMessage() + ". Check that the brokers are reachable", e);
        }
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition tp : found) {
            if (!partitions.containsKey(tp)) {
                added.add(tp);
            }
        }
        if (!added.isEmpty()) {
            startPartitions(added);
        }
        discoveredOnce = true;
    }

    private String describeTopics() {
        return source.topics != null ? "topics " + source.topics
                : source.partitions != null ? "partitions " + source.partitions : "topics matching " + source.topicPattern;
    }

    private void startPartitions(List<TopicPartition> added) throws Exception {
        List<TopicPartition> fresh = new ArrayList<>();
        Map<TopicPartition, Long> starts = new HashMap<>();
        for (TopicPartition tp : added) {
            Long position = restored == null ? null : restored.get(tp);
            if (position != null) {
                starts.put(tp, position);
            } else {
                fresh.add(tp);
            }
        }
        if (!fresh.isEmpty()) {
            // Partitions that appear after the first discovery (or after the restored checkpoint) are new: read them whole.
            OffsetsInitializer initializer = discoveredOnce || restored != null ? OffsetsInitializer.earliest() : source.startingOffsets;
            starts.putAll(fetcher.call(consumer -> initializer.getPartitionOffsets(fresh, consumer)));
        }
        Map<TopicPartition, Long> stops = source.stoppingOffsets == null ? Map.of()
                : fetcher.call(consumer -> source.stoppingOffsets.getPartitionOffsets(added, consumer));
        for (TopicPartition tp : added) {
            PartitionState state = new PartitionState(tp, starts.get(tp), stops.getOrDefault(tp, Long.MAX_VALUE));
            state.endOfStream = restoredEnded.contains(tp);
            state.finished = state.next >= state.stop || state.endOfStream;
            endedByEndOfStream |= state.endOfStream;
            partitions.put(tp, state);
        }
        assignmentChanged = true;
    }

    /** Assigns the unfinished partitions, seeking the new ones, and opens or releases their split outputs. */
    private void applyAssignment(ReaderOutput<T> output) {
        assignmentChanged = false;
        List<TopicPartition> active = new ArrayList<>();
        for (PartitionState state : partitions.values()) {
            if (!state.finished) {
                active.add(state.tp);
            } else if (state.output != null) {
                output.releaseOutputForSplit(state.splitId);
                state.output = null;
            }
        }
        Map<TopicPartition, Long> seeks = new HashMap<>();
        for (TopicPartition tp : active) {
            PartitionState state = partitions.get(tp);
            if (state.output == null) {
                state.output = output.createOutputForSplit(state.splitId);
                seeks.put(tp, state.next);
            }
        }
        activePartitions = active.size();
        // Batches fetched before the change may still hold records of partitions finished since: emitBatch skips them.
        fetcher.submit(consumer -> {
            consumer.assign(active);
            seeks.forEach(consumer::seek);
        });
    }

    @Override
    public Object snapshotState(long checkpointId) throws Exception {
        if (deadLetters != null) {
            deadLetters.flush();
        }
        Map<TopicPartition, Long> positions = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
        java.util.Set<TopicPartition> ended = new java.util.HashSet<>(restoredEnded);
        for (PartitionState state : partitions.values()) {
            if (state.endOfStream) {
                ended.add(state.tp);
            }
            positions.put(state.tp, state.next);
            commits.put(state.tp, new OffsetAndMetadata(state.next));
        }
        if (restored != null) {
            // Partitions of the restored checkpoint that have not been discovered again keep their positions.
            restored.forEach(positions::putIfAbsent);
        }
        if (source.properties.containsKey("group.id")) {
            pendingCommits.put(checkpointId, commits);
        }
        return new KafkaSourcePosition(positions, ended);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        Map.Entry<Long, Map<TopicPartition, OffsetAndMetadata>> done = pendingCommits.floorEntry(checkpointId);
        if (done == null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = done.getValue();
        pendingCommits.headMap(checkpointId, true).clear();
        if (!offsets.isEmpty()) {
            // Monitoring only: the checkpoint, not the group, is the source of truth, so a failed commit is ignored.
            fetcher.submit(consumer -> consumer.commitAsync(offsets, null));
        }
    }

    @Override
    public void close() {
        if (fetcher != null) {
            fetcher.close(Duration.ofSeconds(5), source.properties.containsKey("group.id"));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    /** Where one partition is: the next offset, where it stops, and its split output. */
    private static final class PartitionState {
        final TopicPartition tp;
        final String splitId;
        final long stop;
        long next;
        boolean finished;
        /** Ended by an end-of-stream element: stays ended after a restore. */
        boolean endOfStream;
        SourceOutput<?> output;

        PartitionState(TopicPartition tp, long next, long stop) {
            this.tp = tp;
            this.splitId = tp.toString();
            this.next = next;
            this.stop = stop;
        }
    }

    /** The collector handed to the deserializer, reused for every record: it emits with the record's timestamp. */
    private static final class Emitter<T> implements Collector<T> {
        KafkaRecordDeserializationSchema<T> deserializer;
        SourceOutput<?> output;
        long timestamp;
        RuntimeException downstreamFailure;
        /** Set by an end-of-stream element; drops the rest of the Kafka record's elements. */
        boolean endOfStream;

        @Override
        @SuppressWarnings("unchecked")
        public void collect(T record) {
            if (endOfStream || deserializer.isEndOfStream(record)) {
                endOfStream = true;
                return;
            }
            try {
                ((SourceOutput<T>) output).collect(record, timestamp);
            } catch (RuntimeException e) {
                downstreamFailure = e;
                throw e;
            }
        }
    }
}
