package dev.weir.engine.checkpoint;

import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import dev.weir.engine.checkpoint.storage.CheckpointWriter;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the checkpoints of one job attempt: triggers the sources every interval (or on request, for savepoints),
 * collects every task's acknowledgement, writes the snapshots on an I/O thread (serialization off the task threads),
 * completes the checkpoint by writing its metadata, and tells the tasks, so that sinks commit. A checkpoint that
 * times out or is declined is aborted; more failures in a row than tolerated fail the job.
 *
 * <p>Never silent: a failure at any stage (the storage refusing to start it, a task declining, a write, the metadata,
 * the timeout) is recorded as a FAILED checkpoint with its reason in the history and the log, counts against
 * {@code execution.checkpointing.tolerable-failed-checkpoints} (savepoints do not, as in Flink), and the periodic
 * schedule goes on: the next checkpoint is attempted at its time.
 */
public final class CheckpointCoordinator implements CheckpointAcknowledger {
    private static final System.Logger LOG = new dev.weir.engine.status.OnDemandLogger(CheckpointCoordinator.class.getName());
    private final String jobName;
    private final CheckpointOptions options;
    private final CheckpointStorage storage;
    private List<CheckpointParticipant> tasks = List.of();
    private List<CheckpointParticipant> sources = List.of();
    private final Consumer<Throwable> failJob;
    private final CheckpointThreads threads;
    /** A class, not {@code ThreadLocal.withInitial(...)}: every job makes its coordinator while starting. */
    private final ThreadLocal<StateSerializer> serializers = new ThreadLocal<>() {
        @Override
        protected StateSerializer initialValue() {
            return StateSerializers.create();
        }
    };
    private final TreeMap<Long, Pending> pending = new TreeMap<>();
    private long nextId;
    private long lastCompletedAt;
    private int consecutiveFailures;
    private boolean shutdown;
    /** Set by {@link #triggerFinal()}: no periodic checkpoint starts after it, so none can subsume the final one. */
    private boolean finalRequested;
    /**
     * Set when a task of the attempt failed: a checkpoint whose last acknowledgement arrives after that is aborted (by
     * {@link #shutdown()}) rather than completed, as Flink aborts pending checkpoints on a failover. Completed, it would
     * become the latest one in the middle of the failure, ahead of the one the restart was decided from.
     */
    private volatile boolean attemptFailed;
    /**
     * How many completions are between leaving {@code pending} and handing their notifications to the tasks. No
     * periodic checkpoint is triggered meanwhile, so that every task hears "checkpoint N completed" before the barrier
     * of N + 1 (a task's mailbox keeps that order), as a sink committing on the notification expects.
     */
    private int completing;
    private dev.weir.engine.status.CheckpointHistory history = new dev.weir.engine.status.CheckpointHistory();

    public CheckpointCoordinator(String jobName, CheckpointOptions options, CheckpointStorage storage, long firstCheckpointId,
                                 List<CheckpointParticipant> tasks, List<CheckpointParticipant> sources, Consumer<Throwable> failJob) {
        this.jobName = jobName;
        this.options = options;
        this.storage = storage;
        this.failJob = failJob;
        this.nextId = firstCheckpointId;
        // The job's user-code class loader, set by the job on the thread that builds its attempts: the I/O thread
        // serializes state objects of the job's classes with it.
        this.threads = new CheckpointThreads(jobName, Thread.currentThread().getContextClassLoader());
    }

    /** The tasks of the attempt, by task index, and its source tasks; set once, before the attempt starts. */
    public void setParticipants(List<CheckpointParticipant> tasks, List<CheckpointParticipant> sources) {
        this.tasks = List.copyOf(tasks);
        this.sources = List.copyOf(sources);
    }

    /** Where the job's dashboard reads the checkpoints from; set before the attempt starts. */
    public void setHistory(dev.weir.engine.status.CheckpointHistory history) {
        this.history = history;
    }

    /** Asks every source to emit the final watermark, so all event-time timers fire (stop with drain). */
    public void drainSources() {
        for (CheckpointParticipant source : sources) {
            source.drain();
        }
    }

    /** Starts periodic checkpoints. */
    public synchronized void start() {
        if (shutdown) {
            // The attempt already ended (a task failed while starting): its timer is gone, and nothing is left to checkpoint.
            return;
        }
        // Builds the I/O thread's serializer now, while the job starts: its first use costs far more than a checkpoint.
        threads.io().execute(serializers::get);
        long interval = options.interval();
        threads.timer().scheduleWithFixedDelay(this::periodicTrigger, interval, Math.max(10, interval / 4), TimeUnit.MILLISECONDS);
    }

    private void periodicTrigger() {
        try {
            periodicTriggerIfDue();
        } catch (Throwable t) {
            // An exception escaping here would end the timer's schedule for good: checkpoints would stop unnoticed.
            LOG.log(System.Logger.Level.ERROR, "The periodic checkpoint trigger of job '" + jobName + "' failed; it goes on", t);
        }
    }

