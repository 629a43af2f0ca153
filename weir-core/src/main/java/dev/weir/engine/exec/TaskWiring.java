package dev.weir.engine.exec;

import dev.weir.api.connector.source.Source;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.plan.Specs;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.engine.exchange.BroadcastSelector;
import dev.weir.engine.exchange.ChannelSelector;
import dev.weir.engine.exchange.ForwardSelector;
import dev.weir.engine.exchange.GlobalSelector;
import dev.weir.engine.exchange.KeyGroupSelector;
import dev.weir.engine.exchange.OutboundChannel;
import dev.weir.engine.exchange.RecordRing;
import dev.weir.engine.exchange.RecordWriter;
import dev.weir.engine.exchange.RoundRobinSelector;
import dev.weir.engine.exchange.ShuffleSelector;
import dev.weir.engine.checkpoint.CheckpointAcknowledger;
import dev.weir.engine.checkpoint.CheckpointParticipant;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.KeyedStateSnapshots;
import dev.weir.engine.checkpoint.OperatorStateRedistribution;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.RestoredJob;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.graph.StreamEdge;
import dev.weir.engine.graph.StreamGraph;
import dev.weir.engine.graph.StreamNode;
import dev.weir.engine.metrics.OperatorMetricGroup;
import dev.weir.engine.operators.ClassCloner;
import dev.weir.engine.operators.FunctionCopier;
import dev.weir.engine.operators.OneInputOperator;
import dev.weir.engine.operators.OperatorFactory;
import dev.weir.engine.operators.Output;
import dev.weir.engine.operators.StreamOperator;
import dev.weir.engine.operators.UdfOperator;
import dev.weir.engine.operators.KeyedOneInputOperator;
import dev.weir.engine.state.CheckpointableKeyedStateBackend;
import dev.weir.engine.state.KeyedStateBackendParameters;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.time.HeapTimerServices;
import dev.weir.engine.time.ProcessingTimeService;
import dev.weir.engine.time.TaskProcessingTimeService;
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
    private final AttemptSettings attempt;
    private final Map<StreamEdge, RecordRing[][]> rings = new HashMap<>();
    private final List<Tasklet> tasklets = new ArrayList<>();
    private final List<CheckpointParticipant> participants = new ArrayList<>();
    private final List<CheckpointParticipant> sources = new ArrayList<>();
    private final List<Chain> chains = new ArrayList<>();

    /** What differs between attempts of one job: the attempt number, checkpointing, and the state to restore. */
    record AttemptSettings(int attemptNumber, boolean checkpointing, boolean exactlyOnce, RestoredJob restore,
                           CheckpointAcknowledger acknowledger, dev.weir.engine.status.JobMonitor monitor) {
    }

    /** The running form of one attempt: its tasklets, and the same tasks as checkpoint participants. */
    record Wiring(List<Tasklet> tasklets, List<CheckpointParticipant> participants, List<CheckpointParticipant> sources,
                  List<Chain> chains) {
    }

    private TaskWiring(StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval, JobAccumulators accumulators,
                       AttemptSettings attempt) {
        this.graph = graph;
        this.settings = settings;
        this.autoWatermarkInterval = autoWatermarkInterval;
        this.accumulators = accumulators;
        this.attempt = attempt;
    }

    static Wiring build(StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval, JobAccumulators accumulators,
                        AttemptSettings attempt) {
        return new TaskWiring(graph, settings, autoWatermarkInterval, accumulators, attempt).build();
    }

    /** The id that matches an operator's state across runs: its uid, or one derived from its place in the program. */
    static String operatorId(StreamNode node) {
        return node.uid() != null ? node.uid() : "auto-" + node.id() + "-" + node.name().replaceAll("[^A-Za-z0-9]+", "_");
    }

    private Wiring build() {
        for (StreamEdge e : graph.networkEdges()) {
            RecordRing[][] r = new RecordRing[e.source().parallelism()][e.target().parallelism()];
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[i].length; j++) {
                    if (e.partitioning() != dev.weir.plan.Partitioning.FORWARD || i == j) {
                        r[i][j] = new RecordRing(settings.exchangeCapacity());
                    }
                }
            }
            rings.put(e, r);
        }
        for (Map.Entry<StreamNode, List<StreamNode>> chain : graph.chains().entrySet()) {
            for (int subtask = 0; subtask < chain.getKey().parallelism(); subtask++) {
                buildTask(chain.getKey(), chain.getValue(), subtask);
            }
        }
        return new Wiring(tasklets, participants, sources, chains);
    }

    @SuppressWarnings("unchecked")
    private void buildTask(StreamNode head, List<StreamNode> members, int subtask) {
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
        List<ChainMember> chainMembers = new ArrayList<>();
        boolean finished = restoredFinished(head, subtask);
        for (Map.Entry<StreamNode, StreamOperator> e : operators.entrySet()) {
            StreamNode node = e.getKey();
            SubtaskContext context = contextOf(node, subtask, processingTime);
            StreamOperator op = e.getValue();
            op.setup(context, outputs.get(node));
            CheckpointableKeyedStateBackend backend = (CheckpointableKeyedStateBackend) context.keyedStateBackend();
            HeapTimerServices timers = (HeapTimerServices) context.timerServices();
            ChainMember member = new ChainMember(operatorId(node), node.name(), node.parallelism(), node.maxParallelism(), subtask,
                    op, backend, timers);
            initializeState(member, node);
            if (subtask == 0) {
                warnIfStatefulWithoutUid(node, op);
            }
            chainMembers.add(member);
        }
        Chain chain = new Chain(chainMembers);
        chains.add(chain);
        TaskWriters taskWriters = new TaskWriters(writers);
        String name = taskName(members, subtask);
        TaskCheckpoints checkpoints = new TaskCheckpoints(tasklets.size(), attempt.acknowledger(), chain);
        participants.add(checkpoints);
        if (head.spec() instanceof Specs.SourceSpec source) {
            // Like a function, a source (and the generator or deserializer it holds) is copied per subtask, as in Flink.
            Source<Object> own = FunctionCopier.copyFor((Source<Object>) source.source(), head.parallelism(), head.describe());
            SourceTask task = new SourceTask(name, own, (WatermarkStrategy<Object>) source.watermarkStrategy(),
                    subtask, head.parallelism(), outputs.get(head), chain, taskWriters, processingTime, autoWatermarkInterval,
                    new OperatorMetricGroup(head.name() + "." + subtask), operatorId(head), head.name(), head.maxParallelism(),
                    sourceRestore(head, subtask, finished));
            task.setCheckpoints(checkpoints);
            task.setMetrics(metricsOf(head, subtask, new int[0], new int[0]));
            sources.add(checkpoints);
            tasklets.add(task);
            return;
        }
        List<RecordRing> channels = new ArrayList<>();
        List<Integer> inputOf = new ArrayList<>();
        List<int[]> producers = new ArrayList<>();
        for (StreamEdge e : head.inputs()) {
            RecordRing[][] r = rings.get(e);
            for (int p = 0; p < r.length; p++) {
                RecordRing[] fromProducer = r[p];
                if (fromProducer[subtask] != null) {
                    channels.add(fromProducer[subtask]);
                    inputOf.add(e.inputIndex());
                    producers.add(new int[] {attempt.monitor().vertexIndex(e.source().chainHead()), p});
                }
            }
        }
        OperatorTask task = new OperatorTask(name, channels.toArray(new RecordRing[0]), inputOf.stream().mapToInt(Integer::intValue).toArray(),
                operators.get(head), chain, taskWriters, processingTime, attempt.exactlyOnce(), finished);
        task.setCheckpoints(checkpoints);
        task.setMetrics(metricsOf(head, subtask, producers.stream().mapToInt(p -> p[0]).toArray(),
                producers.stream().mapToInt(p -> p[1]).toArray()));
        tasklets.add(task);
    }

    private dev.weir.engine.status.TaskMetrics metricsOf(StreamNode head, int subtask, int[] producerVertex, int[] producerSubtask) {
        dev.weir.engine.status.TaskMetrics metrics = attempt.monitor().task(head, subtask);
        metrics.inputs(producerVertex, producerSubtask);
        return metrics;
    }

    /** Flink's advice, loudly: state of an operator without a uid is matched by position, which a program change breaks. */
    private void warnIfStatefulWithoutUid(StreamNode node, StreamOperator op) {
        if (!attempt.checkpointing() || node.uid() != null || attempt.attemptNumber() > 0) {
            return;
        }
        StreamOperator inner = op instanceof KeyedOneInputOperator keyed ? keyed.unwrap() : op;
        boolean stateful = node.isKeyed()
                || (inner instanceof UdfOperator<?> udf && udf.getUserFunction() instanceof CheckpointedFunction);
        if (stateful) {
            System.err.println("WARNING: stateful operator " + node.describe() + " has no uid: its state is matched to the "
                    + "program by position and will not restore after the job graph changes. Call .uid(\"...\") on it.");
        }
    }

    /** Restores the operator's keyed state (its key groups) and hands it its share of operator state. */
    private void initializeState(ChainMember member, StreamNode node) {
        RestoredJob restore = attempt.restore();
        String id = member.operatorId();
        if (restore == null || !restore.operatorIds().contains(id)) {
            try {
                member.operator().initializeState(restore == null ? StateInitialization.FRESH
                        : new StateInitialization(true, restore.checkpointId(), Map.of()));
            } catch (Exception e) {
                throw new dev.weir.api.common.InvalidProgramException(node.describe() + " failed to initialize its state: " + e, e);
            }
            return;
        }
        if (member.keyedState() != null) {
            var range = member.keyedState().getKeyGroupRange();
            for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                KeyGroupSnapshot group = restore.keyGroup(id, kg);
                if (group != null) {
                    try {
                        KeyedStateSnapshots.restore(group, member.keyedState(), member.timers());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(node.describe() + " failed to restore key group " + kg + " from "
                                + restore.location() + ": " + e, e);
                    }
                }
            }
        }
        List<OperatorStateSnapshot> old = restore.operatorStates(id);
        try {
            member.operator().initializeState(new StateInitialization(true, restore.checkpointId(),
                    OperatorStateRedistribution.shareFor(old, member.subtask(), member.parallelism(), node.describe())));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new dev.weir.api.common.InvalidProgramException(node.describe() + " failed to restore its state from "
                    + restore.location() + ": " + e, e);
        }
    }

    /** Whether the head of this chain had finished in the restored checkpoint (then the whole task had). */
    private boolean restoredFinished(StreamNode head, int subtask) {
        RestoredJob restore = attempt.restore();
        String id = operatorId(head);
        if (restore == null || !restore.operatorIds().contains(id)) {
            return false;
        }
        List<OperatorStateSnapshot> old = restore.operatorStates(id);
        boolean any = false;
        boolean all = true;
        for (OperatorStateSnapshot s : old) {
            boolean f = s != null && s.get(TaskCheckpoints.FINISHED) != null;
            any |= f;
            all &= f;
        }
        if (any && old.size() != head.parallelism() && !all) {
            throw new dev.weir.api.common.InvalidProgramException(head.describe() + " had partly finished when " + restore.location()
                    + " was taken (parallelism " + old.size() + "); it cannot be restored at parallelism " + head.parallelism()
                    + ": restore it at parallelism " + old.size());
        }
        return all ? any : subtask < old.size() && old.get(subtask) != null && old.get(subtask).get(TaskCheckpoints.FINISHED) != null;
    }

    private SourceTask.SourceRestore sourceRestore(StreamNode source, int subtask, boolean finished) {
        RestoredJob restore = attempt.restore();
        String id = operatorId(source);
        if (restore == null || !restore.operatorIds().contains(id)) {
            return SourceTask.SourceRestore.FRESH;
        }
        if (finished) {
            return new SourceTask.SourceRestore(null, true);
        }
        List<OperatorStateSnapshot> old = restore.operatorStates(id);
        if (old.size() != source.parallelism()) {
            throw new dev.weir.api.common.InvalidProgramException("Source '" + source.name() + "' read with parallelism " + old.size()
                    + " when " + restore.location() + " was taken, and its positions belong to those subtasks: restore it with "
                    + "setParallelism(" + old.size() + ") on the source");
        }
        OperatorStateSnapshot mine = old.get(subtask);
        OperatorStateSnapshot.Entry position = mine == null ? null : mine.get(SourceTask.POSITION);
        return new SourceTask.SourceRestore(position == null || position.values.isEmpty() ? null : position.values.get(0), false);
    }

    private Output outputOf(StreamNode node, Map<StreamNode, StreamOperator> operators, int subtask, List<RecordWriter> writers) {
        List<Output> main = new ArrayList<>();
        Map<OutputTag<?>, List<Output>> side = new LinkedHashMap<>();
        List<Output> everyone = new ArrayList<>();
        for (StreamEdge e : node.outputs()) {
            Output target;
            if (e.target().chainedTo() == node) {
                target = ClassCloner.newInstance(ChainedInput.class, operators.get(e.target()).getClass(),
                        new Class<?>[] {OneInputOperator.class}, operators.get(e.target()));
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
        if (e.partitioning() == dev.weir.plan.Partitioning.FORWARD) {
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
        CheckpointableKeyedStateBackend backend = null;
        HeapTimerServices timers = null;
        // Keyed state's TTL runs on processing time.
        KeySelector<Object, Object>[] keys = new KeySelector[0];
        if (node.isKeyed()) {
            backend = createKeyedStateBackend(node, subtask);
            timers = new HeapTimerServices(backend, processingTime);
            keys = new KeySelector[] {node.stateKey(0), node.stateKey(1)};
        }
        return new SubtaskContext(node.name(), node.describe(), subtask, node.parallelism(), node.maxParallelism(), backend, timers, keys,
                processingTime, new OperatorMetricGroup(node.name() + "." + subtask), autoWatermarkInterval, accumulators,
                attempt.checkpointing(), attempt.attemptNumber());
    }

    private CheckpointableKeyedStateBackend createKeyedStateBackend(StreamNode node, int subtask) {
        var parameters = new KeyedStateBackendParameters(operatorId(node), node.describe(), subtask, node.maxParallelism(),
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(node.maxParallelism(), node.parallelism(), subtask),
                System::currentTimeMillis, settings.stateBackendSettings());
        try {
            return settings.stateBackend().create(parameters);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(node.describe() + " could not create its " + settings.stateBackend().type()
                    + " state backend for subtask " + subtask + ": " + e, e);
        }
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
