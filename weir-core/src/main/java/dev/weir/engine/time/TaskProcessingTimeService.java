package dev.weir.engine.time;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The processing-time service of one task: a clock (the wall clock in production) and a min-heap of callbacks,
 * fired on the task's thread when it polls {@link #fireDueTimers()}. The heap is three parallel arrays ordered by
 * (time, registration sequence), so registering a timer allocates nothing but occasional array growth.
 */
public final class TaskProcessingTimeService implements ProcessingTimeService {
    private static final int INITIAL_CAPACITY = 16;

    private final LongSupplier clock;
    private long[] times = new long[INITIAL_CAPACITY];
    private long[] sequences = new long[INITIAL_CAPACITY];
    private ProcessingTimeCallback[] callbacks = new ProcessingTimeCallback[INITIAL_CAPACITY];
    private int size;
    private long nextSequence;

    /** A service reading {@code clock}, e.g. {@code System::currentTimeMillis}. */
    public TaskProcessingTimeService(LongSupplier clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public long getCurrentProcessingTime() {
        return clock.getAsLong();
    }

    @Override
    public void registerTimer(long time, ProcessingTimeCallback callback) {
        Objects.requireNonNull(callback, "callback");
        if (size == times.length) {
            grow();
        }
        int index = size++;
        long sequence = nextSequence++;
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (!before(time, sequence, times[parent], sequences[parent])) {
                break;
            }
            move(parent, index);
            index = parent;
        }
        set(index, time, sequence, callback);
    }

    /**
     * Fires, in time then registration order, every timer strictly before the time read once at the start,
     * including timers that firing callbacks register for such times. A timer for t fires once the clock reads t + 1,
     * as in Flink: an element processed during millisecond t still belongs to a processing-time window ending at t, so
     * firing at t could fire that window twice. A callback that throws stops the firing; its timer is gone, the later
     * ones stay.
     */
    @Override
    public int fireDueTimers() throws Exception {
        return fireTimersUpTo(clock.getAsLong() - 1);
    }

    /** Fires every timer at or before {@code time} (and those registered meanwhile for such times). */
    int fireTimersUpTo(long time) throws Exception {
        long limit = time;
        int fired = 0;
        while (size > 0 && times[0] <= limit) {
            long due = times[0];
            ProcessingTimeCallback callback = callbacks[0];
            removeHead();
            fired++;
            callback.onProcessingTime(due);
        }
        return fired;
    }

    @Override
    public long nextTimerTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** How many timers are pending. */
    public int numPendingTimers() {
        return size;
    }

    private void removeHead() {
        int last = --size;
        long time = times[last];
        long sequence = sequences[last];
        ProcessingTimeCallback callback = callbacks[last];
        callbacks[last] = null;
        if (last == 0) {
            return;
        }
        int index = 0;
        int half = last >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < last && before(times[right], sequences[right], times[child], sequences[child])) {
                child = right;
            }
            if (!before(times[child], sequences[child], time, sequence)) {
                break;
            }
            move(child, index);
            index = child;
        }
        set(index, time, sequence, callback);
    }

    private static boolean before(long time, long sequence, long otherTime, long otherSequence) {
        return time < otherTime || (time == otherTime && sequence < otherSequence);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        callbacks[to] = callbacks[from];
    }

    private void set(int index, long time, long sequence, ProcessingTimeCallback callback) {
        times[index] = time;
        sequences[index] = sequence;
        callbacks[index] = callback;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        sequences = Arrays.copyOf(sequences, capacity);
        callbacks = Arrays.copyOf(callbacks, capacity);
    }
}
