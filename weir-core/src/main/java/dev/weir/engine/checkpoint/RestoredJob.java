package dev.weir.engine.checkpoint;

import java.util.List;
import java.util.Set;

/** The state a job attempt restores from: a completed checkpoint or savepoint, read lazily. */
public interface RestoredJob {
    /** What a source's id is followed by in the id under which its split enumerator's state is stored. */
    String ENUMERATOR_ID_SUFFIX = "#split-enumerator";

    long checkpointId();

    /** Where it was read from, for messages. */
    String location();

    Set<String> operatorIds();

    /** The parallelism the operator had when the snapshot was taken, or -1 when the snapshot does not hold it. */
    int parallelism(String operatorId);

    /** The operator state of every old subtask, by old subtask index. */
    List<OperatorStateSnapshot> operatorStates(String operatorId);

    /** One key group's keyed state and timers, or null when the snapshot holds none. */
    KeyGroupSnapshot keyGroup(String operatorId, int keyGroup);

    /**
     * The keyed-state files of the old subtasks whose key groups overlap {@code first..end}, for a backend that
     * snapshots into files ({@link FileSnapshottingBackend}); empty when the operator's keyed state is all in its key
     * groups.
     */
    default List<RestoredStateFiles> keyedStateFiles(String operatorId, int first, int end) {
        return List.of();
    }
}
