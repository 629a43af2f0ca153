package dev.weir.runtime.exec;

import dev.weir.api.connector.Source;
import dev.weir.api.functions.KeySelector;
import dev.weir.api.functions.OutputTag;
import dev.weir.api.graph.Specs;
import dev.weir.api.watermark.WatermarkStrategy;
import dev.weir.runtime.exchange.BroadcastSelector;
import dev.weir.runtime.exchange.ChannelSelector;
import dev.weir.runtime.exchange.ForwardSelector;
import dev.weir.runtime.exchange.GlobalSelector;
import dev.weir.runtime.exchange.KeyGroupSelector;
import dev.weir.runtime.exchange.OutboundChannel;
import dev.weir.runtime.exchange.RecordRing;
import dev.weir.runtime.exchange.RecordWriter;
import dev.weir.runtime.exchange.RoundRobinSelector;
import dev.weir.runtime.exchange.ShuffleSelector;
import dev.weir.runtime.graph.StreamEdge;
import dev.weir.runtime.graph.StreamGraph;
import dev.weir.runtime.graph.StreamNode;
import dev.weir.runtime.metrics.OperatorMetricGroup;
import dev.weir.runtime.operators.OneInputOperator;
import dev.weir.runtime.operators.OperatorFactory;
import dev.weir.runtime.operators.Output;
import dev.weir.runtime.operators.StreamOperator;
import dev.weir.runtime.state.HeapKeyedStateBackend;
import dev.weir.runtime.state.KeyGroupRangeAssignment;
import dev.weir.runtime.time.HeapTimerServices;
import dev.weir.runtime.time.ProcessingTimeService;
import dev.weir.runtime.time.TaskProcessingTimeService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the running form of a {@link StreamGraph}: one ring per pair of producer and consumer subtasks on every
 * edge between chains, and one tasklet per subtask of every chain, with its operators created, wired and set up.
 */
final class TaskWiring {
    private final StreamGraph graph;
    private final RuntimeSettings settings;
    private final long autoWatermarkInterval;
    private final JobAccumulators accumulators;
    private final Map<StreamEdge, RecordRing[][]> rings = new HashMap<>();

    private TaskWiring(StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval, JobAccumulators accumulators) {
        this.graph = graph;
        this.settings = settings;
        this.autoWatermarkInterval = autoWatermarkInterval;
        this.accumulators = accumulators;
    }

    static List<Tasklet> build(StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval, JobAccumulators accumulators) {
        return new TaskWiring(graph, settings, autoWatermarkInterval, accumulators).build();
    }

