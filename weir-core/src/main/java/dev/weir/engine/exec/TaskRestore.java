package dev.weir.engine.exec;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.engine.checkpoint.FileSnapshottingBackend;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.RestoredStateFiles;
import dev.weir.engine.checkpoint.KeyedStateSnapshots;
import dev.weir.engine.checkpoint.OperatorStateRedistribution;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.RestoredJob;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.state.KeyGroupRange;
import java.util.List;
import java.util.Map;

/**
 * What one attempt restores into its subtasks from a checkpoint or savepoint (or nothing, on a fresh start): an
 * operator's key groups and its share of operator state, whether a chain had finished, and where a source resumes.
 * Operators whose id the checkpoint does not hold start fresh, with {@code isRestored()} true.
 */
public final class TaskRestore {
    private final RestoredJob restore;

    /** {@code restore} is null on a fresh start. */
    public TaskRestore(RestoredJob restore) {
        this.restore = restore;
    }

    /**
     * Restores the operator's keyed state (the key groups its backend owns) and timers, then calls its
     * {@code initializeState} with its share of operator state; called between setup and open.
     *
     * @throws InvalidProgramException naming the operator when its state cannot be initialized
     */
    public void initializeState(ChainMember member, String description) {
        String id = member.operatorId();
        if (restore == null || !restore.operatorIds().contains(id)) {
            try {
                member.operator().initializeState(restore == null ? StateInitialization.FRESH
                        : new StateInitialization(true, restore.checkpointId(), Map.of()));
            } catch (Exception e) {
                throw new InvalidProgramException(description + " failed to initialize its state: " + e, e);
            }
            return;
        }
        if (member.keyedState() != null) {
            KeyGroupRange range = member.keyedState().getKeyGroupRange();
            restoreStateFiles(member, description, range);
            for (int kg = range.getStartKeyGroup(); kg <= range.getEndKeyGroup(); kg++) {
                KeyGroupSnapshot group = restore.keyGroup(id, kg);
                if (group != null) {
                    try {
                        KeyedStateSnapshots.restore(group, member.keyedState(), member.timers());
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(description + " failed to restore key group " + kg + " from "
                                + restore.location() + ": " + e, e);
                    }
                }
            }
        }
        List<OperatorStateSnapshot> old = restore.operatorStates(id);
        try {
            member.operator().initializeState(new StateInitialization(true, restore.checkpointId(),
                    OperatorStateRedistribution.shareFor(old, member.subtask(), member.parallelism(), description)));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidProgramException(description + " failed to restore its state from " + restore.location() + ": " + e, e);
        }
    }

    /** Hands the keyed-state files of the old subtasks that overlap {@code range} to a backend that snapshots into files. */
    private void restoreStateFiles(ChainMember member, String description, KeyGroupRange range) {
        if (range.isEmpty()) {
            return;
        }
        List<RestoredStateFiles> files = restore.keyedStateFiles(member.operatorId(), range.getStartKeyGroup(), range.getEndKeyGroup());
        if (files.isEmpty()) {
            return;
        }
        if (!(member.keyedState() instanceof FileSnapshottingBackend backend)) {
            throw new InvalidProgramException(description + " cannot restore " + restore.location() + ": its keyed state is "
                    + "there as the files of a RocksDB checkpoint, and this job's state backend is "
                    + member.keyedState().getClass().getSimpleName() + ". Restore it with state.backend.type: rocksdb, or "
                    + "switch backends through a savepoint (savepoints are in the format every backend restores)");
        }
        try {
            backend.restoreFiles(files);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(description + " failed to restore its keyed state files from " + restore.location()
                    + ": " + e, e);
        }
    }

    /**
     * Whether the head of a chain (id {@code headId}) had finished in the restored checkpoint, so the whole task had.
     *
     * @throws InvalidProgramException when it had partly finished and the parallelism changed
     */
    boolean restoredFinished(String headId, String headDescription, int headParallelism, int subtask) {
        if (restore == null || !restore.operatorIds().contains(headId)) {
            return false;
        }
        List<OperatorStateSnapshot> old = restore.operatorStates(headId);
        boolean any = false;
        boolean all = true;
        for (OperatorStateSnapshot s : old) {
            boolean f = s != null && s.get(TaskCheckpoints.FINISHED) != null;
            any |= f;
            all &= f;
        }
        if (any && old.size() != headParallelism && !all) {
            throw new InvalidProgramException(headDescription + " had partly finished when " + restore.location()
                    + " was taken (parallelism " + old.size() + "); it cannot be restored at parallelism " + headParallelism
                    + ": restore it at parallelism " + old.size());
        }
        return all ? any : subtask < old.size() && old.get(subtask) != null && old.get(subtask).get(TaskCheckpoints.FINISHED) != null;
    }

