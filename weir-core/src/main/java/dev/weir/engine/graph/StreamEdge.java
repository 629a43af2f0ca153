package dev.weir.engine.graph;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.plan.Partitioning;

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
                && source.chainingStrategy() != dev.weir.plan.ChainingStrategy.NEVER
                && target.chainingStrategy() == dev.weir.plan.ChainingStrategy.ALWAYS
                && source.slotSharingGroup().equals(target.slotSharingGroup());
    }

    @Override
    public String toString() {
        return source.name() + " -[" + partitioning + (sideOutputTag == null ? "" : " " + sideOutputTag.getId()) + "]-> " + target.name();
    }
}
