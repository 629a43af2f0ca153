package dev.weir.engine.windowing;

import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.OwnedKeyedState;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.OutputTag;

/**
 * Event-time session windows with a fixed gap, the default trigger, no evictor and no allowed lateness, with
 * pre-aggregation: every key's in-flight sessions as rows of one table ({@link SessionTable}, each key's sorted by
 * start and found through one index probe, {@link SessionKeyIndex}), merged in place with primitive timestamps, and
 * one queue of session ends ({@link SessionFirings}) that names each session's row, instead of a merging-window set
 * in keyed state, two timers, and a state lookup per element and window.
 *
 * <p>Results equal the generic {@link WindowOperator}'s: an element's window {@code [t, t + gap)} merges with every
 * in-flight session it touches (bounds that meet merge, as {@code TimeWindow.intersects} says), the merged partial
 * aggregates combine as the generic operator's state does (the later sessions first, then the earliest with them)
 * before the element is added; a session fires when the watermark reaches its max timestamp, with that timestamp,
 * sessions of equal end in the order in which their bounds last changed (the generic operator's timer order); an
 * element whose window touches no in-flight session and whose max timestamp is at or below the watermark is late
 * (dropped and counted, or side-output), while a late element that touches a session joins it, and one that
 * touches two bridges them.
 *
 * <p>Checkpoints hold every session as keyed state (state {@code session-windows}, namespace the session's
 * {@link TimeWindow}, value its partial aggregate), so they redistribute by key group on a rescale.
 */
public final class SessionWindowOperator extends PreAggregatingWindowOperator implements OwnedKeyedState {
    static final String SESSIONS_STATE = "session-windows";
    /** The generic {@link WindowOperator}'s state of in-flight sessions. */
    private static final String GENERIC_SESSIONS_STATE = "merging-window-set";

    private final long gap;
    private final SliceFunction aggregation;
    private final boolean emitsAsIs;
    /** Every key's in-flight sessions, a row each. */
    private final SessionTable sessions;
    /** Each key's latest session in {@link #sessions}; the earlier ones are linked from it there. */
    private final SessionKeyIndex index = new SessionKeyIndex();
    private final SessionFirings firings = new SessionFirings();
    private final OneElement input = new OneElement();
    /** Versions and identities of sessions, from one counter: a session's identity is its first version. */
    private long nextVersion;

    /** Sessions whose partials {@code sessions} keeps, combined by {@code aggregation} when they merge. */
    SessionWindowOperator(long gap, OutputTag<?> lateDataOutputTag, SliceFunction aggregation, SessionTable sessions,
                          InternalWindowFunction function) {
        super(lateDataOutputTag, function);
        if (gap <= 0) {
            throw new IllegalArgumentException("A session window's gap must be positive, was " + gap + " ms");
        }
        this.gap = gap;
        this.aggregation = aggregation;
        this.sessions = sessions;
        this.emitsAsIs = function.emitsInputAsIs();
    }

