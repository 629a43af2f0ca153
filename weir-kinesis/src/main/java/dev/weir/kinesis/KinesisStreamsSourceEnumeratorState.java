package dev.weir.kinesis;

import dev.weir.connector.kinesis.source.split.KinesisShardSplit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kinesis enumerator's checkpointed state: the unfinished shards it assigned (by reader), the finished shards
 * still in the stream, and splits handed back to it that wait for a reader.
 */
public final class KinesisStreamsSourceEnumeratorState implements Serializable {
    private static final long serialVersionUID = 1L;

    final HashMap<String, Integer> assigned;
    final HashSet<String> finished;
    final ArrayList<KinesisShardSplit> unassigned;

    KinesisStreamsSourceEnumeratorState(Map<String, Integer> assigned, Set<String> finished, List<KinesisShardSplit> unassigned) {
        this.assigned = new HashMap<>(assigned);
        this.finished = new HashSet<>(finished);
        this.unassigned = new ArrayList<>(unassigned);
    }

    @Override
    public String toString() {
        return "KinesisStreamsSourceEnumeratorState{assigned=" + assigned + ", finished=" + finished + ", unassigned=" + unassigned + "}";
    }
}
