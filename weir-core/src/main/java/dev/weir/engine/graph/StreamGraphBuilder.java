package dev.weir.engine.graph;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.plan.Partitioning;
import dev.weir.plan.Pipeline;
import dev.weir.plan.Specs;
import dev.weir.plan.Transformation;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the API's logical plan into a {@link StreamGraph}: resolves unions, partitionings and side outputs into
 * edges, fixes every operator's parallelism, checks that the job can run, and forms chains.
 */
public final class StreamGraphBuilder {
    /** A class, not {@code Comparator.comparingInt(...)}: every job builds its graph while starting. */
    private static final Comparator<Transformation> BY_ID = new Comparator<>() {
        @Override
        public int compare(Transformation a, Transformation b) {
            return Integer.compare(a.getId(), b.getId());
        }
    };
    private final Pipeline.PipelineConfig config;
    private final Map<Integer, StreamNode> nodes = new HashMap<>();

    private StreamGraphBuilder(Pipeline.PipelineConfig config) {
        this.config = config;
    }

    /** Builds and validates the graph; throws {@link InvalidProgramException} naming the operator and the fix. */
    public static StreamGraph build(Pipeline pipeline) {
        return new StreamGraphBuilder(pipeline.config()).buildGraph(pipeline);
    }

    private StreamGraph buildGraph(Pipeline pipeline) {
        List<Transformation> ordered = topologicalOrder(pipeline.sinks());
        List<StreamNode> physical = new ArrayList<>();
        for (Transformation t : ordered) {
            if (isPhysical(t)) {
                StreamNode node = createNode(t);
                nodes.put(t.getId(), node);
                physical.add(node);
            }
        }
        for (StreamNode node : physical) {
            List<Transformation> inputs = transformationOf(node, ordered).getInputs();
            for (int i = 0; i < inputs.size(); i++) {
                resolve(inputs.get(i), node, i, null, null, null);
            }
        }
        EventTimeCheck.check(physical);
        if (config.chainingEnabled()) {
            for (StreamNode node : physical) {
                if (node.inputs().size() == 1 && node.inputs().get(0).isChainable(true)) {
                    node.chainTo(node.inputs().get(0).source());
                }
            }
        }
        return new StreamGraph(pipeline.jobName(), physical);
    }

    private static Transformation transformationOf(StreamNode node, List<Transformation> ordered) {
        for (Transformation t : ordered) {
            if (t.getId() == node.id()) {
                return t;
            }
        }
        throw new IllegalStateException("no transformation for " + node);
    }

    private static boolean isPhysical(Transformation t) {
        return t.getKind() == Transformation.Kind.SOURCE || t.getKind() == Transformation.Kind.OPERATOR || t.getKind() == Transformation.Kind.SINK;
    }

    private StreamNode createNode(Transformation t) {
        int parallelism = t.getParallelism() > 0 ? t.getParallelism() : config.parallelism();
        if (t.getSpec() instanceof Specs.SourceSpec source) {
            int limit = source.source().maxParallelism();
            if (limit > 0 && parallelism > limit) {
                throw new InvalidProgramException("Source '" + t.getName() + "' can run with at most " + limit
                        + (limit == 1 ? " subtask (it is not parallel)" : " subtasks") + ", but its parallelism is " + parallelism
                        + ": call setParallelism(" + limit + ") on it, or use a parallel source");
            }
        }
        int maxParallelism = t.getMaxParallelism() > 0 ? t.getMaxParallelism()
                : config.maxParallelism() > 0 ? config.maxParallelism()
                : KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism);
        if (parallelism > maxParallelism) {
            throw new InvalidProgramException("The parallelism (" + parallelism + ") of '" + t.getName()
                    + "' is higher than its max parallelism (" + maxParallelism + "): raise setMaxParallelism or lower setParallelism");
        }
        return new StreamNode(t, parallelism, maxParallelism);
    }

    @SuppressWarnings("unchecked")
    private void resolve(Transformation input, StreamNode target, int inputIndex, Partitioning partitioning,
                         KeySelector<?, ?> key, OutputTag<?> tag) {
        switch (input.getKind()) {
            case UNION -> {
                for (Transformation in : input.getInputs()) {
                    resolve(in, target, inputIndex, partitioning, key, tag);
                }
            }
            case PARTITION -> {
                // The partitioning closest to the consumer wins, as in Flink (stream.rebalance().keyBy(..) hashes).
                if (partitioning == null) {
                    resolve(input.getInputs().get(0), target, inputIndex, input.getPartitioning(), input.getPartitionKey(), tag);
                } else {
                    resolve(input.getInputs().get(0), target, inputIndex, partitioning, key, tag);
                }
            }
            case SIDE_OUTPUT -> resolve(input.getInputs().get(0), target, inputIndex, partitioning, key, input.getSideOutputTag());
            default -> {
                StreamNode source = nodes.get(input.getId());
                if (source.kind() == Transformation.Kind.SINK) {
                    throw new InvalidProgramException("Sink '" + source.name() + "' has no output to read from");
                }
                Partitioning p = partitioning != null ? partitioning
                        : source.parallelism() == target.parallelism() ? Partitioning.FORWARD : Partitioning.REBALANCE;
                if (p == Partitioning.FORWARD && source.parallelism() != target.parallelism()) {
                    throw new InvalidProgramException("Forward partitioning does not allow a change of parallelism: "
                            + source.describe() + " has parallelism " + source.parallelism() + ", " + target.describe()
                            + " has " + target.parallelism() + ". Use rebalance(), rescale(), shuffle() or keyBy(), or give both the same parallelism");
                }
                StreamEdge edge = new StreamEdge(source, target, inputIndex, p, (KeySelector<Object, Object>) key, tag);
                source.outputs().add(edge);
                target.inputs().add(edge);
            }
        }
    }

    private static List<Transformation> topologicalOrder(List<Transformation> sinks) {
        // Ids grow as the API creates nodes, and every node is created after its inputs: id order is topological.
        Set<Transformation> seen = new LinkedHashSet<>();
        List<Transformation> stack = new ArrayList<>(sinks);
        while (!stack.isEmpty()) {
            Transformation t = stack.remove(stack.size() - 1);
            if (seen.add(t)) {
                stack.addAll(t.getInputs());
            }
        }
        List<Transformation> ordered = new ArrayList<>(seen);
        ordered.sort(BY_ID);
        return ordered;
    }
}
