package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A restore from snapshots in memory finds each key group in the subtask that held it and refuses a mixed-up set. */
class SnapshotRestoreTest {

    private static OperatorSubtaskSnapshot snapshot(String id, int subtask, int parallelism, int firstKeyGroup, int groups) {
        KeyGroupSnapshot[] keyGroups = new KeyGroupSnapshot[groups];
        for (int i = 0; i < groups; i++) {
            keyGroups[i] = new KeyGroupSnapshot(firstKeyGroup + i);
        }
        return new OperatorSubtaskSnapshot(id, id, parallelism, 4, subtask, new OperatorStateSnapshot(), firstKeyGroup, keyGroups);
    }

    @Test
    void eachKeyGroupIsFoundInTheSubtaskThatHeldItAndOperatorStatesComeInSubtaskOrder() {
        OperatorSubtaskSnapshot second = snapshot("op", 1, 2, 2, 2);
        OperatorSubtaskSnapshot first = snapshot("op", 0, 2, 0, 2);
        SnapshotRestore restore = new SnapshotRestore(9, "memory", List.of(second, first));

        assertThat(restore.keyGroup("op", 1)).isSameAs(first.keyGroups()[1]);
        assertThat(restore.keyGroup("op", 3)).isSameAs(second.keyGroups()[1]);
        assertThat(restore.keyGroup("other", 0)).isNull();
        assertThat(restore.operatorStates("op")).containsExactly(first.operatorState(), second.operatorState());
        assertThat(restore.parallelism("op")).isEqualTo(2);
        assertThat(restore.parallelism("other")).isEqualTo(-1);
        assertThat(restore.operatorIds()).containsExactly("op");
    }

    @Test
    void twoSnapshotsOfOneSubtaskAreRefused() {
        assertThatThrownBy(() -> new SnapshotRestore(9, "memory", List.of(snapshot("op", 0, 2, 0, 2), snapshot("op", 0, 2, 0, 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two snapshots of subtask 0 of operator 'op' were given: give each subtask's snapshot once");
    }

    @Test
    void snapshotsThatDisagreeOnTheParallelismAreRefused() {
        assertThatThrownBy(() -> new SnapshotRestore(9, "memory", List.of(snapshot("op", 0, 2, 0, 2), snapshot("op", 1, 3, 2, 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The snapshots of operator 'op' disagree on its parallelism (2 and 3): give the snapshots of one run");
    }
}
