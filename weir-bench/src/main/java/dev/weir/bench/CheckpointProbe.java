package dev.weir.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Workload 11a's checkpoint figures (issue 19), the same way on both engines: the job's source is gated, so the
 * driver waits for the job's first completed checkpoint, lets through the first {@code loaded} events (all of the 1M
 * keys), waits until the job has processed them
 * and for a checkpoint triggered after that (a "quiet" one: every subtask's barrier came after its last record, and
 * the checkpoint was triggered once the job had processed them, so its duration never includes processing events that
 * were still in flight at the trigger), then
 * lets through {@code changed} more events (about that many keys change) and waits for the next quiet checkpoint.
 * Both engines then hold exactly the same state at each measured checkpoint, whatever their speed. The engines
 * read each measured checkpoint's duration and size from their own statistics (Flink's REST API, Weir's checkpoint
 * history and checkpoint folder).
 *
 * <p>Static: the job's functions are copies made in the same JVM (both engines run jobs in the worker's JVM), so
 * the gate, the source's limiters and the marking function meet here. One probe runs at a time.
 */
public final class CheckpointProbe {
    private static final CompletableFuture<Void> OPEN = CompletableFuture.completedFuture(null);
    private static final long TIMEOUT_MILLIS = 600_000;

    /** Events each source subtask may emit so far. */
    private static final AtomicLong allowedPerSubtask = new AtomicLong();
    /** Events the job's marking function has seen, all subtasks. */
    private static final AtomicLong processed = new AtomicLong();
    private static volatile long allowedTotal;
    private static volatile int parallelism;
    /** Per checkpoint and allowance, how many subtasks took their snapshot after the allowance's last event. */
    private static final Map<Quiet, AtomicInteger> quietSnapshots = new ConcurrentHashMap<>();
    /** Per checkpoint id, how many subtasks heard it completed. */
    private static final Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    private static final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    /** The highest checkpoint id a marking subtask has snapshotted. */
    private static final AtomicLong lastSnapshotted = new AtomicLong(-1);
    /**
     * The least checkpoint id triggered after the job processed the current allowance's last event. Both engines run
     * one checkpoint at a time (Flink's and Weir's default), and checkpoint n + 1 is triggered only after n completed:
     * when the last event is processed, every checkpoint triggered so far is at most one past the highest snapshotted.
     */
    private static volatile long quietFrom = Long.MAX_VALUE;
    /** Called once per completed checkpoint id, on the first subtask that hears of it (null: none). */
    private static volatile java.util.function.LongConsumer onFirstCompletion;

    private CheckpointProbe() {
    }

    /** A checkpoint whose snapshot came after all {@code allowed} events (tagged so a late earlier phase never counts). */
    private record Quiet(long checkpointId, long allowed) {
    }

    /** One measured checkpoint: its id, duration, the bytes it wrote and the bytes of the whole state it stands for. */
    public record Figures(long checkpointId, long durationMillis, long checkpointedBytes, long fullBytes) {
        public String answer() {
            return durationMillis + " " + checkpointedBytes + " " + fullBytes;
        }
    }

    /** Reads one checkpoint's figures from the engine's own statistics. */
    @FunctionalInterface
    public interface StatsReader {
        /** The figures of checkpoint {@code checkpointId}, waiting while it is in progress; null if it failed. */
        Figures read(long checkpointId) throws Exception;
    }

    /** Resets the probe for a job of {@code parallelism} source subtasks; nothing may pass until {@link #allow}. */
    public static void reset(int subtasks, java.util.function.LongConsumer firstCompletion) {
        synchronized (waiting) {
            onFirstCompletion = firstCompletion;
            allowedPerSubtask.set(0);
            processed.set(0);
            allowedTotal = 0;
            parallelism = subtasks;
            quietSnapshots.clear();
            completions.clear();
            lastSnapshotted.set(-1);
            quietFrom = Long.MAX_VALUE;
            waiting.clear();
        }
    }

    /** Lets each source subtask emit up to {@code perSubtask} events in all. */
    public static void allow(long perSubtask) {
        List<CompletableFuture<Void>> released;
        synchronized (waiting) {
            if (perSubtask * parallelism != allowedTotal) {
                quietFrom = Long.MAX_VALUE;
            }
            allowedTotal = perSubtask * parallelism;
            allowedPerSubtask.set(perSubtask);
            released = new ArrayList<>(waiting);
            waiting.clear();
        }
        released.forEach(f -> f.complete(null));
    }

