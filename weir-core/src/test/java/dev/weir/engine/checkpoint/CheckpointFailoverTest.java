package dev.weir.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.configuration.ExternalizedCheckpointRetention;
import dev.weir.core.execution.CheckpointingMode;
import dev.weir.engine.checkpoint.storage.CheckpointStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the coordinator does around a task's failure and around a completion: as Flink on a failover, a checkpoint
 * still open when a task fails never completes (the restart is decided from the checkpoints completed before it), and
 * every task hears that checkpoint N completed before it is asked for N + 1.
 */
@Timeout(60)
class CheckpointFailoverTest {
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
    void aCheckpointWhoseLastAcknowledgementArrivesAfterATaskFailedIsAbortedNotCompleted() throws Exception {
        Task source = new Task();
        Task sink = new Task();
        coordinator = coordinator(60_000, source, sink);
        assertThat(coordinator.trigger(null).get(30, TimeUnit.SECONDS)).contains("chk-1");

        CompletableFuture<String> second = coordinator.trigger(null);
        coordinator.acknowledge(2, 0, List.of());
        coordinator.attemptFailed();
        coordinator.acknowledge(2, 1, List.of());
        Thread.sleep(200);

        assertThat(second).isNotDone();
        assertThat(coordinator.latestCompletedId()).isEqualTo(1);
        coordinator.shutdown();
        assertThatThrownBy(second::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("checkpoint 2 was aborted: the job stopped");
        assertThat(dir.resolve("failover").resolve("chk-2").resolve("_metadata")).doesNotExist();
    }

    @Test
    void noCheckpointStartsOnceATaskFailed() {
        Task source = new Task();
        coordinator = coordinator(60_000, source);
        coordinator.attemptFailed();

        assertThatThrownBy(() -> coordinator.trigger(null).join()).hasMessageContaining("the job is not running");
        assertThat(source.events).isEmpty();
    }

    @Test
    void everyTaskHearsThatACheckpointCompletedBeforeItIsAskedForTheNextOne() throws Exception {
        Task source = new Task();
        source.acknowledgeTriggers = true;
        source.notificationMillis = 30;
        coordinator = coordinator(1, source);
        coordinator.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (source.eventCount() < 12 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        coordinator.shutdown();

        List<String> events = source.eventsSoFar().subList(0, 12);
        List<String> expected = new ArrayList<>();
        for (int id = 1; id <= 6; id++) {
            expected.add("trigger " + id);
            expected.add("notify " + id);
        }
        assertThat(events).isEqualTo(expected);
    }

    private CheckpointCoordinator coordinator(long interval, Task... tasks) {
        CheckpointOptions options = new CheckpointOptions(true, interval, CheckpointingMode.EXACTLY_ONCE, 60_000, 0, 1, 5, 3,
                ExternalizedCheckpointRetention.NO_EXTERNALIZED_CHECKPOINTS, dir.toString(), null, false, Map.of());
        CheckpointCoordinator c = new CheckpointCoordinator("failover", options, new CheckpointStorage(dir, "failover"), 1,
                List.of(tasks), List.of(tasks[0]), failure -> { });
        c.setParticipants(List.of(tasks), List.of(tasks[0]));
        for (int i = 0; i < tasks.length; i++) {
            tasks[i].coordinator = c;
            tasks[i].index = i;
            tasks[i].acknowledgeTriggers |= tasks.length == 1;
        }
        if (tasks.length > 1) {
            // The first checkpoint is acknowledged by every task as the source passes its barrier on.
            tasks[0].downstream = tasks[1];
            tasks[0].acknowledgeTriggers = false;
            tasks[0].acknowledgeFirstOnly = true;
        }
        return c;
    }

    /** A task with no state that records what the coordinator asks of it. */
    private static final class Task implements CheckpointParticipant {
        final List<String> events = new ArrayList<>();
        CheckpointCoordinator coordinator;
        int index;
        boolean acknowledgeTriggers;
        boolean acknowledgeFirstOnly;
        long notificationMillis;
        Task downstream;

        @Override
        public void triggerCheckpoint(long checkpointId, long timestamp) {
            record("trigger " + checkpointId);
            if (acknowledgeTriggers || acknowledgeFirstOnly && checkpointId == 1) {
                coordinator.acknowledge(checkpointId, index, List.of());
                if (downstream != null) {
                    coordinator.acknowledge(checkpointId, downstream.index, List.of());
                }
            }
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            record("notify " + checkpointId);
            if (notificationMillis > 0) {
                try {
                    // A task slow to be told: the next trigger must still come after this notification.
                    Thread.sleep(notificationMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public List<OperatorSubtaskSnapshot> finishedSnapshot() {
            return null;
        }

        synchronized void record(String event) {
            events.add(event);
        }

        synchronized int eventCount() {
            return events.size();
        }

        synchronized List<String> eventsSoFar() {
            return new ArrayList<>(events);
        }
    }
}
