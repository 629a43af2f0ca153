package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint that completes or is aborted cancels its timeout: the coordinator's timer holds one expiry per open
 * checkpoint, not one per checkpoint of the last ten minutes (issue 14).
 */
@Timeout(60)
class CheckpointExpiryTest {
    private static final long TEN_MINUTES = 600_000;

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
    void completedCheckpointsLeaveNoExpiryBehind() throws Exception {
        coordinator = coordinator(new Task(true));

        for (int i = 0; i < 20; i++) {
            assertThat(coordinator.trigger(null).get(30, TimeUnit.SECONDS)).contains("chk-" + (i + 1));
        }

        assertThat(coordinator.latestCompletedId()).isEqualTo(20);
        assertThat(coordinator.scheduledExpiries()).isZero();
    }

    @Test
    void anOpenCheckpointKeepsItsExpiryAndADeclinedOneDropsIt() {
        coordinator = coordinator(new Task(false));

        var open = coordinator.trigger(null);
        assertThat(coordinator.scheduledExpiries()).isEqualTo(1);

        coordinator.decline(1, 0, new IllegalStateException("no room"));

        assertThatThrownBy(open::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("task 0 declined checkpoint 1: java.lang.IllegalStateException: no room");
        assertThat(coordinator.scheduledExpiries()).isZero();
    }

    private CheckpointCoordinator coordinator(Task task) {
        CheckpointOptions options = new CheckpointOptions(true, 60_000, CheckpointingMode.EXACTLY_ONCE, TEN_MINUTES, 0, 1, 5, 1,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, dir.toString(), null, false, Map.of());
        CheckpointCoordinator c = new CheckpointCoordinator("expiry", options, new CheckpointStorage(dir, "expiry"), 1,
                List.of(task), List.of(task), failure -> { });
        c.setParticipants(List.of(task), List.of(task));
        task.coordinator = c;
        return c;
    }

    /** A source task with no state that acknowledges each checkpoint at once, or never. */
    private static final class Task implements CheckpointParticipant {
        private final boolean acknowledges;
        CheckpointCoordinator coordinator;

        Task(boolean acknowledges) {
            this.acknowledges = acknowledges;
        }

        @Override
        public void triggerCheckpoint(long checkpointId, long timestamp) {
            if (acknowledges) {
                coordinator.acknowledge(checkpointId, 0, List.of());
            }
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
