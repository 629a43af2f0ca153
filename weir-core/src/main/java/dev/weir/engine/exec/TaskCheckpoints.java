package dev.weir.engine.exec;

import dev.weir.engine.checkpoint.CheckpointAcknowledger;
import dev.weir.engine.checkpoint.CheckpointParticipant;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A task's side of checkpointing: an inbox for the coordinator's requests (handled on the task's thread between
 * records), the acknowledgement of snapshots, and the finished snapshot a task leaves behind when it ends, with which
 * it takes part in later checkpoints.
 */
final class TaskCheckpoints implements CheckpointParticipant {
    /** The operator-state entry that marks a finished subtask. */
    static final String FINISHED = "_finished";

    private static final long TRIGGER = 0;
    private static final long COMPLETE = 1;
    private static final long DRAIN = 2;

    private final int taskIndex;
    private final CheckpointAcknowledger acknowledger;
    private final Chain chain;
    private final ConcurrentLinkedQueue<long[]> inbox = new ConcurrentLinkedQueue<>();
    private volatile List<OperatorSubtaskSnapshot> finishedSnapshot;

    TaskCheckpoints(int taskIndex, CheckpointAcknowledger acknowledger, Chain chain) {
        this.taskIndex = taskIndex;
        this.acknowledger = acknowledger;
        this.chain = chain;
    }

    @Override
    public void triggerCheckpoint(long checkpointId, long timestamp) {
        inbox.add(new long[] {TRIGGER, checkpointId, timestamp});
    }

    @Override
    public void drain() {
        inbox.add(new long[] {DRAIN, 0, 0});
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (finishedSnapshot != null) {
            // The task no longer runs its operators: let the sinks commit their final output from here.
            chain.notifyCheckpointComplete(checkpointId);
        } else {
            inbox.add(new long[] {COMPLETE, checkpointId, 0});
        }
    }

    @Override
    public List<OperatorSubtaskSnapshot> finishedSnapshot() {
        return finishedSnapshot;
    }

    /** Whether the coordinator sent requests that {@link #processInbox} has not handled yet. */
    boolean hasRequests() {
        return !inbox.isEmpty();
    }

    /** Handles the coordinator's requests on the task thread; returns how many there were. */
    int processInbox(Triggerable source) throws Exception {
        int n = 0;
        long[] request;
        while ((request = inbox.poll()) != null) {
            n++;
            if (request[0] == COMPLETE) {
                chain.notifyCheckpointComplete(request[1]);
                if (source != null) {
                    source.checkpointComplete(request[1]);
                }
            } else if (source != null && request[0] == DRAIN) {
                source.drain();
            } else if (source != null) {
                source.takeCheckpoint(request[1], request[2]);
            }
        }
        return n;
    }

    void acknowledge(long checkpointId, List<OperatorSubtaskSnapshot> snapshots) {
        acknowledger.acknowledge(checkpointId, taskIndex, snapshots);
    }

    boolean isSavepoint(long checkpointId) {
        return acknowledger.isSavepoint(checkpointId);
    }

    void decline(long checkpointId, Throwable reason) {
        acknowledger.decline(checkpointId, taskIndex, reason);
    }

    /**
     * The task ended all its work: records its finished snapshot (operator state such as a sink's final
     * committables, no keyed state — a finished task never runs again) and tells the coordinator.
     */
    void finished(List<OperatorSubtaskSnapshot> finalState) {
        List<OperatorSubtaskSnapshot> marked = new ArrayList<>(finalState.size());
        for (OperatorSubtaskSnapshot s : finalState) {
            OperatorStateSnapshot state = s.operatorState();
            state.put(FINISHED, OperatorStateSnapshot.Mode.SUBTASK, List.of(Boolean.TRUE));
            marked.add(new OperatorSubtaskSnapshot(s.operatorId(), s.operatorName(), s.parallelism(), s.maxParallelism(),
                    s.subtask(), state, 0, null));
        }
        finishedSnapshot = marked;
        acknowledger.taskFinished(taskIndex);
        long[] request;
        while ((request = inbox.poll()) != null) {
            if (request[0] == COMPLETE) {
                chain.notifyCheckpointComplete(request[1]);
            }
        }
    }

    /** A source task takes its checkpoint when triggered. */
    interface Triggerable {
        void takeCheckpoint(long checkpointId, long timestamp) throws Exception;

        /** Emits the final watermark ahead of a stop with savepoint. */
        void drain() throws Exception;

        /** Tells the source's reader that a checkpoint with its position completed. */
        void checkpointComplete(long checkpointId) throws Exception;
    }
}
