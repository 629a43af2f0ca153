package dev.weir.kinesis;

import dev.weir.api.connector.source.ReaderInfo;
import dev.weir.api.connector.source.SourceEvent;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;
import dev.weir.connector.kinesis.source.enumerator.KinesisShardAssigner;
import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * The one enumerator of a {@code KinesisStreamsSource}: lists the stream's shards every discovery interval (on the
 * coordinator's worker thread) and assigns each to a reader once every parent it has in the stream is finished, so a
 * merge's child waits for both parents even when two readers read them. Readers report finished shards with a
 * {@link SplitsFinishedEvent}; the enumerator records them and answers {@link FinishedSplitsRecorded}. It assigns
 * nothing until every reader has registered, so the assigner sees them all.
 */
public final class KinesisStreamsSourceEnumerator implements SplitEnumerator<KinesisShardSplit, KinesisStreamsSourceEnumeratorState> {
    private final SplitEnumeratorContext<KinesisShardSplit> context;
    private final String streamArn;
    private final Map<String, String> clientConfig;
    private final long discoveryIntervalMillis;
    private final KinesisShardAssigner assigner;
    /** Unfinished shards assigned to a reader: the reader, and the split as assigned. */
    private final Map<String, Integer> assigned = new HashMap<>();
    private final Map<String, KinesisShardSplit> assignedSplits = new HashMap<>();
    private final Set<String> finished = new HashSet<>();
    /** Splits handed back (a restore at another parallelism) that wait for a reader. */
    private final Map<String, KinesisShardSplit> unassigned = new LinkedHashMap<>();
    private final Map<String, Shard> listed = new LinkedHashMap<>();
    private KinesisClient client;

    /** {@code restored} is null on a fresh start. */
    public KinesisStreamsSourceEnumerator(SplitEnumeratorContext<KinesisShardSplit> context, String streamArn,
                                          Map<String, String> clientConfig, long discoveryIntervalMillis, KinesisShardAssigner assigner,
                                          KinesisStreamsSourceEnumeratorState restored) {
        this.context = context;
        this.streamArn = streamArn;
        this.clientConfig = clientConfig;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.assigner = assigner;
        if (restored != null) {
            assigned.putAll(restored.assigned);
            finished.addAll(restored.finished);
            restored.unassigned.forEach(split -> unassigned.put(split.splitId(), split));
        }
    }

    @Override
    public void start() {
        client = KinesisClients.create(clientConfig);
        context.callAsync(this::listShards, this::discovered, 0, discoveryIntervalMillis);
    }

    private List<Shard> listShards() {
        List<Shard> shards = new ArrayList<>();
        String next = null;
        do {
            String token = next;
            ListShardsResponse response = client.listShards(b -> {
                if (token == null) {
                    b.streamName(KinesisClients.streamName(streamArn));
                } else {
                    b.nextToken(token);
                }
            });
            shards.addAll(response.shards());
            next = response.nextToken();
        } while (next != null);
        return shards;
    }

    private void discovered(List<Shard> shards, Throwable failure) {
        if (failure != null) {
            throw new IllegalStateException("The Kinesis source could not list the shards of " + streamArn + ": " + failure
                    + " (check the stream, the region or endpoint, and the credentials)", failure);
        }
        listed.clear();
        shards.forEach(shard -> listed.put(shard.shardId(), shard));
        // A finished shard that left the stream (past retention) is no parent to wait for any more.
        finished.retainAll(listed.keySet());
        assignReady();
    }

    /** Assigns the handed-back splits, then each listed shard whose parents in the stream are all finished. */
    private void assignReady() {
        if (context.registeredReaders().size() < context.currentParallelism() || listed.isEmpty() && unassigned.isEmpty()) {
            return;
        }
        for (KinesisShardSplit split : new ArrayList<>(unassigned.values())) {
            unassigned.remove(split.splitId());
            assign(split);
        }
        for (Shard shard : listed.values()) {
            String id = shard.shardId();
            if (assigned.containsKey(id) || finished.contains(id)) {
                continue;
            }
            List<String> parents = new ArrayList<>();
            boolean parentListed = false;
            boolean ready = true;
            for (String parent : new String[] {shard.parentShardId(), shard.adjacentParentShardId()}) {
                if (parent != null) {
                    parents.add(parent);
                    parentListed |= listed.containsKey(parent);
                    ready &= !listed.containsKey(parent) || finished.contains(parent);
                }
            }
            if (ready) {
                assign(new KinesisShardSplit(id, parents, parentListed, null, false));
            }
        }
    }

    private void assign(KinesisShardSplit split) {
        int reader = assigner.assign(split, new AssignerContext());
        if (!context.registeredReaders().containsKey(reader)) {
            throw new IllegalStateException("The KinesisShardAssigner " + assigner.getClass().getName() + " chose subtask " + reader
                    + " for shard " + split.splitId() + ", which is no registered reader (0 to " + (context.currentParallelism() - 1) + ")");
        }
        assigned.put(split.splitId(), reader);
        assignedSplits.put(split.splitId(), split);
        context.assignSplit(split, reader);
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
        if (sourceEvent instanceof SplitsFinishedEvent event) {
            for (String id : event.finishedSplitIds()) {
                finished.add(id);
                assigned.remove(id);
                assignedSplits.remove(id);
            }
            context.sendEventToSourceReader(subtaskId, new FinishedSplitsRecorded(event.finishedSplitIds()));
            assignReady();
        }
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
        // Shards are pushed to the readers as they become ready; readers never ask.
    }

    @Override
    public void addSplitsBack(List<KinesisShardSplit> splits, int subtaskId) {
        for (KinesisShardSplit split : splits) {
            assigned.remove(split.splitId());
            if (split.isFinished()) {
                finished.add(split.splitId());
            } else {
                unassigned.put(split.splitId(), split);
            }
        }
    }

    @Override
    public void addReader(int subtaskId) {
        assignReady();
    }

    @Override
    public KinesisStreamsSourceEnumeratorState snapshotState(long checkpointId) {
        return new KinesisStreamsSourceEnumeratorState(assigned, finished, new ArrayList<>(unassigned.values()));
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }

    /** The assigner's view: the unfinished shards of each reader and the registered readers. */
    private final class AssignerContext implements KinesisShardAssigner.Context {
        @Override
        public Map<Integer, Set<KinesisShardSplit>> getCurrentSplitAssignment() {
            Map<Integer, Set<KinesisShardSplit>> byReader = new HashMap<>();
            context.registeredReaders().keySet().forEach(reader -> byReader.put(reader, new HashSet<>()));
            assigned.forEach((id, reader) -> byReader.computeIfAbsent(reader, r -> new HashSet<>())
                    .add(assignedSplits.getOrDefault(id, new KinesisShardSplit(id, List.of(), false, null, false))));
            return byReader;
        }

        @Override
        public Map<Integer, ReaderInfo> getRegisteredReaders() {
            return context.registeredReaders();
        }
    }

    /** The default assigner: the reader with the fewest unfinished shards, the lowest subtask first. */
    public static final class UniformShardAssigner implements KinesisShardAssigner {
        private static final long serialVersionUID = 1L;

        @Override
        public int assign(KinesisShardSplit split, Context context) {
            int best = -1;
            int fewest = Integer.MAX_VALUE;
            for (Map.Entry<Integer, Set<KinesisShardSplit>> reader : new java.util.TreeMap<>(context.getCurrentSplitAssignment()).entrySet()) {
                if (reader.getValue().size() < fewest) {
                    fewest = reader.getValue().size();
                    best = reader.getKey();
                }
            }
            return best;
        }
    }
}
