package dev.weir.engine.exec;

import dev.weir.engine.checkpoint.DeferredKeyGroups;
import dev.weir.engine.checkpoint.FileSnapshottingBackend;
import dev.weir.engine.checkpoint.StreamingSavepointBackend;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.KeyedStateFileSnapshot;
import dev.weir.engine.checkpoint.KeyedStateSnapshots;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.operators.OperatorFailure;
import dev.weir.engine.operators.StreamOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * The operators of one subtask of a chain, in topological order (the head first). Opens them tail first, so each
 * operator's consumers are ready before it emits; ends and closes them head first; snapshots them together.
 */
final class Chain {
    private final ChainMember[] members;

    Chain(List<ChainMember> members) {
        this.members = members.toArray(new ChainMember[0]);
    }

    List<ChainMember> members() {
        return List.of(members);
    }

    void open() throws Exception {
        for (int i = members.length - 1; i >= 0; i--) {
            StreamOperator op = members[i].operator();
            try {
                op.open();
            } catch (Throwable t) {
                throw OperatorFailure.wrap(op, "in open()", t);
            }
        }
    }

    /** Whether an operator of the chain stopped an emission for its task's backlog; nothing else may run then. */
    boolean hasPendingOutput() {
        for (ChainMember m : members) {
            if (m.operator().hasPendingOutput()) {
                return true;
            }
        }
        return false;
    }

    /** Resumes the stopped emission (one operator at a time has one: it stops nothing but its own firing). */
    void resumeOutput() {
        for (ChainMember m : members) {
            if (m.operator().hasPendingOutput()) {
                try {
                    m.operator().resumeOutput();
                } catch (Throwable t) {
                    throw OperatorFailure.wrap(m.operator(), "resuming its output", t);
                }
                return;
            }
        }
    }

    void endInput() {
        for (ChainMember m : members) {
            try {
                m.operator().endInput();
            } catch (Throwable t) {
                throw OperatorFailure.wrap(m.operator(), "at the end of its input", t);
            }
        }
    }

    /**
     * The chain's part of a checkpoint. A finished task's snapshot leaves keyed state out ({@code withKeyedState}
     * false): the task never runs again, so only its operator state (e.g. a sink's last committables) matters.
     */
    List<OperatorSubtaskSnapshot> snapshot(long checkpointId, long timestamp, boolean withKeyedState) throws Exception {
        return snapshot(checkpointId, timestamp, withKeyedState, true);
    }

    /**
     * {@link #snapshot(long, long, boolean)}; a backend that snapshots into files does so for a checkpoint, never for
     * a savepoint ({@code savepoint}), which stays in the format every backend restores.
     */
    List<OperatorSubtaskSnapshot> snapshot(long checkpointId, long timestamp, boolean withKeyedState, boolean savepoint)
            throws Exception {
        List<OperatorSubtaskSnapshot> result = new ArrayList<>(members.length + 1);
        for (ChainMember m : members) {
            OperatorStateSnapshot state = new OperatorStateSnapshot();
            try {
                m.operator().snapshotState(state, checkpointId, timestamp);
            } catch (Throwable t) {
                throw OperatorFailure.wrap(m.operator(), "while taking checkpoint " + checkpointId, t);
            }
            KeyGroupSnapshot[] groups = null;
            KeyedStateFileSnapshot files = null;
            DeferredKeyGroups deferred = null;
            int first = 0;
            if (m.keyedState() != null && withKeyedState) {
                try {
                    if (!savepoint && m.keyedState() instanceof FileSnapshottingBackend fileBackend) {
                        files = fileBackend.snapshotFiles(checkpointId);
                    } else if (savepoint && m.keyedState() instanceof StreamingSavepointBackend streaming) {
                        // The backend's entries are read key group by key group when written, never all at once here.
                        deferred = streaming.snapshotForSavepoint(checkpointId);
                    }
                    groups = KeyedStateSnapshots.snapshot(m.keyedState(), m.timers(), files == null && deferred == null);
                } catch (Throwable t) {
                    if (files != null) {
                        files.release();
                    }
                    if (deferred != null) {
                        deferred.release();
                    }
                    throw OperatorFailure.wrap(m.operator(), "while taking checkpoint " + checkpointId, t);
                }
                first = m.keyedState().getKeyGroupRange().getStartKeyGroup();
            }
            result.add(new OperatorSubtaskSnapshot(m.operatorId(), m.operatorName(), m.parallelism(), m.maxParallelism(),
                    m.subtask(), state, first, groups, files, deferred));
        }
        return result;
    }

    void notifyCheckpointComplete(long checkpointId) {
        for (ChainMember m : members) {
            try {
                m.operator().notifyCheckpointComplete(checkpointId);
                if (m.keyedState() instanceof FileSnapshottingBackend fileBackend) {
                    fileBackend.notifyCheckpointComplete(checkpointId);
                }
            } catch (Throwable t) {
                throw OperatorFailure.wrap(m.operator(), "when checkpoint " + checkpointId + " completed", t);
            }
        }
    }

    void notifyJobFinished() {
        for (ChainMember m : members) {
            try {
                m.operator().notifyJobFinished();
            } catch (Throwable t) {
                throw OperatorFailure.wrap(m.operator(), "when the job finished", t);
            }
        }
    }

    /**
     * Closes every operator even when some fail, then their keyed state backends (which may hold native memory and
     * local files); returns the first failure, or null.
     */
    Throwable close() {
        Throwable first = null;
        for (ChainMember m : members) {
            try {
                m.operator().close();
            } catch (Throwable t) {
                if (first == null) {
                    first = OperatorFailure.wrap(m.operator(), "in close()", t);
                }
            }
        }
        for (ChainMember m : members) {
            if (m.keyedState() != null) {
                try {
                    m.keyedState().close();
                } catch (Throwable t) {
                    if (first == null) {
                        first = OperatorFailure.wrap(m.operator(), "while closing its keyed state backend", t);
                    }
                }
            }
        }
        return first;
    }

    boolean isCooperative() {
        for (ChainMember m : members) {
            if (!m.operator().isCooperative()) {
                return false;
            }
        }
        return true;
    }
}
