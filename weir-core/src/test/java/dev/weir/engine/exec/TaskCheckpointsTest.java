package dev.weir.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.engine.checkpoint.CheckpointAcknowledger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The coordinator's requests reach the task thread in order, and a source sees them waiting until it takes them. */
class TaskCheckpointsTest {

    /** Records what the task thread was asked to do, as "take 3" or "complete 3". */
    static class RecordingSource implements TaskCheckpoints.Triggerable {
        final List<String> calls = new ArrayList<>();

        @Override
        public void takeCheckpoint(long checkpointId, long timestamp) {
            calls.add("take " + checkpointId);
        }

        @Override
        public void drain() {
            calls.add("drain");
        }

        @Override
        public void checkpointComplete(long checkpointId) {
            calls.add("complete " + checkpointId);
        }
    }

    private static TaskCheckpoints checkpoints() {
        return new TaskCheckpoints(0, CheckpointAcknowledger.NONE, new Chain(List.of()));
    }

    @Test
    void aTaskWithoutRequestsHasNothingToTake() throws Exception {
        TaskCheckpoints checkpoints = checkpoints();
        RecordingSource source = new RecordingSource();

        assertThat(checkpoints.hasRequests()).isFalse();
        assertThat(checkpoints.processInbox(source)).isZero();
        assertThat(source.calls).isEmpty();
    }

    @Test
    void aRequestWaitsUntilTheTaskTakesItThenNoLonger() throws Exception {
        TaskCheckpoints checkpoints = checkpoints();
        RecordingSource source = new RecordingSource();

        checkpoints.triggerCheckpoint(7, 1000);
        assertThat(checkpoints.hasRequests()).isTrue();
        assertThat(checkpoints.processInbox(source)).isEqualTo(1);

        assertThat(source.calls).containsExactly("take 7");
        assertThat(checkpoints.hasRequests()).isFalse();
    }

    @Test
    void requestsReachTheSourceInTheOrderTheyCame() throws Exception {
        TaskCheckpoints checkpoints = checkpoints();
        RecordingSource source = new RecordingSource();

        checkpoints.triggerCheckpoint(1, 10);
        checkpoints.notifyCheckpointComplete(1);
        checkpoints.drain();
        checkpoints.triggerCheckpoint(2, 20);

        assertThat(checkpoints.processInbox(source)).isEqualTo(4);
        assertThat(source.calls).containsExactly("take 1", "complete 1", "drain", "take 2");
        assertThat(checkpoints.hasRequests()).isFalse();
    }

    @Test
    void aRequestQueuedWhileTheTaskTakesOthersIsTakenInTheSameCallOrTheNext() throws Exception {
        TaskCheckpoints checkpoints = checkpoints();
        RecordingSource source = new RecordingSource() {
            @Override
            public void takeCheckpoint(long checkpointId, long timestamp) {
                super.takeCheckpoint(checkpointId, timestamp);
                if (checkpointId == 1) {
                    // The coordinator's thread would do this at any moment; here it comes mid-call.
                    checkpoints.triggerCheckpoint(2, 20);
                }
            }
        };

        checkpoints.triggerCheckpoint(1, 10);
        int taken = checkpoints.processInbox(source);
        taken += checkpoints.processInbox(source);

        assertThat(taken).isEqualTo(2);
        assertThat(source.calls).containsExactly("take 1", "take 2");
        assertThat(checkpoints.hasRequests()).isFalse();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noRequestFromAnotherThreadIsLeftWaitingUnseen() throws Exception {
        TaskCheckpoints checkpoints = checkpoints();
        RecordingSource source = new RecordingSource();
        int requests = 20_000;
        Thread coordinator = new Thread(() -> {
            for (int id = 1; id <= requests; id++) {
                checkpoints.triggerCheckpoint(id, id);
            }
        }, "coordinator");

        coordinator.start();
        int taken = 0;
        while (taken < requests) {
            // A request the flag failed to announce would be taken by no call: the loop would spin until the timeout.
            taken += checkpoints.processInbox(source);
        }
        coordinator.join();

        assertThat(source.calls).hasSize(requests);
        for (int i = 0; i < requests; i++) {
            assertThat(source.calls.get(i)).isEqualTo("take " + (i + 1));
        }
        assertThat(checkpoints.processInbox(source)).isZero();
        assertThat(checkpoints.hasRequests()).isFalse();
    }
}
