package dev.weir.engine.exec;

import dev.weir.api.connector.source.ReaderInfo;
import dev.weir.api.connector.source.SourceEvent;
import dev.weir.api.connector.source.SourceSplit;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;
import dev.weir.api.connector.source.SplitsAssignment;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.engine.checkpoint.CheckpointAcknowledger;
import dev.weir.engine.checkpoint.CheckpointParticipant;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.checkpoint.RestoredJob;
import dev.weir.engine.metrics.OperatorMetricGroup;
import dev.weir.metrics.MetricGroup;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Runs the {@link SplitEnumerator} of one {@link EnumeratedSource} for one job attempt: creates or restores it, calls
 * it on one thread of its own, delivers its assignments and events to the readers through their {@link ReaderGateway}s,
 * and takes part in checkpoints as a task of its own: a checkpoint snapshots the enumerator on its thread, then
 * triggers the readers through the same gateways. Its state is stored as operator {@code <source id>}{@value
 * RestoredJob#ENUMERATOR_ID_SUFFIX}. A failure of the enumerator is kept and thrown by every reader's task, which
 * fails the job.
 */
final class SourceCoordinator<SplitT extends SourceSplit, EnumChkT> implements SplitEnumeratorContext<SplitT>, CheckpointParticipant {
    /** The operator-state entry holding the enumerator's snapshot. */
    static final String ENUMERATOR_STATE = "_enumerator";
    private static final long CLOSE_TIMEOUT_SECONDS = 10;

    private final String name;
    private final String operatorId;
    private final EnumeratedSource<?, SplitT, EnumChkT> source;
    private final ReaderGateway[] gateways;
    private final TaskCheckpoints[] readerCheckpoints;
    private final Restore<EnumChkT> restore;
    private final int taskIndex;
    private final CheckpointAcknowledger acknowledger;
    private final ScheduledThreadPoolExecutor thread;
    private final ScheduledThreadPoolExecutor worker;
    private final Map<Integer, ReaderInfo> registered = new ConcurrentHashMap<>();
    private final MetricGroup metrics;
    private volatile Throwable failure;
    /** Touched on the coordinator thread only. */
    private SplitEnumerator<SplitT, EnumChkT> enumerator;

    /**
     * What a restored enumerator resumes from: its snapshot, and (at a changed parallelism) the splits of each old
     * reader, which go back to it.
     */
    record Restore<C>(C checkpoint, Map<Integer, List<?>> returnedSplits) {
    }

    SourceCoordinator(String name, String operatorId, EnumeratedSource<?, SplitT, EnumChkT> source, int parallelism,
                      Restore<EnumChkT> restore, int taskIndex, CheckpointAcknowledger acknowledger) {
        this.name = name;
        this.operatorId = operatorId;
        this.source = source;
        this.restore = restore;
        this.taskIndex = taskIndex;
        this.acknowledger = acknowledger;
        this.gateways = new ReaderGateway[parallelism];
        for (int i = 0; i < parallelism; i++) {
            gateways[i] = new ReaderGateway();
        }
        this.readerCheckpoints = new TaskCheckpoints[parallelism];
        this.metrics = new OperatorMetricGroup(name + ".enumerator");
        ClassLoader userClassLoader = Thread.currentThread().getContextClassLoader();
        this.thread = daemonExecutor("weir-source-coordinator-" + name, userClassLoader);
        this.worker = daemonExecutor("weir-source-coordinator-" + name + "-worker", userClassLoader);
        thread.execute(guarded(this::createEnumerator));
    }

    private static ScheduledThreadPoolExecutor daemonExecutor(String threadName, ClassLoader userClassLoader) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            t.setContextClassLoader(userClassLoader);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private void createEnumerator() throws Exception {
        enumerator = restore == null ? source.createEnumerator(this) : source.restoreEnumerator(this, restore.checkpoint());
        if (restore != null) {
            for (Map.Entry<Integer, List<?>> returned : new TreeMap<>(restore.returnedSplits()).entrySet()) {
                @SuppressWarnings("unchecked")
                List<SplitT> splits = (List<SplitT>) returned.getValue();
                if (!splits.isEmpty()) {
                    enumerator.addSplitsBack(splits, returned.getKey());
                }
            }
        }
        enumerator.start();
    }

    /** The gateway of reader {@code subtask} and, for drains, its task's checkpoints. */
    ReaderGateway connect(int subtask, TaskCheckpoints checkpoints) {
        readerCheckpoints[subtask] = checkpoints;
        return gateways[subtask];
    }

    /** Reader {@code subtask} started (from its task thread): the enumerator hears of it on its own thread. */
    void registerReader(int subtask) {
        registered.put(subtask, new ReaderInfo(subtask, "localhost"));
        runInCoordinatorThread(() -> enumerator.addReader(subtask));
    }

    /** Reader {@code subtask} asks for a split. */
    void splitRequest(int subtask) {
        runInCoordinatorThread(() -> enumerator.handleSplitRequest(subtask, "localhost"));
    }

    /** An event from reader {@code subtask}, for the enumerator. */
    void eventFromReader(int subtask, SourceEvent event) {
        runInCoordinatorThread(() -> enumerator.handleSourceEvent(subtask, event));
    }

    /** What failed the enumerator, or null; the readers' tasks throw it. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp) {
        Throwable failed = failure;
        if (failed != null) {
            acknowledger.decline(checkpointId, taskIndex, failed);
            return;
        }
        execute(() -> {
            EnumChkT state;
            try {
                state = enumerator.snapshotState(checkpointId);
            } catch (Throwable t) {
                acknowledger.decline(checkpointId, taskIndex, new IllegalStateException("the split enumerator of " + name
                        + " failed to snapshot its state: " + t, t));
                return;
            }
            OperatorStateSnapshot snapshot = new OperatorStateSnapshot();
            snapshot.put(ENUMERATOR_STATE, OperatorStateSnapshot.Mode.BROADCAST, java.util.Collections.singletonList(state));
            acknowledger.acknowledge(checkpointId, taskIndex, List.of(new OperatorSubtaskSnapshot(
                    operatorId + RestoredJob.ENUMERATOR_ID_SUFFIX, name + " (split enumerator)", 1, 1, 0, snapshot, 0, null)));
            // After the snapshot, on this thread: whatever the enumerator sent before it reaches each reader first.
            for (int i = 0; i < gateways.length; i++) {
                // A finished reader takes part with its finished snapshot and no longer reads its gateway.
                if (readerCheckpoints[i] == null || readerCheckpoints[i].finishedSnapshot() == null) {
                    gateways[i].checkpoint(checkpointId, timestamp);
                }
            }
        });
    }

    @Override
    public void drain() {
        for (TaskCheckpoints reader : readerCheckpoints) {
            if (reader != null) {
                reader.drain();
            }
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        onThread(() -> enumerator.notifyCheckpointComplete(checkpointId));
    }

    @Override
    public List<OperatorSubtaskSnapshot> finishedSnapshot() {
        return null;
    }

    /** Closes the enumerator on its thread and stops the threads; called once the attempt's tasks have all ended. */
    void close() {
        execute(guarded(() -> {
            if (enumerator != null) {
                enumerator.close();
            }
        }));
        worker.shutdownNow();
        thread.shutdown();
        try {
            thread.awaitTermination(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public MetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
        gateway(subtaskId, "send " + event).event(event);
    }

    @Override
    public int currentParallelism() {
        return gateways.length;
    }

    @Override
    public Map<Integer, ReaderInfo> registeredReaders() {
        return Map.copyOf(registered);
    }

    @Override
    public void assignSplits(SplitsAssignment<SplitT> newSplitAssignments) {
        for (Map.Entry<Integer, List<SplitT>> e : newSplitAssignments.assignment().entrySet()) {
            if (!registered.containsKey(e.getKey())) {
                throw new IllegalStateException("The split enumerator of " + name + " assigned " + e.getValue() + " to subtask "
                        + e.getKey() + ", which has not registered: assign splits to registeredReaders() only (addReader tells "
                        + "when a reader registers)");
            }
        }
        newSplitAssignments.assignment().forEach((subtask, splits) -> gateways[subtask].assign(splits));
    }

    @Override
    public void signalNoMoreSplits(int subtask) {
        gateway(subtask, "signal no more splits").noMoreSplits();
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        try {
            worker.execute(() -> callThenHandle(callable, handler));
        } catch (RejectedExecutionException closed) {
            // The attempt ended: nothing is called any more.
        }
    }

    @Override
    public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler, long initialDelay, long period) {
        try {
            if (period > 0) {
                worker.scheduleWithFixedDelay(() -> callThenHandle(callable, handler), initialDelay, period, TimeUnit.MILLISECONDS);
            } else {
                worker.schedule(() -> callThenHandle(callable, handler), initialDelay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException closed) {
            // The attempt ended: nothing is called any more.
        }
    }

    private <T> void callThenHandle(Callable<T> callable, BiConsumer<T, Throwable> handler) {
        T result = null;
        Throwable error = null;
        try {
            result = callable.call();
        } catch (Throwable t) {
            error = t;
        }
        T r = result;
        Throwable e = error;
        try {
            runInCoordinatorThread(() -> handler.accept(r, e));
        } catch (Throwable noRoom) {
            if (failure == null) {
                failure = describedFailure(noRoom);
            }
        }
    }

    @Override
    public void runInCoordinatorThread(Runnable runnable) {
        onThread(runnable::run);
    }

    private void onThread(ThrowingRunnable work) {
        try {
            thread.execute(guarded(work));
        } catch (RejectedExecutionException closed) {
            // The attempt ended: the enumerator is closed and hears nothing more.
        }
    }

    private void execute(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException closed) {
            // The attempt ended: its pending checkpoints were aborted.
        }
    }

    private ReaderGateway gateway(int subtask, String what) {
        if (subtask < 0 || subtask >= gateways.length) {
            throw new IllegalArgumentException("The split enumerator of " + name + " tried to " + what + " to subtask " + subtask
                    + ", but the source has subtasks 0 to " + (gateways.length - 1));
        }
        return gateways[subtask];
    }

    /** Work for the coordinator thread that stops once the enumerator failed, and records its own failure. */
    private Runnable guarded(ThrowingRunnable work) {
        return () -> {
            if (failure != null) {
                return;
            }
            try {
                work.run();
            } catch (Throwable t) {
                failure = describedFailure(t);
            }
        };
    }

    /**
     * What the readers' tasks throw for {@code t}: a message naming the enumerator, or {@code t} itself when there is
     * no room for one (an {@link OutOfMemoryError}); an exception escaping a task of the coordinator's executors would
     * be kept in its future, unseen, and the readers would wait for the enumerator forever.
     */
    private Throwable describedFailure(Throwable t) {
        try {
            return new IllegalStateException("The split enumerator of " + name + " failed: " + t, t);
        } catch (Throwable noRoom) {
            return t;
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
