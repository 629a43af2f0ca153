package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.engine.checkpoint.CheckpointCoordinator;
import dev.weir.engine.checkpoint.CheckpointOptions;
import dev.weir.engine.checkpoint.CheckpointParticipant;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The final checkpoint, which the last worker takes after every task finished, and a failure that comes while it is
 * open (a finished task's operator throwing when an earlier checkpoint completes, on the coordinator's thread): the
 * coordinator completes no checkpoint after a failure, so the attempt must end with the failure and restart, not wait
 * for the final checkpoint until its timeout.
 */
@Timeout(60)
class FinalCheckpointFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFailureWhileTheFinalCheckpointIsOpenEndsTheAttemptWithTheFailureInsteadOfWaitingForTheCheckpoint() throws Exception {
        Attempt[] attempt = new Attempt[1];
        IllegalStateException failure = new IllegalStateException("failing while the final checkpoint is open");
        // Acknowledges the final checkpoint as a split enumerator does, on its own schedule: here only after the
        // attempt failed, so the acknowledgement that would complete the checkpoint arrives after the failure.
        CheckpointParticipant lateEnumerator = new CheckpointParticipant() {
            CheckpointCoordinator coordinator;

            @Override
            public void triggerCheckpoint(long checkpointId, long timestamp) {
                attempt[0].fail(null, failure);
                attempt[0].coordinator().acknowledge(checkpointId, 0, List.of());
            }

            @Override
            public void notifyCheckpointComplete(long checkpointId) {
            }

            @Override
            public List<OperatorSubtaskSnapshot> finishedSnapshot() {
                return null;
            }
        };
        // A checkpoint timeout far beyond the test's: the attempt must not end by the final checkpoint expiring.
        CheckpointOptions options = new CheckpointOptions(true, 3_600_000, CheckpointingMode.EXACTLY_ONCE, 3_600_000, 0, 1, 5, 3,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, dir.toString(), null, false, Map.of());
        CheckpointCoordinator coordinator = new CheckpointCoordinator("final", options, new CheckpointStorage(dir, "final"), 1,
                List.of(lateEnumerator), List.of(lateEnumerator), t -> attempt[0].fail(null, t));
        coordinator.setParticipants(List.of(lateEnumerator), List.of(lateEnumerator));
        CompletableFuture<Attempt> ended = new CompletableFuture<>();
        attempt[0] = new Attempt(0, "final", new TaskWiring.Wiring(List.of(new FinishedTasklet()), List.of(lateEnumerator),
                List.of(lateEnumerator), List.of(), List.of()), coordinator, ended::complete, getClass().getClassLoader());

        attempt[0].start(1, true);

        Attempt end = ended.get(30, TimeUnit.SECONDS);
        assertThat(end.failure()).hasRootCauseMessage("failing while the final checkpoint is open");
        assertThat(coordinator.latestCompletedId()).isEqualTo(-1);
        assertThat(dir.resolve("final").resolve("chk-1").resolve("_metadata")).doesNotExist();
    }

    /** A task whose input ended before its first call. */
    private static final class FinishedTasklet implements Tasklet {
        @Override
        public void init() {
        }

        @Override
        public int call() {
            return 0;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public boolean isCooperative() {
            return true;
        }

        @Override
        public Throwable close() {
            return null;
        }

        @Override
        public String name() {
            return "Finished (1/1)";
        }
    }
}