    private void periodicTriggerIfDue() {
        long now = System.currentTimeMillis();
        synchronized (this) {
            if (shutdown || attemptFailed || completing > 0 || pending.size() >= options.maxConcurrent()
                    || now - lastCompletedAt < options.minPause()) {
                return;
            }
            if (!pending.isEmpty() && now - pending.lastEntry().getValue().startedAt < options.interval()) {
                return;
            }
            if (now - lastTriggeredAt < options.interval()) {
                return;
            }
        }
        trigger(null, true);
    }

    private long lastTriggeredAt;

    /**
     * Triggers the final checkpoint, once every task finished. Periodic checkpoints stop first: one triggered after it
     * would complete first (finished tasks acknowledge at once) and subsume it, failing the job's end.
     */
    public CompletableFuture<String> triggerFinal() {
        synchronized (this) {
            finalRequested = true;
        }
        return trigger(null, false);
    }

    /**
     * Triggers a checkpoint, or a savepoint into {@code savepointDirectory} when it is not null; the future completes
     * with the path of the completed checkpoint.
     */
    public CompletableFuture<String> trigger(String savepointDirectory) {
        return trigger(savepointDirectory, false);
    }

    private CompletableFuture<String> trigger(String savepointDirectory, boolean periodic) {
        Pending p;
        long id;
        long now;
        synchronized (this) {
            if (shutdown || attemptFailed) {
                return CompletableFuture.failedFuture(new IllegalStateException("the job is not running"));
            }
            if (periodic && finalRequested) {
                return CompletableFuture.failedFuture(new IllegalStateException("the final checkpoint was triggered"));
            }
            id = nextId++;
            now = System.currentTimeMillis();
            lastTriggeredAt = now;
        }
        CheckpointWriter writer;
        try {
            writer = savepointDirectory == null ? storage.begin(id, false) : storage.beginSavepoint(savepointDirectory, id);
        } catch (Throwable t) {
            String what = savepointDirectory == null ? "Checkpoint " : "Savepoint ";
            IllegalStateException reason = new IllegalStateException(what + id + " of job '" + jobName + "' could not start: "
                    + t.getMessage() + " (check that the " + (savepointDirectory == null ? "checkpoint storage " + storage.location()
                    : "savepoint directory " + savepointDirectory) + " can be created and written)", t);
            history.triggered(id, now, savepointDirectory != null);
            return failedToStart(id, savepointDirectory != null, reason);
        }
        synchronized (this) {
            if (shutdown) {
                writer.abort();
                return CompletableFuture.failedFuture(new IllegalStateException("the job is not running"));
            }
            p = new Pending(id, now, writer, savepointDirectory != null);
            pending.put(id, p);
            history.triggered(id, now, savepointDirectory != null);
            p.expiry = threads.timer().schedule(() -> expire(id), options.timeout(), TimeUnit.MILLISECONDS);
        }
        for (int i = 0; i < tasks.size(); i++) {
            List<OperatorSubtaskSnapshot> finished = tasks.get(i).finishedSnapshot();
            if (finished != null) {
                acknowledge(p.id, i, finished);
            }
        }
        for (CheckpointParticipant source : sources) {
            source.triggerCheckpoint(p.id, p.startedAt);
        }
        return p.result;
    }

    private CompletableFuture<String> failedToStart(long id, boolean savepoint, Throwable reason) {
        Pending p = new Pending(id, System.currentTimeMillis(), null, savepoint);
        failed(p, reason);
        return p.result;
    }

    @Override
    public void acknowledge(long checkpointId, int taskIndex, List<OperatorSubtaskSnapshot> snapshots) {
        Pending p;
        synchronized (this) {
            p = pending.get(checkpointId);
            if (p == null || p.acked.get(taskIndex)) {
                for (OperatorSubtaskSnapshot s : snapshots) {
                    release(s);
                }
                return;
            }
            p.acked.set(taskIndex);

            p.writesInFlight++;
        }
        threads.io().execute(() -> write(p, taskIndex, snapshots));
    }

