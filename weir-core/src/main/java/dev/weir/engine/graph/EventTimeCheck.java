package dev.weir.engine.graph;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.plan.Specs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, before the job runs, operators that need event time but read a stream without timestamps and
 * watermarks. Flink finds this only at run time ("Record has Long.MIN_VALUE timestamp"); Weir fails at build time
 * and names the source.
 */
final class EventTimeCheck {
    private EventTimeCheck() {
    }

    static void check(List<StreamNode> topologicalNodes) {
        Map<StreamNode, StreamNode> sourceWithoutEventTime = new HashMap<>();
        for (StreamNode node : topologicalNodes) {
            StreamNode missing = findSourceWithoutEventTime(node, sourceWithoutEventTime);
            sourceWithoutEventTime.put(node, missing);
            StreamNode inputMissing = null;
            for (StreamEdge in : node.inputs()) {
                if (inputMissing == null) {
                    inputMissing = sourceWithoutEventTime.get(in.source());
                }
            }
            node.setInputSourceWithoutEventTime(inputMissing);
            if (missing != null && node.spec() != null && node.spec().needsEventTime()) {
                throw new InvalidProgramException(node.describe() + " works in event time, but its input from source '"
                        + missing.name() + "' has no timestamps and watermarks, so it would never fire. Call "
                        + "assignTimestampsAndWatermarks(WatermarkStrategy.<T>forBoundedOutOfOrderness(...).withTimestampAssigner(...)) "
                        + "on the stream before " + node.describe() + ", or pass that WatermarkStrategy to fromSource(...)");
            }
        }
    }

    private static StreamNode findSourceWithoutEventTime(StreamNode node, Map<StreamNode, StreamNode> known) {
        if (node.spec() instanceof Specs.SourceSpec source) {
            return source.watermarkStrategy().producesWatermarks() ? null : node;
        }
        if (node.spec() instanceof Specs.TimestampsAndWatermarksSpec spec) {
            return spec.watermarkStrategy().producesWatermarks() ? null : node;
        }
        for (StreamEdge in : node.inputs()) {
            StreamNode missing = known.get(in.source());
            if (missing != null) {
                return missing;
            }
        }
        return null;
    }
}
