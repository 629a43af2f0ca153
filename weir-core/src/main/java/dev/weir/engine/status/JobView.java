package dev.weir.engine.status;

import dev.weir.core.execution.JobClient;
import dev.weir.api.common.JobStatus;
import java.util.List;

/**
 * What the engine shows of one job to readers outside it (the dashboard, the REST API, metrics exporters): identity,
 * state, the graph after chaining, live subtask counters, checkpoints and failures, and the job's client for actions.
 * Every method may be called from any thread at any time; none of them slows the job down.
 */
public interface JobView {
    String id();

    String name();

    JobStatus status();

    /** Wall-clock start, in epoch millis. */
    long startTime();

    /** Wall-clock end in epoch millis, or -1 while the job has not ended. */
    long endTime();

    /** The vertices (chains) in topological order. */
    List<VertexInfo> vertices();

    /** The edges between vertices. */
    List<EdgeInfo> edges();

    /** The counters of every subtask of vertex number {@code vertexIndex} (its index in {@link #vertices()}). */
    SubtaskSample[] sample(int vertexIndex);

    /** RUNNING, FINISHED, CANCELED, ... for one vertex, from the job's state and whether all its subtasks finished. */
    JobStatus vertexStatus(int vertexIndex);

    List<CheckpointRecord> checkpoints();

    /** Every checkpoint counted since the job started (the history keeps only the latest), as Flink's metrics count them. */
    CheckpointHistory.Counts checkpointCounts();

    List<ExceptionRecord> exceptions();

    /** Cancel, savepoint, stop with savepoint. */
    JobClient client();

    /**
     * Stops the job with a savepoint; unlike {@link JobClient#stopWithSavepoint}, which completes once the job has
     * ended (as Flink's), this completes as soon as the savepoint is written and the job told to stop: what a remote
     * caller must hear before the process that hosts the job may exit.
     */
    java.util.concurrent.CompletableFuture<String> stopWithSavepoint(boolean advanceToEndOfEventTime, String savepointDirectory);
}