    private void write(Pending p, int taskIndex, List<OperatorSubtaskSnapshot> snapshots) {
        try {
            StateSerializer serializer = serializers.get();
            for (OperatorSubtaskSnapshot s : snapshots) {
                if (s.deferredKeyGroups() != null) {
                    writeDeferred(p, s, serializer);
                    continue;
                }
                byte[][] groups = new byte[s.keyGroups() == null ? 0 : s.keyGroups().length][];
                for (int i = 0; i < groups.length; i++) {
                    groups[i] = serializer.serialize(s.keyGroups()[i]);
                }
                if (s.keyedStateFiles() == null) {
                    p.writer.writeSubtask(s.operatorId(), s.operatorName(), s.parallelism(), s.maxParallelism(), s.subtask(),
                            serializer.serialize(s.operatorState()), s.firstKeyGroup(), groups);
                } else {
                    p.writer.writeSubtask(s.operatorId(), s.operatorName(), s.parallelism(), s.maxParallelism(), s.subtask(),
                            serializer.serialize(s.operatorState()), s.firstKeyGroup(), groups, s.keyedStateFiles().write(p.writer));
                }
            }
        } catch (Throwable t) {
            Throwable reason;
            try {
                reason = new IllegalStateException("writing the state of task " + taskIndex + " failed: " + t, t);
            } catch (Throwable noRoom) {
                reason = t;
            }
            abort(p.id, reason);
            return;
        } finally {
            for (OperatorSubtaskSnapshot s : snapshots) {
                release(s);
            }
        }
        boolean complete;
        synchronized (this) {
            p.writesInFlight--;
            complete = !attemptFailed && pending.get(p.id) == p && p.writesInFlight == 0 && p.acked.cardinality() == tasks.size();
            if (complete) {
                pending.remove(p.id);
                p.cancelExpiry();
                completing++;
            }
        }
        if (complete) {
            try {
                complete(p);
            } finally {
                synchronized (this) {
                    completing--;
                }
            }
        }
    }

    /**
     * Writes a subtask whose backend's key groups are read one at a time from its copy: each is completed, serialized,
     * written and dropped before the next, so the keyed state is never all on the heap.
     */
    private static void writeDeferred(Pending p, OperatorSubtaskSnapshot s, StateSerializer serializer) throws Exception {
        KeyGroupSnapshot[] groups = s.keyGroups();
        p.writer.writeSubtask(s.operatorId(), s.operatorName(), s.parallelism(), s.maxParallelism(), s.subtask(),
                serializer.serialize(s.operatorState()), s.firstKeyGroup(), groups.length, i -> {
                    KeyGroupSnapshot group = groups[i];
                    groups[i] = null;
                    s.deferredKeyGroups().fill(group);
                    return serializer.serialize(group);
                });
    }

    /** Deletes the local copies a subtask's snapshot holds (files, a deferred copy), written or not. */
    private static void release(OperatorSubtaskSnapshot s) {
        if (s.keyedStateFiles() != null) {
            s.keyedStateFiles().release();
        }
        if (s.deferredKeyGroups() != null) {
            s.deferredKeyGroups().release();
        }
    }

    private void complete(Pending p) {
        String path;
        long completedAt;
        try {
            p.writer.complete();
            completedAt = System.currentTimeMillis();
            path = p.writer.location();
            if (!p.savepoint) {
                storage.retain(options.retained());
            }
        } catch (Throwable t) {
            failed(p, t);
            return;
        }
        List<Pending> subsumed = new ArrayList<>();
        synchronized (this) {
            lastCompletedAt = System.currentTimeMillis();
            consecutiveFailures = 0;
            latestCompleted = Math.max(latestCompleted, p.id);
            // Older pending checkpoints can no longer complete usefully: subsume them. Not a savepoint, as in Flink: the
            // user asked for it (a stop-with-savepoint waits for it), and a periodic checkpoint overtaking a slow one is
            // no reason to fail it.
            for (Iterator<Map.Entry<Long, Pending>> it = pending.headMap(p.id).entrySet().iterator(); it.hasNext(); ) {
                Pending older = it.next().getValue();
                if (older.savepoint) {
                    continue;
                }
                it.remove();
                older.cancelExpiry();
                older.writer.abort();
                subsumed.add(older);
            }
        }
        for (Pending older : subsumed) {
            // Subsumed is no failure (Flink does not count it either), but the history must not show it in progress forever.
            IllegalStateException reason = new IllegalStateException("checkpoint " + older.id + " was subsumed by " + p.id);
            history.failed(older.id, reason);
            older.result.completeExceptionally(reason);
        }
        history.completed(p.id, path, completedAt);
        Throwable notifyFailure = null;
        for (CheckpointParticipant t : tasks) {
            try {
                t.notifyCheckpointComplete(p.id);
            } catch (Throwable e) {
                // A finished task's operators are notified on this thread (a running task's in its own): what they
                // throw fails the job, as in a running task, instead of ending this thread with the checkpoint's
                // result never completed (the final checkpoint would wait for it forever).
                if (notifyFailure == null) {
                    notifyFailure = e;
                }
            }
        }
        p.result.complete(path);
        if (notifyFailure != null) {
            failJob.accept(notifyFailure);
        }
    }

    private long latestCompleted = -1;

    /** The id of the latest checkpoint this coordinator completed, or -1. */
    public synchronized long latestCompletedId() {
        return latestCompleted;
    }

