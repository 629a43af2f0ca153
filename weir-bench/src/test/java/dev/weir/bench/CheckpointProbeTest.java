package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The checkpoint probe measures only checkpoints every subtask took after all allowed events and triggered after the
 * job processed them, the first of them, and
 * sums what the checkpoints between two measurements wrote; its gate holds the source until the driver allows more.
 */
class CheckpointProbeTest {
    private static final CompletableFuture<Void> RUNNING = new CompletableFuture<>();

    @Test
    void theGateLetsEachSubtaskEmitOnlyWhatIsAllowedAndOpensWhenMoreIs() {
        CheckpointProbe.reset(2, null);
        CompletableFuture<Void> held = CheckpointProbe.permit(0);
        assertThat(held).isNotDone();
        CheckpointProbe.allow(3);
        assertThat(held).isDone();
        assertThat(CheckpointProbe.permit(2)).isDone();
        assertThat(CheckpointProbe.permit(3)).isNotDone();
    }

    @Test
    void theFirstCheckpointTriggeredAfterEveryEventIsMeasuredAndTheChangeSumsTheCheckpointsBetween() throws Exception {
        CheckpointProbe.reset(2, null);
        Map<Long, CheckpointProbe.Figures> stats = Map.of(
                4L, new CheckpointProbe.Figures(4, 40, 400, 4_000),
                5L, new CheckpointProbe.Figures(5, 50, 500, 5_000),
                6L, new CheckpointProbe.Figures(6, 60, 600, 6_000),
                7L, new CheckpointProbe.Figures(7, 70, 700, 7_000),
                8L, new CheckpointProbe.Figures(8, 80, 800, 8_000));
        CheckpointProbe.allow(1);
        // Checkpoint 3 was taken before the last event arrived, so it is not quiet. Checkpoint 4 is, but it may have been
        // triggered before the last event was processed (its barrier behind it): its duration would count that event.
        CheckpointProbe.processedOne();
        snapshotOnBothSubtasks(3);
        CheckpointProbe.processedOne();
        snapshotOnBothSubtasks(4);
        snapshotOnBothSubtasks(5);
        CheckpointProbe.Figures loaded = CheckpointProbe.measureAfter(1, stats::get, RUNNING, -1);
        assertThat(loaded).isEqualTo(stats.get(5L));

        // Checkpoint 6 ran while the next events did; 7 came after them but may have been triggered before the last
        // one was processed; 8 is measured, with 6's and 7's writes.
        CheckpointProbe.allow(2);
        CheckpointProbe.processedOne();
        snapshotOnBothSubtasks(6);
        CheckpointProbe.processedOne();
        snapshotOnBothSubtasks(7);
        snapshotOnBothSubtasks(8);
        CheckpointProbe.Figures changed = CheckpointProbe.measureAfter(2, stats::get, RUNNING, loaded.checkpointId());
        assertThat(changed).isEqualTo(new CheckpointProbe.Figures(8, 80, 600 + 700 + 800, 8_000));
    }

    private static void snapshotOnBothSubtasks(long id) {
        CheckpointProbe.snapshot(id);
        CheckpointProbe.snapshot(id);
        CheckpointProbe.completed(id);
        CheckpointProbe.completed(id);
    }
}
