package dev.weir.engine.checkpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link RestoredJob} over snapshots held in memory, as a chain takes them: what a restore reads when nothing went
 * through storage (the operator test harness, tests of the restore itself). Every subtask of an operator must be
 * given (at most one snapshot per operator and subtask); key groups are looked up in whichever subtask held them.
 */
public final class SnapshotRestore implements RestoredJob {
    private final long checkpointId;
    private final String location;
    private final Map<String, OperatorSubtaskSnapshot[]> byOperator = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException when two snapshots are of the same subtask of one operator, or the snapshots of
     *                                  one operator disagree on its parallelism
     */
    public SnapshotRestore(long checkpointId, String location, List<OperatorSubtaskSnapshot> snapshots) {
        this.checkpointId = checkpointId;
        this.location = Objects.requireNonNull(location, "location");
        for (OperatorSubtaskSnapshot s : snapshots) {
            OperatorSubtaskSnapshot[] subtasks = byOperator.computeIfAbsent(s.operatorId(), id -> new OperatorSubtaskSnapshot[s.parallelism()]);
            if (subtasks.length != s.parallelism()) {
                throw new IllegalArgumentException("The snapshots of operator '" + s.operatorId() + "' disagree on its parallelism ("
                        + subtasks.length + " and " + s.parallelism() + "): give the snapshots of one run");
            }
            if (subtasks[s.subtask()] != null) {
                throw new IllegalArgumentException("Two snapshots of subtask " + s.subtask() + " of operator '" + s.operatorId()
                        + "' were given: give each subtask's snapshot once");
            }
            subtasks[s.subtask()] = s;
        }
    }

    @Override
    public long checkpointId() {
        return checkpointId;
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public Set<String> operatorIds() {
        return new LinkedHashSet<>(byOperator.keySet());
    }

    @Override
    public int parallelism(String operatorId) {
        OperatorSubtaskSnapshot[] subtasks = byOperator.get(operatorId);
        return subtasks == null ? -1 : subtasks.length;
    }

    @Override
    public List<OperatorStateSnapshot> operatorStates(String operatorId) {
        List<OperatorStateSnapshot> states = new ArrayList<>();
        for (OperatorSubtaskSnapshot s : byOperator.getOrDefault(operatorId, new OperatorSubtaskSnapshot[0])) {
            states.add(s == null ? null : s.operatorState());
        }
        return states;
    }

    @Override
    public KeyGroupSnapshot keyGroup(String operatorId, int keyGroup) {
        for (OperatorSubtaskSnapshot s : byOperator.getOrDefault(operatorId, new OperatorSubtaskSnapshot[0])) {
            if (s != null && s.keyGroups() != null && keyGroup >= s.firstKeyGroup() && keyGroup < s.firstKeyGroup() + s.keyGroups().length) {
                return s.keyGroups()[keyGroup - s.firstKeyGroup()];
            }
        }
        return null;
    }
}