    @Override
    public synchronized boolean isSavepoint(long checkpointId) {
        Pending p = pending.get(checkpointId);
        return p != null && p.savepoint;
    }

    @Override
    public void decline(long checkpointId, int taskIndex, Throwable reason) {
        abort(checkpointId, new IllegalStateException("task " + taskIndex + " declined checkpoint " + checkpointId + ": " + reason, reason));
    }

    @Override
    public void taskFinished(int taskIndex) {
        List<Long> open;
        synchronized (this) {
            open = new ArrayList<>(pending.keySet());
        }
        List<OperatorSubtaskSnapshot> finished = tasks.get(taskIndex).finishedSnapshot();
        for (long id : open) {
            acknowledge(id, taskIndex, finished);
        }
    }

    private void expire(long checkpointId) {
        Throwable reason;
        try {
            reason = new IllegalStateException("checkpoint " + checkpointId + " expired after " + options.timeout()
                    + " ms before all tasks acknowledged it (raise CheckpointConfig#setCheckpointTimeout, or look for a blocked task)");
        } catch (Throwable noRoom) {
            // Thrown out of this timer task, it would vanish in the task's future and the checkpoint (the final one a
            // job's end waits for among them) would never end: it ends with the error instead.
            reason = noRoom;
        }
        abort(checkpointId, reason);
    }

    private void abort(long checkpointId, Throwable reason) {
        Pending p;
        synchronized (this) {
            p = pending.remove(checkpointId);
        }
        if (p != null) {
            p.cancelExpiry();
            p.writer.abort();
            failed(p, reason);
        }
    }

    private void failed(Pending p, Throwable reason) {
        boolean tooMany;
        boolean stopped;
        int inARow;
        synchronized (this) {
            stopped = shutdown;
            if (!p.savepoint && !stopped) {
                consecutiveFailures++;
            }
            tooMany = !p.savepoint && !stopped && consecutiveFailures > options.tolerableFailures();
            inARow = consecutiveFailures;
            if (tooMany) {
                // The job fails now: no further checkpoint is triggered while its tasks stop.
                shutdown = true;
            }
        }
        try {
            history.failed(p.id, reason);
            LOG.log(System.Logger.Level.WARNING, (p.savepoint ? "Savepoint " : "Checkpoint ") + p.id + " of job '" + jobName + "' failed"
                    + (p.savepoint ? "" : " (" + inARow + " in a row, " + options.tolerableFailures() + " tolerated)")
                    + ": " + reason.getMessage());
        } catch (Throwable noRoom) {
            // Only the record of the failure is lost (an OutOfMemoryError): whoever waits for the checkpoint hears of it below.
        }
        p.result.completeExceptionally(reason);
        if (tooMany) {
            Throwable tooManyFailures;
            try {
                tooManyFailures = new IllegalStateException("Exceeded checkpoint tolerable failure threshold ("
                        + options.tolerableFailures() + "): " + reason.getMessage(), reason);
            } catch (Throwable noRoom) {
                tooManyFailures = reason;
            }
            failJob.accept(tooManyFailures);
        }
    }

    /**
     * A task failed: no checkpoint starts or completes from now on, and {@link #shutdown()} aborts the pending ones once
     * the attempt's workers stopped. Allocates nothing (it runs when the heap may be full) and takes no lock.
     */
    public void attemptFailed() {
        attemptFailed = true;
    }

    /** Stops triggering and aborts pending checkpoints; called when the attempt ends. */
    public void shutdown() {
        List<Pending> open;
        synchronized (this) {
            shutdown = true;
            open = new ArrayList<>(pending.values());
            pending.clear();
        }
        for (Pending p : open) {
            p.cancelExpiry();
            p.writer.abort();
            history.failed(p.id, new IllegalStateException("aborted: the job stopped"));
            p.result.completeExceptionally(new IllegalStateException("checkpoint " + p.id + " was aborted: the job stopped"));
        }
        threads.shutdown();
    }

    /** How many expiry tasks the timer still holds: one per open checkpoint (package-private, for tests). */
    int scheduledExpiries() {
        return threads.oneShotTasks();
    }

    public synchronized long nextCheckpointId() {
        return nextId;
    }

    private static final class Pending {
        final long id;
        final long startedAt;
        final CheckpointWriter writer;
        final boolean savepoint;
        final BitSet acked = new BitSet();
        final CompletableFuture<String> result = new CompletableFuture<>();
        int writesInFlight;
        /** The task that aborts this checkpoint at its timeout; null until scheduled. Guarded by the coordinator. */
        ScheduledFuture<?> expiry;

        Pending(long id, long startedAt, CheckpointWriter writer, boolean savepoint) {
            this.id = id;
            this.startedAt = startedAt;
            this.writer = writer;
            this.savepoint = savepoint;
        }

        void cancelExpiry() {
            ScheduledFuture<?> scheduled = expiry;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
