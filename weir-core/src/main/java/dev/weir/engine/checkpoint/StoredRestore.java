package dev.weir.engine.checkpoint;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.engine.checkpoint.storage.CompletedCheckpoint;
import dev.weir.engine.checkpoint.storage.OperatorStateMeta;
import dev.weir.engine.checkpoint.storage.StateFile;
import dev.weir.engine.checkpoint.storage.SubtaskStateMeta;
import dev.weir.engine.checkpoint.storage.StateSerializer;
import dev.weir.engine.checkpoint.storage.StateSerializers;
import dev.weir.engine.graph.StreamGraph;
import dev.weir.engine.graph.StreamNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A {@link RestoredJob} read from a completed checkpoint or savepoint on disk, deserializing what is asked for. */
public final class StoredRestore implements RestoredJob {
    private final CompletedCheckpoint checkpoint;
    private final StateSerializer serializer = StateSerializers.create();

    private StoredRestore(CompletedCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    public static RestoredJob load(CompletedCheckpoint checkpoint) {
        return new StoredRestore(checkpoint);
    }

    /**
     * Refuses a restore whose state matches no operator of the program, unless the user allowed it; and one whose
     * keyed operators changed their max parallelism (key groups would not line up).
     */
    public static void checkAllStateClaimed(RestoredJob restore, StreamGraph graph, boolean allowNonRestoredState,
                                            java.util.function.Function<StreamNode, String> operatorIds) {
        Set<String> claimed = new LinkedHashSet<>();
        for (StreamNode node : graph.nodes()) {
            String id = operatorIds.apply(node);
            claimed.add(id);
            claimed.add(id + ENUMERATOR_ID_SUFFIX);
            if (restore instanceof StoredRestore stored && restore.operatorIds().contains(id)) {
                int oldMax = stored.meta(id).maxParallelism();
                if (node.isKeyed() && oldMax != node.maxParallelism()) {
                    throw new InvalidProgramException(node.describe() + " has max parallelism " + node.maxParallelism() + " but "
                            + restore.location() + " was taken with " + oldMax + ": keyed state is split into that many key groups, "
                            + "so call setMaxParallelism(" + oldMax + ") on it (or on the environment)");
                }
            }
        }
        Set<String> unclaimed = new TreeSet<>(restore.operatorIds());
        unclaimed.removeAll(claimed);
        if (!unclaimed.isEmpty() && !allowNonRestoredState) {
            throw new InvalidProgramException("Cannot map the state of " + unclaimed + " in " + restore.location()
                    + " to any operator of this job (operators are matched by uid). Give the operators the same uid(...) as "
                    + "before, or allow dropping that state with allowNonRestoredState (execution.savepoint.ignore-unclaimed-state)");
        }
    }

    private OperatorStateMeta meta(String operatorId) {
        return checkpoint.metadata().operator(operatorId);
    }

    @Override
    public long checkpointId() {
        return checkpoint.metadata().checkpointId();
    }

    @Override
    public String location() {
        return (checkpoint.metadata().savepoint() ? "savepoint " : "checkpoint ") + checkpoint.directory();
    }

    @Override
    public Set<String> operatorIds() {
        return new LinkedHashSet<>(checkpoint.operatorIds());
    }

    @Override
    public int parallelism(String operatorId) {
        OperatorStateMeta meta = meta(operatorId);
        return meta == null ? -1 : meta.parallelism();
    }

    @Override
    public List<OperatorStateSnapshot> operatorStates(String operatorId) {
        OperatorStateMeta meta = meta(operatorId);
        List<OperatorStateSnapshot> states = new ArrayList<>(meta.parallelism());
        for (int i = 0; i < meta.parallelism(); i++) {
            byte[] bytes = checkpoint.readOperatorState(operatorId, i);
            states.add(bytes.length == 0 ? null : (OperatorStateSnapshot) serializer.deserialize(bytes));
        }
        return states;
    }

    @Override
    public List<RestoredStateFiles> keyedStateFiles(String operatorId, int first, int end) {
        OperatorStateMeta meta = meta(operatorId);
        List<RestoredStateFiles> overlapping = new ArrayList<>();
        if (meta == null) {
            return overlapping;
        }
        for (SubtaskStateMeta subtask : meta.subtasks()) {
            int subtaskEnd = subtask.firstKeyGroup() + subtask.keyGroupCount() - 1;
            if (subtask.stateFiles().isEmpty() || subtask.keyGroupCount() == 0 || subtaskEnd < first || subtask.firstKeyGroup() > end) {
                continue;
            }
            List<java.nio.file.Path> paths = new ArrayList<>();
            for (StateFile file : subtask.stateFiles()) {
                paths.add(checkpoint.stateFilePath(file));
            }
            overlapping.add(new RestoredStateFiles(subtask.firstKeyGroup(), subtask.keyGroupCount(), subtask.stateFiles(), paths));
        }
        return overlapping;
    }

    @Override
    public KeyGroupSnapshot keyGroup(String operatorId, int keyGroup) {
        byte[] bytes = checkpoint.readKeyGroup(operatorId, keyGroup);
        return bytes.length == 0 ? null : (KeyGroupSnapshot) serializer.deserialize(bytes);
    }
}
