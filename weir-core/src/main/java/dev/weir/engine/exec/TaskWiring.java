package dev.weir.engine.exec;

import dev.weir.api.connector.source.Source;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.streaming.api.checkpoint.CheckpointedFunction;
import dev.weir.plan.Specs;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.engine.exchange.ChannelSelectors;
import dev.weir.engine.exchange.OutboundChannel;
import dev.weir.engine.exchange.RecordRing;
import dev.weir.engine.exchange.RecordWriter;
import dev.weir.engine.checkpoint.CheckpointAcknowledger;
import dev.weir.engine.checkpoint.CheckpointParticipant;
import dev.weir.engine.checkpoint.RestoredJob;
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
import dev.weir.engine.time.CheckpointableTimerServices;
import dev.weir.engine.time.HeapTimerServices;
import dev.weir.engine.time.TimerServicesFactory;
import dev.weir.engine.operators.TimestampsOnly;
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
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(TaskWiring.class.getName());
    /** The tasks' wall clock; a class, not {@code System::currentTimeMillis}: every job wires its tasks while starting. */
    private static final java.util.function.LongSupplier WALL_CLOCK = new java.util.function.LongSupplier() {
        @Override
        public long getAsLong() {
            return System.currentTimeMillis();
        }
    };
    private final StreamGraph graph;
    private final RuntimeSettings settings;
    private final long autoWatermarkInterval;
    private final JobAccumulators accumulators;
    private final AttemptSettings attempt;
    private final TaskRestore restore;
    private final Map<StreamEdge, RecordRing[][]> rings = new HashMap<>();
    private final List<Tasklet> tasklets = new ArrayList<>();
    private final List<CheckpointParticipant> participants = new ArrayList<>();
    private final List<CheckpointParticipant> sources = new ArrayList<>();
    private final List<Chain> chains = new ArrayList<>();
    private final Map<StreamNode, SourceCoordinator<?, ?>> coordinators = new LinkedHashMap<>();

    /** What differs between attempts of one job: the attempt number, checkpointing, and the state to restore. */
    record AttemptSettings(int attemptNumber, boolean checkpointing, boolean exactlyOnce, RestoredJob restore,
                           CheckpointAcknowledger acknowledger, dev.weir.engine.status.JobMonitor monitor) {
    }

    /**
     * The running form of one attempt: its tasklets, the same tasks (and the split enumerators' coordinators) as
     * checkpoint participants, and the coordinators to close when the attempt ends.
     */
    record Wiring(List<Tasklet> tasklets, List<CheckpointParticipant> participants, List<CheckpointParticipant> sources,
                  List<Chain> chains, List<SourceCoordinator<?, ?>> sourceCoordinators) {
    }

    private TaskWiring(StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval, JobAccumulators accumulators,
                       AttemptSettings attempt) {
        this.graph = graph;
        this.settings = settings;
        this.autoWatermarkInterval = autoWatermarkInterval;
        this.accumulators = accumulators;
        this.attempt = attempt;
        this.restore = new TaskRestore(attempt.restore());
    }

    static Wiring build(StreamGraph graph, RuntimeSettings settings, long autoWatermarkInterval, JobAccumulators accumulators,
                        AttemptSettings attempt) {
        return new TaskWiring(graph, settings, autoWatermarkInterval, accumulators, attempt).build();
    }

    /** The id that matches an operator's state across runs: its uid, or one derived from its place in the program. */
    static String operatorId(StreamNode node) {
        return node.uid() != null ? node.uid() : "auto-" + node.id() + "-" + underscored(node.name());
    }

    /**
     * {@code name} with every run of characters other than ASCII letters and digits replaced by one '_' (what
     * {@code replaceAll("[^A-Za-z0-9]+", "_")} gives, which compiled a pattern per operator of every job started).
     */
    static String underscored(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean inRun = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean kept = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (kept) {
                out.append(c);
            } else if (!inRun) {
                out.append('_');
            }
            inRun = !kept;
        }
        return out.toString();
    }

    private Wiring build() {
        for (StreamEdge e : graph.networkEdges()) {
            RecordRing[][] r = new RecordRing[e.source().parallelism()][e.target().parallelism()];
            boolean carriesKeys = carriesKeys(e);
            for (int i = 0; i < r.length; i++) {
                for (int j = 0; j < r[i].length; j++) {
                    if (e.partitioning() != dev.weir.plan.Partitioning.FORWARD || i == j) {
                        r[i][j] = new RecordRing(settings.exchangeCapacity(), carriesKeys);
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
        return new Wiring(tasklets, participants, sources, chains, List.copyOf(coordinators.values()));
    }

    /**
     * Whether the edge is a keyBy into a keyed one-input operator that keys its state by the edge's own key selector:
     * then its rings carry each record's key and key group, computed once by the producer (BATCH mode sorts the
     * records first and keys them there).
     */
    private boolean carriesKeys(StreamEdge e) {
        StreamNode target = e.target();
        if (e.partitioning() != dev.weir.plan.Partitioning.HASH || !target.isKeyed() || settings.batch() || e.key() == null
                || e.key() != target.stateKey(e.inputIndex())) {
            return false;
        }
        for (StreamEdge input : target.inputs()) {
            if (input.inputIndex() != 0) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private void buildTask(StreamNode head, List<StreamNode> members, int subtask) {
        ProcessingTimeService processingTime = new TaskProcessingTimeService(WALL_CLOCK);
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
        boolean finished = restore.restoredFinished(operatorId(head), head.describe(), head.parallelism(), subtask);
        for (Map.Entry<StreamNode, StreamOperator> e : operators.entrySet()) {
            StreamNode node = e.getKey();
            SubtaskContext context = contextOf(node, subtask, processingTime);
            StreamOperator op = e.getValue();
            op.setup(context, outputs.get(node));
            CheckpointableKeyedStateBackend backend = (CheckpointableKeyedStateBackend) context.keyedStateBackend();
            CheckpointableTimerServices timers = (CheckpointableTimerServices) context.timerServices();
            ChainMember member = new ChainMember(operatorId(node), node.name(), node.parallelism(), node.maxParallelism(), subtask,
                    op, backend, timers);
            restore.initializeState(member, node.describe());
            if (subtask == 0) {
                warnIfStatefulWithoutUid(node, op);
            }
            chainMembers.add(member);
        }
        Chain chain = new Chain(chainMembers);
        chains.add(chain);
        TaskWriters taskWriters = new TaskWriters(writers);
        String name = taskName(members, subtask);
        SourceCoordinator<?, ?> coordinator = head.spec() instanceof Specs.SourceSpec source
                && source.source() instanceof EnumeratedSource<?, ?, ?> enumerated ? coordinatorOf(head, enumerated) : null;
        TaskCheckpoints checkpoints = new TaskCheckpoints(participants.size(), attempt.acknowledger(), chain);
        participants.add(checkpoints);
        if (head.spec() instanceof Specs.SourceSpec source) {
            // Like a function, a source (and the generator or deserializer it holds) is copied per subtask, as in Flink.
            Source<Object> own = source.source() instanceof dev.weir.plan.SourceFunctionSource<?>
                    ? FunctionCopier.copyForAttempt((Source<Object>) source.source(), head.describe())
                    : FunctionCopier.copyFor((Source<Object>) source.source(), head.parallelism(), head.describe());
            WatermarkStrategy<Object> strategy = (WatermarkStrategy<Object>) source.watermarkStrategy();
            SourceTask task = new SourceTask(name, own, settings.batch() ? new TimestampsOnly<>(strategy) : strategy,
                    subtask, head.parallelism(), outputs.get(head), chain, taskWriters, processingTime, autoWatermarkInterval,
                    new OperatorMetricGroup(head.name() + "." + subtask), operatorId(head), head.name(), head.maxParallelism(),
                    restore.sourceRestore(operatorId(head), head.name(), head.parallelism(), subtask, finished, coordinator != null));
            if (own instanceof dev.weir.plan.SourceFunctionSource<?>) {
                task.setLegacySourceSetup(legacySourceSetup(head, subtask, processingTime));
            }
            task.setCheckpoints(checkpoints);
            task.setMetrics(metricsOf(head, subtask, new int[0], new int[0]));
            if (coordinator != null) {
                // Its coordinator triggers it, after snapshotting the enumerator.
                task.setCoordinator(coordinator, coordinator.connect(subtask, checkpoints));
            } else {
                sources.add(checkpoints);
            }
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
        int[] inputIndexes = new int[inputOf.size()];
        int[] producerVertices = new int[producers.size()];
        int[] producerSubtasks = new int[producers.size()];
        for (int i = 0; i < inputIndexes.length; i++) {
            inputIndexes[i] = inputOf.get(i);
            producerVertices[i] = producers.get(i)[0];
            producerSubtasks[i] = producers.get(i)[1];
        }
        RecordRing[] inputs = channels.toArray(new RecordRing[0]);
        OperatorTask task = new OperatorTask(name, inputs, inputIndexes,
                operators.get(head), chain, taskWriters, processingTime, attempt.exactlyOnce(), finished);
        task.setDebloater(settings.debloat().debloaterOf(inputs));
        if (settings.batch() && head.isKeyed() && operators.get(head) instanceof dev.weir.engine.operators.OneInputOperator) {
            task.sortInputByTimestamp();
        }
        task.setCheckpoints(checkpoints);
        task.setMetrics(metricsOf(head, subtask, producerVertices, producerSubtasks));
        tasklets.add(task);
    }

    /**
     * The one coordinator of an enumerated source's split enumerator, created with the source's first subtask: a
     * checkpoint participant of its own, which triggers the source's readers.
     */
    private SourceCoordinator<?, ?> coordinatorOf(StreamNode source, EnumeratedSource<?, ?, ?> enumerated) {
        SourceCoordinator<?, ?> existing = coordinators.get(source);
        if (existing != null) {
            return existing;
        }
        SourceCoordinator<?, ?> coordinator = new SourceCoordinator<>(source.describe(), operatorId(source),
                FunctionCopier.copyForAttempt(enumerated, source.describe()), source.parallelism(),
                restore.enumeratorRestore(operatorId(source), source.name(), source.parallelism()), participants.size(),
                attempt.acknowledger());
        participants.add(coordinator);
        sources.add(coordinator);
        coordinators.put(source, coordinator);
        return coordinator;
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
            LOG.log(System.Logger.Level.WARNING, "Stateful operator {0} has no uid: its state is matched to the program by "
                    + "position and will not restore after the job graph changes. Call .uid(\"...\") on it.", node.describe());
        }
    }

    /** A legacy source function's runtime context and its share of the restored operator state. */
    private SourceTask.LegacySourceSetup legacySourceSetup(StreamNode source, int subtask, ProcessingTimeService processingTime) {
        return new SourceTask.LegacySourceSetup(contextOf(source, subtask, processingTime).runtimeContext(),
                restore.legacySourceState(operatorId(source), source.describe(), source.parallelism(), subtask), restore.restoring());
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
        OutboundChannel[] channels;
        if (e.partitioning() == dev.weir.plan.Partitioning.FORWARD) {
            channels = new OutboundChannel[] {new OutboundChannel(toConsumers[subtask])};
        } else {
            channels = new OutboundChannel[toConsumers.length];
            for (int j = 0; j < channels.length; j++) {
                channels[j] = new OutboundChannel(toConsumers[j]);
            }
        }
        return new RecordWriter(channels, ChannelSelectors.of(e.partitioning(), channels.length, subtask, e.key(),
                target.maxParallelism(), target.describe()));
    }

    @SuppressWarnings("unchecked")
    private SubtaskContext contextOf(StreamNode node, int subtask, ProcessingTimeService processingTime) {
        CheckpointableKeyedStateBackend backend = null;
        CheckpointableTimerServices timers = null;
        // Keyed state's TTL runs on processing time.
        KeySelector<Object, Object>[] keys = new KeySelector[0];
        if (node.isKeyed()) {
            backend = createKeyedStateBackend(node, subtask);
            timers = timerServicesOf(backend, processingTime);
            keys = new KeySelector[] {node.stateKey(0), node.stateKey(1)};
        }
        return new SubtaskContext(node.name(), node.describe(), subtask, node.parallelism(), node.maxParallelism(), backend, timers, keys,
                processingTime, new OperatorMetricGroup(node.name() + "." + subtask), autoWatermarkInterval, accumulators,
                attempt.checkpointing(), attempt.attemptNumber(), settings.batch(), settings.executionConfig());
    }

    /**
     * The timers of a keyed operator subtask: in its backend when the backend keeps them (RocksDB's default), else on
     * the heap. BATCH mode keeps them on the heap, as Flink's batch execution replaces the state backend altogether.
     */
    private CheckpointableTimerServices timerServicesOf(CheckpointableKeyedStateBackend backend, ProcessingTimeService processingTime) {
        if (!settings.batch() && backend instanceof TimerServicesFactory factory) {
            CheckpointableTimerServices own = factory.createTimerServices(backend, processingTime);
            if (own != null) {
                return own;
            }
        }
        return new HeapTimerServices(backend, processingTime, settings.batch());
    }

    private CheckpointableKeyedStateBackend createKeyedStateBackend(StreamNode node, int subtask) {
        var parameters = new KeyedStateBackendParameters(operatorId(node), node.describe(), subtask, node.maxParallelism(),
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(node.maxParallelism(), node.parallelism(), subtask),
                WALL_CLOCK, settings.stateBackendSettings());
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
