package dev.weir.runtime.graph;

import dev.weir.api.functions.KeySelector;
import dev.weir.api.functions.OutputTag;
import dev.weir.api.graph.Partitioning;

/**
 * A connection from one physical operator to another, after unions, partitionings and side-output selections
 * have been resolved. {@code sideOutputTag} is null for the main output.
 */
public record StreamEdge(StreamNode source, StreamNode target, int inputIndex, Partitioning partitioning,
                         KeySelector<Object, Object> key, OutputTag<?> sideOutputTag) {

    /** Whether the edge can be a direct call inside one task. */
    boolean isChainable(boolean chainingEnabled) {
        return chainingEnabled
                && partitioning == Partitioning.FORWARD
                && sideOutputTag == null
                && target.inputs().size() == 1
                && target.isOneInput()
                && source.parallelism() == target.parallelism()
                && source.chainingStrategy() != dev.weir.api.graph.ChainingStrategy.NEVER
                && target.chainingStrategy() == dev.weir.api.graph.ChainingStrategy.ALWAYS
                && source.slotSharingGroup().equals(target.slotSharingGroup());
    }

    @Override
    public String toString() {
        return source.name() + " -[" + partitioning + (sideOutputTag == null ? "" : " " + sideOutputTag.getId()) + "]-> " + target.name();
    }
}
