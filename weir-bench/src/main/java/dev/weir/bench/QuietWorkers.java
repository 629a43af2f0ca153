package dev.weir.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes every measured round start on a quiet machine, the same way for every engine: before a round, waits until no
 * worker JVM (the one about to measure included) is still busy with the previous round — its JIT compiling, its
 * collector, a MiniCluster shutting down — and tells how much CPU the other workers took during the round.
 *
 * <p>Without it a round could start while the previous engine's JVM still compiled on one of the two cores: whichever
 * engine ran second in a pair was measured on one core and a half. The wait is a condition (a window in which every
 * worker used under {@link #BUSY_FRACTION} of a core), bounded by {@link #MAX_WAIT_MILLIS}; the workers' own
 * {@code cpu} answers are the only clock, so it holds on a loaded machine too (there it gives up at the bound, and
 * {@link #lastWaitQuiet()} says so).
 */
final class QuietWorkers {
    /** The window over which a worker's CPU use is judged. */
    private static final long WINDOW_MILLIS = 50;
    /** A worker using less than this share of one core over a window counts as quiet. */
    private static final double BUSY_FRACTION = 0.05;
    /** Never wait longer than this for quiet; the round then runs anyway. */
    private static final long MAX_WAIT_MILLIS = 10_000;

    /** The CPU nanoseconds each worker JVM has used so far, in a fixed order. */
    interface CpuClocks {
        long[] cpuNanos() throws IOException;
    }

    private final List<String> names;
    private final CpuClocks clocks;
    private final long[] cpuAtRoundStart;
    private boolean lastWaitQuiet;

    QuietWorkers(List<String> names, CpuClocks clocks) {
        this.names = List.copyOf(names);
        this.clocks = clocks;
        this.cpuAtRoundStart = new long[names.size()];
    }

    /** Watches the worker JVMs of {@code workers}, each asked through its {@code cpu} command. */
    static QuietWorkers of(Map<String, ForkedJvm> workers) {
        List<ForkedJvm> jvms = new ArrayList<>(workers.values());
        return new QuietWorkers(new ArrayList<>(workers.keySet()), () -> {
            long[] cpu = new long[jvms.size()];
            for (int i = 0; i < cpu.length; i++) {
                cpu[i] = Long.parseLong(jvms.get(i).ask("cpu"));
            }
            return cpu;
        });
    }

    /**
     * Waits until every worker has been quiet for one window (or {@link #MAX_WAIT_MILLIS} passed), then notes each
     * worker's CPU time as the start of the round.
     */
    void awaitQuietThenStartRound() throws IOException {
        long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000;
        long[] before = cpuTimes();
        long windowStart = System.nanoTime();
        lastWaitQuiet = false;
        while (System.nanoTime() < deadline) {
            sleep(WINDOW_MILLIS);
            long[] after = cpuTimes();
            long wall = System.nanoTime() - windowStart;
            boolean quiet = true;
            for (int i = 0; i < after.length; i++) {
                quiet &= after[i] - before[i] < BUSY_FRACTION * wall;
            }
            if (quiet) {
                lastWaitQuiet = true;
                System.arraycopy(after, 0, cpuAtRoundStart, 0, after.length);
                return;
            }
            before = after;
            windowStart = System.nanoTime();
        }
        System.arraycopy(cpuTimes(), 0, cpuAtRoundStart, 0, cpuAtRoundStart.length);
    }

    /** Notes each worker's CPU time as the start of a round without waiting ({@code --no-quiet}). */
    void startRoundNow() throws IOException {
        System.arraycopy(cpuTimes(), 0, cpuAtRoundStart, 0, cpuAtRoundStart.length);
        lastWaitQuiet = false;
    }

    /** Whether the last {@link #awaitQuietThenStartRound()} saw a quiet window before its bound. */
    boolean lastWaitQuiet() {
        return lastWaitQuiet;
    }

    /**
     * The CPU nanoseconds each worker used since the round started, in the order of the workers map; the measured
     * engine's is its cost, the others' the interference it suffered.
     */
    long[] cpuSinceRoundStart() throws IOException {
        long[] now = cpuTimes();
        for (int i = 0; i < now.length; i++) {
            now[i] -= cpuAtRoundStart[i];
        }
        return now;
    }

    /** The index of {@code engine} in the arrays this class answers. */
    int indexOf(String engine) {
        int i = names.indexOf(engine);
        if (i < 0) {
            throw new IllegalArgumentException("No worker named " + engine);
        }
        return i;
    }

    private long[] cpuTimes() throws IOException {
        return clocks.cpuNanos();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the workers to be quiet", e);
        }
    }
}
