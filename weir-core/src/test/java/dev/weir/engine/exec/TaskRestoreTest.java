package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.KeyedStateSnapshots;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.checkpoint.SnapshotRestore;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.operators.AbstractStreamOperator;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.VoidNamespace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a subtask gets back from a checkpoint: key groups, its share of operator state, finished chains, source positions. */
class TaskRestoreTest {
    private static final int MAX_PARALLELISM = 128;
    private static final ValueStateDescriptor<String> LAST = new ValueStateDescriptor<>("last", String.class);

    /** Remembers how it was initialized. */
    static final class InitializedOperator extends AbstractStreamOperator {
        StateInitialization initialization;

        @Override
        public void initializeState(StateInitialization initialization) {
            this.initialization = initialization;
        }
    }

    @Test
    void aFreshStartInitializesTheOperatorAsNotRestored() {
        InitializedOperator op = new InitializedOperator();

        new TaskRestore(null).initializeState(member("op", op, null, 0, 1), "op (1/1)");

        assertThat(op.initialization).isSameAs(StateInitialization.FRESH);
    }

    @Test
    void anOperatorTheCheckpointDoesNotHoldStartsEmptyButKnowsTheJobWasRestored() {
        InitializedOperator op = new InitializedOperator();
        SnapshotRestore restore = new SnapshotRestore(7, "memory", List.of(snapshot("other", 0, 1, new OperatorStateSnapshot(), null)));

        new TaskRestore(restore).initializeState(member("op", op, null, 0, 1), "op (1/1)");

        assertThat(op.initialization.restored()).isTrue();
        assertThat(op.initialization.restoredCheckpointId()).isEqualTo(7);
        assertThat(op.initialization.operatorState()).isEmpty();
    }

    @Test
    void aSubtaskOfARescaledOperatorGetsTheKeyedStateOfExactlyItsKeyGroups() throws Exception {
        HeapKeyedStateBackend old = backend(0, 1);
        List<String> keys = List.of("a", "b", "c", "d", "e", "f", "g", "h");
        ValueState<String> oldState = old.getOrCreateState(LAST);
        for (String key : keys) {
            old.setCurrentKey(key);
            oldState.update("last of " + key);
        }
        SnapshotRestore restore = new SnapshotRestore(3, "memory",
                List.of(snapshot("op", 0, 1, new OperatorStateSnapshot(), KeyedStateSnapshots.snapshot(old, null))));
        HeapKeyedStateBackend second = backend(1, 2);

        new TaskRestore(restore).initializeState(member("op", new InitializedOperator(), second, 1, 2), "op (2/2)");

        ValueState<String> restored = second.getOrCreateState(LAST);
        List<String> restoredKeys = new ArrayList<>();
        for (String key : keys) {
            if (KeyGroupRangeAssignment.assignKeyToParallelOperator(key, MAX_PARALLELISM, 2) == 1) {
                second.setCurrentKey(key);
                assertThat(restored.value()).isEqualTo("last of " + key);
                restoredKeys.add(key);
            }
        }
        assertThat(restoredKeys).isNotEmpty().hasSizeLessThan(keys.size());
        assertThat(second.getKeys("last", VoidNamespace.INSTANCE).toList())
                .containsExactlyInAnyOrderElementsOf(restoredKeys);
    }

    @Test
    void evenSplitOperatorStateIsSharedOutOverTheNewSubtasks() {
        OperatorStateSnapshot state = new OperatorStateSnapshot();
        state.put("offsets", OperatorStateSnapshot.Mode.EVEN_SPLIT, List.of(1, 2, 3, 4));
        SnapshotRestore restore = new SnapshotRestore(3, "memory", List.of(snapshot("op", 0, 1, state, null)));
        InitializedOperator first = new InitializedOperator();
        InitializedOperator second = new InitializedOperator();

        TaskRestore restoring = new TaskRestore(restore);
        restoring.initializeState(member("op", first, null, 0, 2), "op (1/2)");
        restoring.initializeState(member("op", second, null, 1, 2), "op (2/2)");

        assertThat(first.initialization.get("offsets").values).containsExactly(1, 2);
        assertThat(second.initialization.get("offsets").values).containsExactly(3, 4);
    }

    @Test
    void aChainThatHadPartlyFinishedCannotRestoreAtAnotherParallelism() {
        OperatorStateSnapshot finished = new OperatorStateSnapshot();
        finished.put(TaskCheckpoints.FINISHED, OperatorStateSnapshot.Mode.SUBTASK, List.of(true));
        SnapshotRestore restore = new SnapshotRestore(3, "memory",
                List.of(snapshot("map", 0, 2, finished, null), snapshot("map", 1, 2, new OperatorStateSnapshot(), null)));

        TaskRestore restoring = new TaskRestore(restore);

        assertThat(restoring.restoredFinished("map", "Map (1/2)", 2, 0)).isTrue();
        assertThat(restoring.restoredFinished("map", "Map (2/2)", 2, 1)).isFalse();
        assertThatThrownBy(() -> restoring.restoredFinished("map", "Map (1/3)", 3, 0))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Map (1/3) had partly finished when memory was taken (parallelism 2); it cannot be restored at "
                        + "parallelism 3: restore it at parallelism 2");
    }

    @Test
    void aSourceResumesFromItsOwnSubtasksPositionAndRefusesAnotherParallelism() {
        OperatorStateSnapshot first = new OperatorStateSnapshot();
        first.put(SourceTask.POSITION, OperatorStateSnapshot.Mode.SUBTASK, List.of(40L));
        OperatorStateSnapshot second = new OperatorStateSnapshot();
        second.put(SourceTask.POSITION, OperatorStateSnapshot.Mode.SUBTASK, List.of(90L));
        TaskRestore restoring = new TaskRestore(new SnapshotRestore(3, "memory",
                List.of(snapshot("numbers", 0, 2, first, null), snapshot("numbers", 1, 2, second, null))));

        assertThat(restoring.sourceRestore("numbers", "numbers", 2, 1, false)).isEqualTo(new SourceTask.SourceRestore(90L, false));
        assertThat(restoring.sourceRestore("numbers", "numbers", 2, 0, true)).isEqualTo(new SourceTask.SourceRestore(null, true));
        assertThat(restoring.sourceRestore("letters", "letters", 2, 0, false)).isSameAs(SourceTask.SourceRestore.FRESH);
        assertThatThrownBy(() -> restoring.sourceRestore("numbers", "numbers", 3, 0, false))
                .isInstanceOf(InvalidProgramException.class)
                .hasMessage("Source 'numbers' read with parallelism 2 when memory was taken, and its positions belong to those "
                        + "subtasks: restore it with setParallelism(2) on the source");
    }

    private static HeapKeyedStateBackend backend(int subtask, int parallelism) {
        return new HeapKeyedStateBackend(MAX_PARALLELISM,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, parallelism, subtask), () -> 0L);
    }

    private static ChainMember member(String id, AbstractStreamOperator op, HeapKeyedStateBackend keyed, int subtask, int parallelism) {
        return new ChainMember(id, id, parallelism, MAX_PARALLELISM, subtask, op, keyed, null);
    }

    private static OperatorSubtaskSnapshot snapshot(String id, int subtask, int parallelism, OperatorStateSnapshot state,
                                                    KeyGroupSnapshot[] groups) {
        return new OperatorSubtaskSnapshot(id, id, parallelism, MAX_PARALLELISM, subtask, state, 0, groups);
    }
}
