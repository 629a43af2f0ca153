package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.state.ListState;
import dev.weir.api.common.state.ListStateDescriptor;
import dev.weir.api.common.state.ValueState;
import dev.weir.api.common.state.ValueStateDescriptor;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A keyed-state snapshot holds its copies only as long as the checkpoint holds the snapshot: once the state moved on
 * and the snapshot was written, neither the old state values nor their copies stay reachable (issue 14: every
 * checkpoint of the anomaly demo left its copied records behind, and the old generation grew for as long as it ran).
 */
@Timeout(60)
class SnapshotRetentionTest {
    private static final int MAX_PARALLELISM = 128;
    private static final int CHECKPOINTS = 50;

    /** A state value of the shape user functions keep: a record (Fory copies records on their own code path). */
    public record Reading(int sensor, long timestamp, double value) {
    }

    @Test
    void valuesReplacedAfterACheckpointAreCollectedWithTheirSnapshotCopies() throws Exception {
        HeapKeyedStateBackend backend = backend();
        ValueState<Reading> latest = backend.getOrCreateState(new ValueStateDescriptor<>("latest", Reading.class));
        List<WeakReference<Object>> retired = new ArrayList<>();

        for (int checkpoint = 0; checkpoint < CHECKPOINTS; checkpoint++) {
            for (int sensor = 0; sensor < 10; sensor++) {
                backend.setCurrentKey(sensor);
                latest.update(new Reading(sensor, checkpoint, checkpoint * 0.5));
                retired.add(new WeakReference<>(latest.value()));
            }
            retired.addAll(copiesIn(KeyedStateSnapshots.snapshot(backend, null)));
        }
        for (int sensor = 0; sensor < 10; sensor++) {
            backend.setCurrentKey(sensor);
            latest.update(new Reading(sensor, -1, 0));
        }

        assertThat(stillReachable(retired)).as("old state values and snapshot copies still reachable").isZero();
        assertThat(retired).hasSize(CHECKPOINTS * 20);
    }

    @Test
    void listElementsRemovedAfterACheckpointAreCollectedWithTheirSnapshotCopies() throws Exception {
        HeapKeyedStateBackend backend = backend();
        ListState<Reading> waiting = backend.getOrCreateState(new ListStateDescriptor<>("waiting", Reading.class));
        List<WeakReference<Object>> retired = new ArrayList<>();

        for (int checkpoint = 0; checkpoint < CHECKPOINTS; checkpoint++) {
            for (int sensor = 0; sensor < 10; sensor++) {
                backend.setCurrentKey(sensor);
                Reading reading = new Reading(sensor, checkpoint, checkpoint * 0.5);
                waiting.update(List.of(reading));
                retired.add(new WeakReference<>(reading));
            }
            for (KeyGroupSnapshot group : KeyedStateSnapshots.snapshot(backend, null)) {
                for (KeyGroupSnapshot.StateEntry entry : group.states) {
                    for (Object copy : (Iterable<?>) entry.value) {
                        retired.add(new WeakReference<>(copy));
                    }
                }
            }
        }
        for (int sensor = 0; sensor < 10; sensor++) {
            backend.setCurrentKey(sensor);
            waiting.clear();
        }

        assertThat(stillReachable(retired)).as("removed list elements and snapshot copies still reachable").isZero();
        assertThat(retired).hasSize(CHECKPOINTS * 20);
    }

    private static HeapKeyedStateBackend backend() {
        return new HeapKeyedStateBackend(MAX_PARALLELISM,
                KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(MAX_PARALLELISM, 1, 0), () -> 0L);
    }

    private static List<WeakReference<Object>> copiesIn(KeyGroupSnapshot[] groups) {
        List<WeakReference<Object>> copies = new ArrayList<>();
        for (KeyGroupSnapshot group : groups) {
            for (KeyGroupSnapshot.StateEntry entry : group.states) {
                copies.add(new WeakReference<>(entry.value));
            }
        }
        return copies;
    }

    /**
     * How many of the referents survive garbage collection. Unreachable objects go at the first full collection;
     * the further rounds only guard against a collector that treats one System.gc() as a hint.
     */
    private static long stillReachable(List<WeakReference<Object>> references) {
        long alive = references.size();
        for (int round = 0; round < 20 && alive > 0; round++) {
            System.gc();
            alive = references.stream().filter(r -> r.get() != null).count();
        }
        return alive;
    }
}
