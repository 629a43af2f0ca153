package dev.weir.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workload 10's meter in the worker JVM: the heap job's window function counts its {@code add} calls here and each
 * source subtask reports once when its keyed share is behind it; {@link #settledHeap} then waits for both and
 * measures the used heap after full collections have made it stable.
 */
public final class HeapProbe {
    private static final AtomicLong ADDED = new AtomicLong();
    private static final AtomicLong SUBTASKS_PAST_KEYS = new AtomicLong();
    private static final long STABLE_BYTES = 256 * 1024;

    private HeapProbe() {
    }

    public static void reset() {
        ADDED.set(0);
        SUBTASKS_PAST_KEYS.set(0);
    }

    /** Called by the heap job's window aggregate once per event it adds. */
    public static void added() {
        ADDED.incrementAndGet();
    }

    /** Called once by each source subtask when it generates its first index beyond the keyed events. */
    public static void pastKeys() {
        SUBTASKS_PAST_KEYS.incrementAndGet();
    }

    /**
     * Waits until this JVM runs no more than {@code threads} live threads again (an engine has torn a cancelled job
     * down and let go of its state), or {@code timeoutMillis} passes; Flink closes a job's MiniCluster only
     * after the job's end is reported, so its state would otherwise count in the next job's baseline.
     */
    public static void awaitThreadsBackTo(int threads, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (Thread.activeCount() > threads && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /**
     * Waits until full collections stop freeing memory: a settled used heap that fell by less than 1 MiB over a
     * second, or {@code timeoutMillis}. Flink lets go of a cancelled job's state seconds after the job's end is
     * reported (after its threads are gone), so without this the previous job's state counts in the next baseline.
     */
    public static void awaitQuietHeap(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long previous = settled();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            long used = settled();
            if (previous - used < 1024 * 1024) {
                return;
            }
            previous = used;
        }
    }

    /**
     * Waits until the window holds all {@code keys} events and every one of {@code parallelism} subtasks is past its
     * keyed share, then returns the used heap once two consecutive full collections agree within 256 KiB.
     */
    public static long settledHeap(long keys, int parallelism, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (ADDED.get() < keys || SUBTASKS_PAST_KEYS.get() < parallelism) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("HeapProbe: after " + timeoutMillis + " ms the window has "
                        + ADDED.get() + " of " + keys + " events and " + SUBTASKS_PAST_KEYS.get() + " of " + parallelism
                        + " source subtasks are past their keys; is the heap job's source running?");
            }
            Thread.sleep(10);
        }
        return settled();
    }

    private static long settled() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < STABLE_BYTES) {
                break;
            }
            previous = used;
        }
        return used;
    }
}
