package dev.weir.api.connector.source;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Splits a split enumerator hands to readers, by reader subtask, as in Flink. */
public final class SplitsAssignment<SplitT extends SourceSplit> {
    private final Map<Integer, List<SplitT>> assignment;

    public SplitsAssignment(Map<Integer, List<SplitT>> assignment) {
        this.assignment = assignment;
    }

    /** One split for one reader. */
    public SplitsAssignment(SplitT split, int subtask) {
        this.assignment = new HashMap<>();
        this.assignment.put(subtask, List.of(split));
    }

    /** The splits of each reader subtask. */
    public Map<Integer, List<SplitT>> assignment() {
        return assignment;
    }

    @Override
    public String toString() {
        return "SplitsAssignment{assignment=" + assignment + "}";
    }
}