    /**
     * Where subtask {@code subtask} of a source resumes: its reader's position, that it had finished, or a fresh start.
     *
     * @throws InvalidProgramException when the source's parallelism changed (positions belong to the old subtasks) and
     *                                 it has no split enumerator to hand them to
     */
    SourceTask.SourceRestore sourceRestore(String sourceId, String sourceName, int parallelism, int subtask, boolean finished) {
        return sourceRestore(sourceId, sourceName, parallelism, subtask, finished, false);
    }

    /** As {@link #sourceRestore(String, String, int, int, boolean)}; an {@code enumerated} source's readers start fresh at a changed parallelism. */
    SourceTask.SourceRestore sourceRestore(String sourceId, String sourceName, int parallelism, int subtask, boolean finished,
                                           boolean enumerated) {
        if (restore == null || !restore.operatorIds().contains(sourceId)) {
            return SourceTask.SourceRestore.FRESH;
        }
        if (finished) {
            return new SourceTask.SourceRestore(null, true);
        }
        List<OperatorStateSnapshot> old = restore.operatorStates(sourceId);
        if (old.size() != parallelism && enumerated) {
            // The old readers' splits go back to the split enumerator (see enumeratorRestore), which assigns them anew.
            return SourceTask.SourceRestore.FRESH;
        }
        if (old.size() != parallelism) {
            throw new InvalidProgramException("Source '" + sourceName + "' read with parallelism " + old.size()
                    + " when " + restore.location() + " was taken, and its positions belong to those subtasks: restore it with "
                    + "setParallelism(" + old.size() + ") on the source");
        }
        OperatorStateSnapshot mine = old.get(subtask);
        OperatorStateSnapshot.Entry position = mine == null ? null : mine.get(SourceTask.POSITION);
        return new SourceTask.SourceRestore(position == null || position.values.isEmpty() ? null : position.values.get(0), false);
    }

    /**
     * Where the split enumerator of source {@code sourceId} resumes: null on a fresh start; else its snapshot and, when
     * the parallelism changed, each old reader's splits, which go back to it.
     *
     * @throws InvalidProgramException when the snapshot holds the source's readers but no enumerator
     */
    @SuppressWarnings("unchecked")
    <C> SourceCoordinator.Restore<C> enumeratorRestore(String sourceId, String sourceName, int parallelism) {
        if (restore == null || !restore.operatorIds().contains(sourceId)) {
            return null;
        }
        String enumeratorId = sourceId + RestoredJob.ENUMERATOR_ID_SUFFIX;
        if (!restore.operatorIds().contains(enumeratorId)) {
            throw new InvalidProgramException("Source '" + sourceName + "' has a split enumerator, but " + restore.location()
                    + " holds none for it (the source had none when it was taken): start the job without restoring it");
        }
        OperatorStateSnapshot state = restore.operatorStates(enumeratorId).get(0);
        OperatorStateSnapshot.Entry snapshot = state == null ? null : state.get(SourceCoordinator.ENUMERATOR_STATE);
        Map<Integer, List<?>> returned = new java.util.HashMap<>();
        List<OperatorStateSnapshot> readers = restore.operatorStates(sourceId);
        if (readers.size() != parallelism) {
            for (int i = 0; i < readers.size(); i++) {
                OperatorStateSnapshot.Entry splits = readers.get(i) == null ? null : readers.get(i).get(SourceTask.POSITION);
                if (splits != null && !splits.values.isEmpty()) {
                    returned.put(i, (List<?>) splits.values.get(0));
                }
            }
        }
        return new SourceCoordinator.Restore<>(snapshot == null || snapshot.values.isEmpty() ? null : (C) snapshot.values.get(0),
                returned);
    }

    /** A legacy source function's share of the restored operator state; empty when it has none to restore. */
    Map<String, OperatorStateSnapshot.Entry> legacySourceState(String sourceId, String description, int parallelism, int subtask) {
        if (restore == null || !restore.operatorIds().contains(sourceId)) {
            return Map.of();
        }
        return OperatorStateRedistribution.shareFor(restore.operatorStates(sourceId), subtask, parallelism, description);
    }

    /** Whether the attempt restores a checkpoint or savepoint at all. */
    boolean restoring() {
        return restore != null;
    }
}
