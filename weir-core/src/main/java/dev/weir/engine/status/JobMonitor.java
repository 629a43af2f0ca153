package dev.weir.engine.status;

import dev.weir.core.execution.JobClient;
import dev.weir.api.common.JobStatus;
import dev.weir.engine.graph.StreamEdge;
import dev.weir.engine.graph.StreamGraph;
import dev.weir.engine.graph.StreamNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The engine's side of a {@link JobView}: built from the job's graph, it hands each task its {@link TaskMetrics},
 * keeps the checkpoint history and the failures, and answers readers from them.
 */
public final class JobMonitor implements JobView {
    private static final int KEPT_EXCEPTIONS = 20;
    private final String id;
    private final String name;
    private final JobClient client;
    private final SavepointStop stop;

    /** Stops a job with a savepoint; completes with the path once the savepoint is written, before the job's end. */
    @FunctionalInterface
    public interface SavepointStop {
        CompletableFuture<String> stop(boolean advanceToEndOfEventTime, String savepointDirectory);
    }
    private final Supplier<JobStatus> status;
    private final long startTime = System.currentTimeMillis();
    private volatile long endTime = -1;
    private final List<VertexInfo> vertices = new ArrayList<>();
    private final List<EdgeInfo> edges = new ArrayList<>();
    /** By the head's node id, not the node: a finished job kept for the dashboard must not hold its graph's functions. */
    private final Map<Integer, Integer> vertexOfHead = new HashMap<>();
    private final TaskMetrics[][] tasks;
    private final CheckpointHistory checkpoints = new CheckpointHistory();
    private final List<ExceptionRecord> exceptions = new CopyOnWriteArrayList<>();

    public JobMonitor(String id, String name, StreamGraph graph, JobClient client, Supplier<JobStatus> status, SavepointStop stop) {
        this.stop = stop;
        this.id = id;
        this.name = name;
        this.client = client;
        this.status = status;
        Map<StreamNode, List<StreamNode>> chains = graph.chains();
        tasks = new TaskMetrics[chains.size()][];
        int v = 0;
        for (Map.Entry<StreamNode, List<StreamNode>> chain : chains.entrySet()) {
            StreamNode head = chain.getKey();
            List<String> operators = new ArrayList<>();
            StringBuilder vertexName = new StringBuilder();
            for (StreamNode m : chain.getValue()) {
                operators.add(m.describe());
                vertexName.append(vertexName.length() == 0 ? "" : " -> ").append(m.name());
            }
            vertices.add(new VertexInfo(vertexId(head), vertexName.toString(), head.parallelism(), head.maxParallelism(), List.copyOf(operators)));
            vertexOfHead.put(head.id(), v);
            tasks[v] = new TaskMetrics[head.parallelism()];
            for (int s = 0; s < tasks[v].length; s++) {
                tasks[v][s] = new TaskMetrics();
            }
            v++;
        }
        for (StreamEdge e : graph.networkEdges()) {
            edges.add(new EdgeInfo(vertexId(e.source().chainHead()), vertexId(e.target()), e.partitioning().name(),
                    e.sideOutputTag() == null ? null : e.sideOutputTag().getId()));
        }
    }

    /** The id of the vertex a chain head stands for: its node id, stable for the same program. */
    public static String vertexId(StreamNode head) {
        return Integer.toString(head.id());
    }

    /** The counters of one subtask of the chain headed by {@code head}. */
    public TaskMetrics task(StreamNode head, int subtask) {
        return tasks[vertexIndex(head)][subtask];
    }

    /** The index in {@link #vertices()} of the chain headed by {@code head}. */
    public int vertexIndex(StreamNode head) {
        Integer v = vertexOfHead.get(head.id());
        if (v == null) {
            throw new IllegalArgumentException(head + " heads no chain of job '" + name + "'");
        }
        return v;
    }

    public CheckpointHistory checkpointHistory() {
        return checkpoints;
    }

    /** Records a failure of attempt {@code attempt}. */
    public void failed(int attempt, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        exceptions.add(new ExceptionRecord(System.currentTimeMillis(), attempt, String.valueOf(failure.getMessage()), trace.toString()));
        while (exceptions.size() > KEPT_EXCEPTIONS) {
            exceptions.remove(0);
        }
    }

    /** The job reached a terminal state. */
    public void ended() {
        endTime = System.currentTimeMillis();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public JobStatus status() {
        return status.get();
    }

    @Override
    public long startTime() {
        return startTime;
    }

    @Override
    public long endTime() {
        return endTime;
    }

    @Override
    public List<VertexInfo> vertices() {
        return List.copyOf(vertices);
    }

    @Override
    public List<EdgeInfo> edges() {
        return List.copyOf(edges);
    }

    @Override
    public SubtaskSample[] sample(int vertexIndex) {
        long now = System.nanoTime();
        TaskMetrics[] mine = tasks[vertexIndex];
        long[] out = new long[mine.length];
        for (TaskMetrics[] vertex : tasks) {
            for (TaskMetrics consumer : vertex) {
                TaskMetrics.ChannelCounts c = consumer.channels();
                for (int ch = 0; ch < c.producerVertex().length; ch++) {
                    if (c.producerVertex()[ch] == vertexIndex) {
                        out[c.producerSubtask()[ch]] += c.records().get(ch);
                    }
                }
            }
        }
        SubtaskSample[] samples = new SubtaskSample[mine.length];
        for (int s = 0; s < mine.length; s++) {
            TaskMetrics t = mine[s];
            samples[s] = new SubtaskSample(s, t.recordsIn(), out[s], t.watermark(), t.backpressuredNanos(now), now, t.isFinished());
        }
        return samples;
    }

    @Override
    public JobStatus vertexStatus(int vertexIndex) {
        JobStatus job = status();
        if (job != JobStatus.RUNNING) {
            return job;
        }
        for (TaskMetrics t : tasks[vertexIndex]) {
            if (!t.isFinished()) {
                return JobStatus.RUNNING;
            }
        }
        return JobStatus.FINISHED;
    }

    @Override
    public List<CheckpointRecord> checkpoints() {
        return checkpoints.records();
    }

    @Override
    public CheckpointHistory.Counts checkpointCounts() {
        return checkpoints.counts();
    }

    @Override
    public List<ExceptionRecord> exceptions() {
        return List.copyOf(exceptions);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory) {
        return stop.stop(advanceToEndOfEventTime, savepointDirectory);
    }

    @Override
    public JobClient client() {
        return client;
    }
}
