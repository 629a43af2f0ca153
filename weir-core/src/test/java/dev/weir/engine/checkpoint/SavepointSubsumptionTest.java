package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A completed checkpoint subsumes the older checkpoints still open, never an open savepoint: as in Flink, a periodic
 * checkpoint that overtakes a slow savepoint (a stop-with-savepoint under load) leaves the savepoint to complete.
 */
@Timeout(60)
class SavepointSubsumptionTest {
    @TempDir
    Path dir;

    private CheckpointCoordinator coordinator;

    @AfterEach
    void stop() {
        if (coordinator != null) {
            coordinator.shutdown();
        }
    }

    @Test
    void aSavepointOvertakenByACheckpointStillCompletes() throws Exception {
        coordinator = coordinator();
        CompletableFuture<String> savepoint = coordinator.trigger(dir.resolve("savepoints").toString());
        CompletableFuture<String> checkpoint = coordinator.trigger(null);

        coordinator.acknowledge(2, 0, List.of());
        assertThat(checkpoint.get(30, TimeUnit.SECONDS)).contains("chk-2");
        assertThat(savepoint).isNotDone();

        coordinator.acknowledge(1, 0, List.of());
        assertThat(savepoint.get(30, TimeUnit.SECONDS)).contains("savepoint-").endsWith("-1");
        assertThat(coordinator.latestCompletedId()).isEqualTo(2);
    }

    @Test
    void anOvertakenCheckpointIsSubsumed() {
        coordinator = coordinator();
        CompletableFuture<String> older = coordinator.trigger(null);
        coordinator.trigger(null);

        coordinator.acknowledge(2, 0, List.of());

        assertThatThrownBy(() -> older.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("checkpoint 1 was subsumed by 2");
    }

    private CheckpointCoordinator coordinator() {
        CheckpointOptions options = new CheckpointOptions(true, 60_000, CheckpointingMode.EXACTLY_ONCE, 600_000, 0, 1, 5, 1,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, dir.toString(), null, false, Map.of());
        Task task = new Task();
        CheckpointCoordinator c = new CheckpointCoordinator("subsume", options, new CheckpointStorage(dir, "subsume"), 1,
                List.of(task), List.of(task), failure -> { });
        c.setParticipants(List.of(task), List.of(task));
        return c;
    }

    /** A source task with no state that acknowledges only when the test does. */
    private static final class Task implements CheckpointParticipant {
        @Override
        public void triggerCheckpoint(long checkpointId, long timestamp) {
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
        }

        @Override
        public List<OperatorSubtaskSnapshot> finishedSnapshot() {
            return null;
        }
    }
}
