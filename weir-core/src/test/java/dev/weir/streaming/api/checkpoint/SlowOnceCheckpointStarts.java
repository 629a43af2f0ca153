package dev.weir.streaming.api.checkpoint;

import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.api.common.state.CheckpointListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * For tests that a source reader ends its poll when a checkpoint waits (chain it to the source): passes nine records at
 * full speed; from the tenth, blocks until a checkpoint has started (a {@code chk-} folder exists under the checkpoint
 * directory), then takes a millisecond per record until it hears that a checkpoint completed.
 * {@link #SEEN_AT_FIRST_COMPLETION} then holds how many records it had seen: when the reader does not yield, a
 * checkpoint can complete only once the whole poll went through.
 */
public final class SlowOnceCheckpointStarts<T> extends RichMapFunction<T, T> implements CheckpointListener {
    private static final long serialVersionUID = 1L;
    /** How many records the map had seen when it first heard of a completed checkpoint after its tenth; -1 before that. */
    public static final AtomicLong SEEN_AT_FIRST_COMPLETION = new AtomicLong(-1);
    private final String checkpoints;
    private long seen;

    /** {@code checkpoints} is the job's checkpoint directory. */
    public SlowOnceCheckpointStarts(String checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public T map(T value) throws Exception {
        seen++;
        if (seen >= 10 && SEEN_AT_FIRST_COMPLETION.get() < 0) {
            long giveUp = System.nanoTime() + 60_000_000_000L; // against a hang only
            while (!started() && System.nanoTime() < giveUp) {
                Thread.sleep(1);
            }
            Thread.sleep(1);
        }
        return value;
    }

    private boolean started() throws IOException {
        Path root = Path.of(checkpoints);
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(root, 2)) {
            return paths.anyMatch(p -> p.getFileName().toString().startsWith("chk-"));
        } catch (java.io.UncheckedIOException e) {
            return false; // Retention deleted a folder while we walked: the caller looks again.
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (seen >= 10) {
            // Checkpoints that completed before the slow records began (a source still waiting for data) say nothing.
            SEEN_AT_FIRST_COMPLETION.compareAndSet(-1, seen);
        }
    }
}