    @Override
    public void open() throws Exception {
        super.open();
        keyedState.adopt(SESSIONS_STATE, this, (name, key, namespace, value) -> {
            if (!(namespace instanceof TimeWindow window)) {
                throw new IllegalStateException(describe() + " cannot restore its session windows: the checkpoint holds '"
                        + name + "' entries with namespace " + namespace + " instead of a session window; it was written "
                        + "by another window layout. Restore it with the Weir version that wrote it, or start without it");
            }
            restoreSession(key, window.getStart(), window.getEnd(), value);
        });
        // Sessions of a checkpoint written when these windows ran on the generic operator would be lost silently.
        keyedState.adopt(GENERIC_SESSIONS_STATE, visitor -> { }, (name, key, namespace, value) -> {
            throw new IllegalStateException(describe() + " cannot restore the session windows of key " + key + ": the "
                    + "checkpoint holds them in the generic window operator's '" + name + "' state, from an earlier Weir "
                    + "version. Restore it with the Weir version that wrote it, or start without it");
        });
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker): " + describe()
                    + " needs timestamps; call assignTimestampsAndWatermarks(...) before the window");
        }
        Object key = keyedState.getCurrentKey();
        SessionTable table = sessions;
        long start = timestamp;
        long end = timestamp + gap;
        int entry = index.find(key);
        // The key's sessions, apart and sorted by start, are a list from its latest back; elements mostly come after it.
        int after = -1;
        int session = latestSession(entry);
        while (session >= 0 && table.start(session) > end) {
            after = session;
            session = table.prev(session);
        }
        int last = session;
        int first = -1;
        int touched = 0;
        while (session >= 0 && table.end(session) >= start) {
            long sessionStart = table.start(session);
            end = Math.max(end, table.end(session));
            first = session;
            touched++;
            if (start >= sessionStart) {
                // Earlier sessions end before this one starts: the window touches none of them.
                start = sessionStart;
                break;
            }
            session = table.prev(session);
        }
        if (touched == 0) {
            if (end - 1 <= currentWatermark) {
                dropLate(value, timestamp);
                return;
            }
            long version = nextVersion++;
            int slot = open(key, entry, session, after, start, end, version);
            table.add(slot, value, true);
            firings.push(end - 1, version, slot, version);
            return;
        }
        if (touched > 1) {
            table.setPartial(first, combineBridged(table, first, last, touched));
            for (int merged = last; merged != first; ) {
                int previous = table.prev(merged);
                table.close(merged);
                merged = previous;
            }
            if (after >= 0) {
                table.setPrev(after, first);
            }
        }
        if (start != table.start(first) || end != table.end(first)) {
            // The bounds changed: the session's firing entry is now stale and is renewed when it comes due.
            table.setBounds(first, start, end, nextVersion++);
        }
        if (after < 0) {
            index.set(entry, first, end);
        }
        table.add(first, value, false);
    }

    /** The slot of the latest in-flight session of the key at {@code entry} of the index (or {@code ~free}), or -1. */
    private int latestSession(int entry) {
        // Once the watermark reached the latest session's end, every session of the key has fired.
        return entry >= 0 && index.end(entry) - 1 > currentWatermark ? index.slot(entry) : -1;
    }

    /**
     * Opens a session of {@code key} between its sessions {@code before} and {@code after} (-1: none);
     * {@code entry} is the key's in the index, or {@code ~free}.
     */
    private int open(Object key, int entry, int before, int after, long start, long end, long version) {
        SessionTable table = sessions;
        int slot = table.open(key, start, end, version, version);
        table.setPrev(slot, before);
        if (after >= 0) {
            table.setPrev(after, slot);
        } else if (entry >= 0) {
            index.set(entry, slot, end);
        } else {
            index.add(entry, key, slot, end, currentWatermark);
        }
        return slot;
    }

    /**
     * Combines the partial aggregates of the {@code count} sessions {@code first} to {@code last} that an element bridges, in
     * the generic operator's order, which is Flink's: the merged windows in the iteration order of the {@code HashSet}
     * that {@code TimeWindow.mergeWindows} collects them in (with the element's window, which is then removed), the
     * first one the target, the others combined first and then into it. Only a bridge takes this path, so the windows
     * it makes are no per-record cost.
     */
    private Object combineBridged(SessionTable table, int first, int last, int count) throws Exception {
        int capacity = 16;
        while (count + 1 > capacity * 3 / 4) {
            capacity *= 2;
        }
        int[] slots = new int[count];
        for (int i = count - 1, slot = last; i >= 0; i--, slot = table.prev(slot)) {
            slots[i] = slot;
        }
        int[] order = new int[count];
        int[] buckets = new int[count];
        for (int i = 0; i < count; i++) {
            int slot = slots[i];
            int hash = new TimeWindow(table.start(slot), table.end(slot)).hashCode();
            int bucket = (hash ^ (hash >>> 16)) & (capacity - 1);
            // Insertion sort by bucket; sessions come in start order, which is the set's order within a bucket.
            int j = i;
            while (j > 0 && buckets[j - 1] > bucket) {
                buckets[j] = buckets[j - 1];
                order[j] = order[j - 1];
                j--;
            }
            buckets[j] = bucket;
            order[j] = slot;
        }
        Object later = table.partial(order[1]);
        for (int i = 2; i < count; i++) {
            later = aggregation.combine(later, table.partial(order[i]));
        }
        return aggregation.combine(table.partial(order[0]), later);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        // Set first: the window functions of the sessions firing now see this watermark, as timers' callbacks do.
        currentWatermark = Math.max(watermark, currentWatermark);
        SessionFirings due = firings;
        SessionTable table = sessions;
        while (!due.isEmpty() && due.headTime() <= watermark) {
            long time = due.headTime();
            long version = due.headVersion();
            long id = due.headId();
            int slot = due.headSlot();
            due.pop();
            // Identities are never reused and a freed slot's reads -1, so a slot since freed or taken again fails this.
            if (table.id(slot) != id) {
                continue; // merged into an earlier session of its key, or fired
            }
            long currentVersion = table.version(slot);
            if (currentVersion != version) {
                due.push(table.end(slot) - 1, currentVersion, slot, id);
                continue;
            }
            fire(slot, time);
        }
        super.processWatermark(currentWatermark);
    }

    @SuppressWarnings("unchecked")
    private void fire(int slot, long maxTimestamp) throws Exception {
        SessionTable table = sessions;
        Object result = table.result(slot);
        long start = table.start(slot);
        long end = table.end(slot);
        Object key = emitsAsIs ? null : table.key(slot);
        // The session is its key's earliest; a later one's link to it goes stale, and the index's entry dies with the
        // key's latest session: nothing else to update.
        table.close(slot);
        collector.setTimestamp(maxTimestamp);
        if (emitsAsIs) {
            // No function sees the window: no object for it, and no read of the key.
            collector.collect(result);
            return;
        }
        TimeWindow window = new TimeWindow(start, end);
        firingWindow = window;
        keyedState.setCurrentKey(key);
        function.process(key, window, this, input.of(result), collector);
        function.clear(window, this);
    }

    private void restoreSession(Object key, long start, long end, Object partial) {
        SessionTable table = sessions;
        int entry = index.find(key);
        int after = -1;
        int before = latestSession(entry);
        while (before >= 0 && table.start(before) > start) {
            after = before;
            before = table.prev(before);
        }
        long version = nextVersion++;
        int slot = open(key, entry, before, after, start, end, version);
        table.setPartial(slot, partial);
        firings.push(end - 1, version, slot, version);
    }

    @Override
    public void forEachEntry(OwnedKeyedState.Visitor visitor) throws Exception {
        int maxParallelism = keyedState.getMaxParallelism();
        SessionTable table = sessions;
        for (int slot = 0, n = table.limit(); slot < n; slot++) {
            Object key = table.key(slot);
            if (key != null) {
                int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
                visitor.visit(keyGroup, key, new TimeWindow(table.start(slot), table.end(slot)), table.partial(slot));
            }
        }
    }
}