    /** A source subtask's limiter asks whether it may emit its {@code emitted + 1}-th event. */
    public static CompletableFuture<Void> permit(long emitted) {
        if (emitted < allowedPerSubtask.get()) {
            return OPEN;
        }
        synchronized (waiting) {
            if (emitted < allowedPerSubtask.get()) {
                return OPEN;
            }
            CompletableFuture<Void> gate = new CompletableFuture<>();
            waiting.add(gate);
            return gate;
        }
    }

    /** The marking function saw one event. */
    public static void processedOne() {
        if (processed.incrementAndGet() == allowedTotal) {
            quietFrom = lastSnapshotted.get() + 2;
        }
    }

    /** A subtask of the marking function snapshots checkpoint {@code id}. */
    public static void snapshot(long id) {
        lastSnapshotted.accumulateAndGet(id, Math::max);
        long seen = processed.get();
        long allowed = allowedTotal;
        if (seen == allowed) {
            quietSnapshots.computeIfAbsent(new Quiet(id, allowed), k -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** A subtask of the marking function heard that checkpoint {@code id} completed. */
    public static void completed(long id) {
        AtomicInteger heard = completions.computeIfAbsent(id, k -> new AtomicInteger());
        java.util.function.LongConsumer first = onFirstCompletion;
        if (heard.getAndIncrement() == 0 && first != null) {
            first.accept(id);
        }
    }

    /**
     * Lets {@code perSubtask} events through, waits until the job processed them all and a quiet checkpoint
     * completed, and reads the first such checkpoint's figures. With {@code writtenSince} not negative, the
     * checkpointed bytes are those of every checkpoint after {@code writtenSince} up to it: periodic checkpoints taken
     * while the events ran wrote part of the change (an incremental checkpoint's figure); else its own.
     */
    public static Figures measureAfter(long perSubtask, StatsReader stats, CompletableFuture<?> job, long writtenSince)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
        if (allowedTotal == 0) {
            // The loading burst comes into a job that has checkpointed already, as a burst into a running job does: the
            // job's very first checkpoint (the backends' first) is not the one measured.
            while (completions.isEmpty()) {
                if (job.isDone() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the checkpoint probe's job completed no checkpoint before loading");
                }
                Thread.sleep(5);
            }
        }
        allow(perSubtask);
        while (true) {
            long first = Long.MAX_VALUE;
            for (Map.Entry<Quiet, AtomicInteger> quiet : quietSnapshots.entrySet()) {
                long id = quiet.getKey().checkpointId();
                AtomicInteger done = completions.get(id);
                if (quiet.getKey().allowed() == allowedTotal && id >= quietFrom && quiet.getValue().get() == parallelism && done != null
                        && done.get() == parallelism) {
                    first = Math.min(first, id);
                }
            }
            if (first != Long.MAX_VALUE) {
                System.err.println("checkpoint probe: measured checkpoint " + first + " after " + allowedTotal + " events");
                Figures own = stats.read(first);
                if (writtenSince < 0) {
                    return own;
                }
                long written = own.checkpointedBytes();
                for (long id = writtenSince + 1; id < first; id++) {
                    Figures between = stats.read(id);
                    written += between == null ? 0 : between.checkpointedBytes();
                }
                return new Figures(first, own.durationMillis(), written, own.fullBytes());
            }
            if (job.isDone()) {
                job.get();
                throw new IllegalStateException("the checkpoint probe's job ended before a checkpoint after "
                        + allowedTotal + " events completed (processed " + processed.get() + ")");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no checkpoint after " + allowedTotal + " events completed within "
                        + TIMEOUT_MILLIS / 1000 + " s (processed " + processed.get() + ")");
            }
            Thread.sleep(5);
        }
    }

    /** Bytes of the regular files under {@code folder}, 0 when it does not exist. */
    public static long sizeOf(Path folder) {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0; // deleted by retention while walking
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Cannot measure the checkpoint folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a probe run's checkpoint folder; what cannot be deleted stays in the temp folder. */
    public static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the checkpoint folder " + folder + ": " + e.getMessage());
        }
    }
}