    private List<Tasklet> build() {
        for (StreamEdge e : graph.networkEdges()) {
            RecordRing[][] r = new RecordRing[e.source().parallelism()][e.target().parallelism()];
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[i].length; j++) {
                    if (e.partitioning() != dev.weir.api.graph.Partitioning.FORWARD || i == j) {
                        r[i][j] = new RecordRing(settings.exchangeCapacity());
                    }
                }
            }
            rings.put(e, r);
        }
        List<Tasklet> tasklets = new ArrayList<>();
        for (Map.Entry<StreamNode, List<StreamNode>> chain : graph.chains().entrySet()) {
            for (int subtask = 0; subtask < chain.getKey().parallelism(); subtask++) {
                tasklets.add(buildTask(chain.getKey(), chain.getValue(), subtask));
            }
        }
        return tasklets;
    }

    @SuppressWarnings("unchecked")
    private Tasklet buildTask(StreamNode head, List<StreamNode> members, int subtask) {
        ProcessingTimeService processingTime = new TaskProcessingTimeService(System::currentTimeMillis);
        Map<StreamNode, StreamOperator> operators = new LinkedHashMap<>();
        for (StreamNode m : members) {
            if (!(m.spec() instanceof Specs.SourceSpec)) {
                StreamNode missing = m.inputSourceWithoutEventTime();
                operators.put(m, OperatorFactory.create(m.spec(), m.isKeyed(), m.name(), missing == null ? null : missing.name(),
                        m.parallelism(), m.describe()));
            }
        }
        List<RecordWriter> writers = new ArrayList<>();
        Map<StreamNode, Output> outputs = new HashMap<>();
        for (int i = members.size() - 1; i >= 0; i--) {
            StreamNode m = members.get(i);
            outputs.put(m, outputOf(m, operators, subtask, writers));
        }
        for (Map.Entry<StreamNode, StreamOperator> e : operators.entrySet()) {
            e.getValue().setup(contextOf(e.getKey(), subtask, processingTime), outputs.get(e.getKey()));
        }
        Chain chain = new Chain(new ArrayList<>(operators.values()));
        TaskWriters taskWriters = new TaskWriters(writers);
        String name = taskName(members, subtask);
        if (head.spec() instanceof Specs.SourceSpec source) {
            return new SourceTask(name, (Source<Object>) source.source(), (WatermarkStrategy<Object>) source.watermarkStrategy(),
                    subtask, head.parallelism(), outputs.get(head), chain, taskWriters, processingTime, autoWatermarkInterval,
                    new OperatorMetricGroup(head.name() + "." + subtask));
        }
        List<RecordRing> channels = new ArrayList<>();
        List<Integer> inputOf = new ArrayList<>();
        for (StreamEdge e : head.inputs()) {
            RecordRing[][] r = rings.get(e);
            for (RecordRing[] fromProducer : r) {
                if (fromProducer[subtask] != null) {
                    channels.add(fromProducer[subtask]);
                    inputOf.add(e.inputIndex());
                }
            }
        }
        return new OperatorTask(name, channels.toArray(new RecordRing[0]), inputOf.stream().mapToInt(Integer::intValue).toArray(),
                operators.get(head), chain, taskWriters, processingTime);
    }

    private Output outputOf(StreamNode node, Map<StreamNode, StreamOperator> operators, int subtask, List<RecordWriter> writers) {
        List<Output> main = new ArrayList<>();
        Map<OutputTag<?>, List<Output>> side = new LinkedHashMap<>();
        List<Output> everyone = new ArrayList<>();
        for (StreamEdge e : node.outputs()) {
            Output target;
            if (e.target().chainedTo() == node) {
                target = new ChainedInput((OneInputOperator) operators.get(e.target()));
            } else {
                RecordWriter writer = writerOf(e, subtask);
                writers.add(writer);
                target = new NetworkOutput(writer);
            }
            everyone.add(target);
            if (e.sideOutputTag() == null) {
                main.add(target);
            } else {
                side.computeIfAbsent(e.sideOutputTag(), t -> new ArrayList<>()).add(target);
            }
        }
        if (side.isEmpty() && main.size() == 1) {
            return main.get(0);
        }
        Output[][] sideTargets = new Output[side.size()][];
        int i = 0;
        for (List<Output> targets : side.values()) {
            sideTargets[i++] = targets.toArray(new Output[0]);
        }
        return new RoutingOutput(main.toArray(new Output[0]), side.keySet().toArray(new OutputTag<?>[0]), sideTargets,
                everyone.toArray(new Output[0]));
    }

    private RecordWriter writerOf(StreamEdge e, int subtask) {
        RecordRing[] toConsumers = rings.get(e)[subtask];
        StreamNode target = e.target();
        if (e.partitioning() == dev.weir.api.graph.Partitioning.FORWARD) {
            return new RecordWriter(new OutboundChannel[] {new OutboundChannel(toConsumers[subtask])}, new ForwardSelector(0));
        }
        OutboundChannel[] channels = new OutboundChannel[toConsumers.length];
        for (int j = 0; j < channels.length; j++) {
            channels[j] = new OutboundChannel(toConsumers[j]);
        }
        int n = channels.length;
        ChannelSelector selector = switch (e.partitioning()) {
            case REBALANCE, RESCALE -> new RoundRobinSelector(n, subtask);
            case SHUFFLE -> new ShuffleSelector(n, 0x9E3779B97F4A7C15L * (subtask + 1));
            case BROADCAST -> new BroadcastSelector();
            case GLOBAL -> new GlobalSelector();
            case HASH -> {
                int maxParallelism = target.maxParallelism();
                yield new KeyGroupSelector(e.key(),
                        key -> KeyGroupRangeAssignment.assignKeyToParallelOperator(key, maxParallelism, n),
                        "keyBy before " + target.describe());
            }
            case FORWARD -> throw new IllegalStateException("handled above");
        };
        return new RecordWriter(channels, selector);
    }

    @SuppressWarnings("unchecked")
    private SubtaskContext contextOf(StreamNode node, int subtask, ProcessingTimeService processingTime) {
        HeapKeyedStateBackend backend = null;
        HeapTimerServices timers = null;
        KeySelector<Object, Object>[] keys = new KeySelector[0];
        if (node.isKeyed()) {
            backend = new HeapKeyedStateBackend(node.maxParallelism(),
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(node.maxParallelism(), node.parallelism(), subtask),
                    System::currentTimeMillis);
            timers = new HeapTimerServices(backend, processingTime);
            keys = new KeySelector[] {node.stateKey(0), node.stateKey(1)};
        }
        return new SubtaskContext(node.name(), node.describe(), subtask, node.parallelism(), node.maxParallelism(), backend, timers, keys,
                processingTime, new OperatorMetricGroup(node.name() + "." + subtask), autoWatermarkInterval, accumulators);
    }

    private static String taskName(List<StreamNode> members, int subtask) {
        StringBuilder sb = new StringBuilder();
        for (StreamNode m : members) {
            if (sb.length() > 0) {
                sb.append(" -> ");
            }
            sb.append(m.describe());
        }
        return sb + " (" + (subtask + 1) + "/" + members.get(0).parallelism() + ")";
    }
}
