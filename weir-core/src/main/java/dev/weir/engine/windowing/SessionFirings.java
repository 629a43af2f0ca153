package dev.weir.engine.windowing;

/**
 * When sessions fire, earliest (max timestamp, version) first, each with the session's identity and its slot in the
 * {@link SessionTable} (so firing needs no lookup by key). Entries go stale instead of being updated: a session that
 * grows or merges keeps its old entry, and the operator, when that entry comes due, either pushes the session again
 * under its current time and version or, when the session merged away, drops it. A session therefore fires at the position its
 * exact (max timestamp, version) gives it, and growing a session costs nothing here.
 *
 * <p>Firings arrive almost in order: a session's end is its first element's timestamp plus the gap, and each input
 * channel's timestamps rise, so the firings of one channel's elements come in order and a subtask sees a few such
 * streams interleaved. Each firing therefore goes to the first of a few {@linkplain SortedRun sorted runs} it extends
 * (the one whose last firing is latest without coming after it), and only firings that extend none go to a
 * {@link FiringHeap}. Taking the earliest compares the heads of the runs and the heap. Between two watermarks this
 * holds every session opened, more than the caches hold: a heap pop walks its depth through memory, a run's head and
 * tail are in cache.
 */
final class SessionFirings {
    /** Enough for the interleaved input channels of a subtask; a firing that extends none goes to the heap. */
    private static final int RUNS = 4;
    /** {@link #head} when the earliest firing has not been looked for since the last change. */
    private static final int UNKNOWN = -2;
    /** {@link #head} when the earliest firing is the heap's. */
    private static final int HEAP = -1;

    private final SortedRun[] runs = new SortedRun[RUNS];
    private final FiringHeap heap = new FiringHeap();
    private int size;
    /** Where the earliest firing is: a run's index, {@link #HEAP}, or {@link #UNKNOWN}. */
    private int head = UNKNOWN;

    SessionFirings() {
        for (int i = 0; i < RUNS; i++) {
            runs[i] = new SortedRun();
        }
    }

    void push(long time, long version, int slot, long id) {
        int best = -1;
        int empty = -1;
        for (int i = 0; i < RUNS; i++) {
            SortedRun run = runs[i];
            if (run.isEmpty()) {
                if (empty < 0) {
                    empty = i;
                }
            } else if (run.accepts(time, version) && (best < 0 || laterTail(run, runs[best]))) {
                best = i;
            }
        }
        if (best < 0) {
            best = empty;
        }
        if (best >= 0) {
            runs[best].append(time, version, slot, id);
        } else {
            heap.push(time, version, slot, id);
        }
        size++;
        head = UNKNOWN;
    }

    private static boolean laterTail(SortedRun run, SortedRun other) {
        long time = run.tailTime();
        long otherTime = other.tailTime();
        return time > otherTime || (time == otherTime && run.tailVersion() > other.tailVersion());
    }

    boolean isEmpty() {
        return size == 0;
    }

    long headTime() {
        int at = head();
        return at == HEAP ? heap.headTime() : runs[at].headTime();
    }

    long headVersion() {
        int at = head();
        return at == HEAP ? heap.headVersion() : runs[at].headVersion();
    }

    long headId() {
        int at = head();
        return at == HEAP ? heap.headId() : runs[at].headId();
    }

    /** The table slot of the earliest session; the session may have merged away, fired or changed since. */
    int headSlot() {
        int at = head();
        return at == HEAP ? heap.headSlot() : runs[at].headSlot();
    }

    /** Removes the earliest firing; only when not {@link #isEmpty}. */
    void pop() {
        int at = head();
        if (at == HEAP) {
            heap.pop();
        } else {
            runs[at].pop();
        }
        size--;
        head = UNKNOWN;
    }

    /** Where the earliest firing is, found once per change; only when not {@link #isEmpty}. */
    private int head() {
        if (head != UNKNOWN) {
            return head;
        }
        int at = HEAP;
        long time = 0;
        long version = 0;
        if (!heap.isEmpty()) {
            time = heap.headTime();
            version = heap.headVersion();
        }
        for (int i = 0; i < RUNS; i++) {
            SortedRun run = runs[i];
            if (run.isEmpty()) {
                continue;
            }
            long runTime = run.headTime();
            long runVersion = run.headVersion();
            boolean first = at == HEAP && heap.isEmpty();
            if (first || runTime < time || (runTime == time && runVersion < version)) {
                at = i;
                time = runTime;
                version = runVersion;
            }
        }
        head = at;
        return at;
    }
}
