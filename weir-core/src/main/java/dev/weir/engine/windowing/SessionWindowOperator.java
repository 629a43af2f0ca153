package dev.weir.engine.windowing;

import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.OwnedKeyedState;
import dev.weir.engine.state.StateMap;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.util.OutputTag;
import java.util.ArrayDeque;

/**
 * Event-time session windows with a fixed gap, the default trigger, no evictor and no allowed lateness, with
 * pre-aggregation: each key's in-flight sessions sorted by start ({@link KeySessions}), merged in place with
 * primitive timestamps, and one heap of session ends ({@link SessionFirings}) instead of a merging-window set in
 * keyed state, two timers, and a state lookup per element and window.
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
    /** Bounds the lists kept for reuse, so that a burst of keys does not pin their memory afterwards. */
    private static final int MAX_SPARE_LISTS = 4096;
    /** The generic {@link WindowOperator}'s state of in-flight sessions. */
    private static final String GENERIC_SESSIONS_STATE = "merging-window-set";

    private final long gap;
    private final SliceFunction aggregation;
    private final boolean emitsAsIs;
    /** Each key's in-flight sessions: an open-addressing map that compares {@code Long} keys without reading them. */
    private final StateMap byKey = new StateMap();
    private final SessionFirings firings = new SessionFirings();
    /**
     * Emptied session lists, reused for new keys: with a gap shorter than a key's pauses most elements open a
     * session of a key that has none, which would otherwise allocate a list each time.
     */
    private final ArrayDeque<KeySessions> spare = new ArrayDeque<>();
    private final OneElement input = new OneElement();
    /** Versions and identities of sessions, from one counter: a session's identity is its first version. */
    private long nextVersion;

    SessionWindowOperator(long gap, OutputTag<?> lateDataOutputTag, SliceFunction aggregation, InternalWindowFunction function) {
        super(lateDataOutputTag, function);
        if (gap <= 0) {
            throw new IllegalArgumentException("A session window's gap must be positive, was " + gap + " ms");
        }
        this.gap = gap;
        this.aggregation = aggregation;
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
        KeySessions sessions = (KeySessions) byKey.get(key);
        long start = timestamp;
        long end = timestamp + gap;
        int first = sessions == null ? 0 : sessions.firstTouching(start);
        int last = first;
        if (sessions != null) {
            // In-flight sessions are sorted and apart, so the ones the window touches are a run, growing the cover.
            while (last < sessions.count && sessions.start(last) <= end) {
                start = Math.min(start, sessions.start(last));
                end = Math.max(end, sessions.end(last));
                last++;
            }
        }
        if (first == last) {
            if (end - 1 <= currentWatermark) {
                dropLate(value, timestamp);
                return;
            }
            if (sessions == null) {
                sessions = sessionsFor(key);
            }
            long version = nextVersion++;
            sessions.insert(first, start, end, version, version, aggregation.add(null, value));
            firings.push(end - 1, version, sessions, version);
            return;
        }
        Object partial = sessions.partial(first);
        if (last - first > 1) {
            partial = combineBridged(sessions, first, last);
            sessions.remove(first + 1, last);
        }
        if (start != sessions.start(first) || end != sessions.end(first)) {
            // The bounds changed: the session's firing entry is now stale and is renewed when it comes due.
            sessions.setBounds(first, start, end, nextVersion++);
        }
        sessions.setPartial(first, aggregation.add(partial, value));
    }

    /**
     * Combines the partial aggregates of sessions that an element bridges, in the generic operator's order, which
     * is Flink's: the merged windows in the iteration order of the {@code HashSet} that {@code TimeWindow.mergeWindows}
     * collects them in (with the element's window, which is then removed), the first one the target, the others
     * combined first and then into it. Only a bridge takes this path, so the windows it makes are no per-record cost.
     */
    private Object combineBridged(KeySessions sessions, int first, int last) throws Exception {
        int count = last - first;
        int capacity = 16;
        while (count + 1 > capacity * 3 / 4) {
            capacity *= 2;
        }
        int[] order = new int[count];
        int[] buckets = new int[count];
        for (int i = 0; i < count; i++) {
            int hash = new TimeWindow(sessions.start(first + i), sessions.end(first + i)).hashCode();
            int bucket = (hash ^ (hash >>> 16)) & (capacity - 1);
            // Insertion sort by bucket; sessions come in start order, which is the set's order within a bucket.
            int j = i;
            while (j > 0 && buckets[j - 1] > bucket) {
                buckets[j] = buckets[j - 1];
                order[j] = order[j - 1];
                j--;
            }
            buckets[j] = bucket;
            order[j] = first + i;
        }
        Object later = sessions.partial(order[1]);
        for (int i = 2; i < count; i++) {
            later = aggregation.combine(later, sessions.partial(order[i]));
        }
        return aggregation.combine(sessions.partial(order[0]), later);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        // Set first: the window functions of the sessions firing now see this watermark, as timers' callbacks do.
        currentWatermark = Math.max(watermark, currentWatermark);
        SessionFirings due = firings;
        while (!due.isEmpty() && due.headTime() <= watermark) {
            long time = due.headTime();
            long version = due.headVersion();
            long id = due.headId();
            KeySessions sessions = due.headOwner();
            due.pop();
            // Identities are never reused, so a list since emptied (or reused for another key) does not hold this one.
            int index = sessions.indexOf(id);
            if (index < 0) {
                continue; // merged into an earlier session of its key, or fired
            }
            long currentVersion = sessions.version(index);
            if (currentVersion != version) {
                due.push(sessions.end(index) - 1, currentVersion, sessions, id);
                continue;
            }
            fire(sessions, index, time);
        }
        super.processWatermark(currentWatermark);
    }

    @SuppressWarnings("unchecked")
    private void fire(KeySessions sessions, int index, long maxTimestamp) throws Exception {
        Object key = sessions.key;
        long start = sessions.start(index);
        long end = sessions.end(index);
        Object result = aggregation.result(sessions.partial(index), true);
        sessions.remove(index, index + 1);
        if (sessions.count == 0) {
            byKey.remove(key);
            if (spare.size() < MAX_SPARE_LISTS) {
                sessions.key = null;
                spare.push(sessions);
            }
        }
        collector.setTimestamp(maxTimestamp);
        if (emitsAsIs) {
            // No function sees the window: no object for it.
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
        KeySessions sessions = (KeySessions) byKey.get(key);
        if (sessions == null) {
            sessions = sessionsFor(key);
        }
        long version = nextVersion++;
        sessions.insert(sessions.firstTouching(start), start, end, version, version, partial);
        firings.push(end - 1, version, sessions, version);
    }

    /** An empty session list for a key that has none, registered under it. */
    private KeySessions sessionsFor(Object key) {
        KeySessions sessions = spare.poll();
        if (sessions == null) {
            sessions = new KeySessions();
        }
        sessions.key = key;
        byKey.put(key, sessions);
        return sessions;
    }

    @Override
    public void forEachEntry(OwnedKeyedState.Visitor visitor) throws Exception {
        int maxParallelism = keyedState.getMaxParallelism();
        for (int slot = 0, n = byKey.capacity(); slot < n; slot++) {
            Object key = byKey.keyAt(slot);
            if (key == null) {
                continue;
            }
            KeySessions sessions = (KeySessions) byKey.valueAt(slot);
            int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
            for (int i = 0; i < sessions.count; i++) {
                visitor.visit(keyGroup, key, new TimeWindow(sessions.start(i), sessions.end(i)), sessions.partial(i));
            }
        }
    }
}
