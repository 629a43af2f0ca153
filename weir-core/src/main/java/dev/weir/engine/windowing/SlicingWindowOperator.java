package dev.weir.engine.windowing;

import dev.weir.util.OutputTag;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.exchange.OutputBacklog;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.state.OwnedKeyedState;
import dev.weir.engine.state.SlicedStateBackend;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Tumbling and sliding event-time windows with the default trigger, no evictor and no allowed lateness, computed by
 * slicing: time is cut into slices of {@code gcd(size, slide)}; each slice is one table of partial aggregates by key
 * ({@link SliceTable}) — or, for window functions without pre-aggregation, of the key's elements in the slice, each
 * stored once ({@link SliceBuffer}). An element costs one table lookup and one call of the user's function (or one
 * append), whatever {@code size / slide} is. An {@code AggregateFunction} whose accumulator has only primitive fields
 * keeps its partials in the tables' own arrays ({@link FlatAggregatingSlices}): no object per key and slice.
 *
 * <p>No timers: all keys' windows with the same end fire together, so when the watermark passes a window's end the
 * operator walks the window's slices in time order — one slice for a tumbling window, whose results come straight
 * from its table; several for a sliding one, combined key by key ({@link WindowAssembly}). That replaces a timer,
 * a timer-index entry and a state lookup per key and window by a sequential scan. Windows of many slides combine
 * their slices in two stacks ({@link SlidingAssembly}), about three combinations per key and window.
 *
 * <p>Results equal the generic {@link WindowOperator}'s: the same windows fire with the same timestamps
 * ({@code window.maxTimestamp()}), windows of one end fire before those of a later end, late elements are dropped
 * (counted in {@code numLateRecordsDropped}) or side-output under the same rule. Slices are combined in time order
 * rather than arrival order, so the function must not depend on the order of its inputs (as windowed
 * pre-aggregation assumes), and must not modify its inputs.
 *
 * <p>Checkpoints hold the slices as keyed state (state {@code window-slices}, namespace the slice start), so they
 * redistribute by key group on a rescale, and the watermark up to which windows fired: a restored operator does not
 * fire those windows again (with aligned barriers every subtask took its snapshot at the same watermark; otherwise
 * the smallest is taken, which may repeat a window rather than lose one).
 *
 * <p>On a backend that keeps slices itself ({@link SlicedStateBackend}: RocksDB) the slices live there instead, laid
 * out by key group, slice and key ({@link BackendSlices}), so window state may be far larger than the heap; the
 * backend's snapshots hold them, in the same form as this operator's heap slices.
 */
public final class SlicingWindowOperator extends PreAggregatingWindowOperator implements OwnedKeyedState {
    static final String SLICES_STATE = "window-slices";
    private static final String FIRED_THROUGH_STATE = "_window-fired-through";

    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final SliceFunction sliceFunction;
    private final boolean emitsAsIs;
    private final OneElement input = new OneElement();
    private final SliceTimeline timeline;
    private final WindowAssembly assembly;
    /**
     * For windows of many slides with pre-aggregation; null otherwise. Many is 12 or more for object partials (below,
     * combining every slice measured as fast) and 6 or more for partials in the tables' arrays (at 10 / 1 two stacks
     * measured 352 against 375 ns CPU per event, medians of six loaded rounds; issue 22 notes in docs/benchmarks.md).
     */
    private final SlidingAssembly sliding;
    /** The slices when the backend keeps them (RocksDB); null while they are the heap tables of {@code timeline}. */
    private BackendSlices stored;

    /** Windows whose max timestamp is at or below this have fired; elements only they would take are late. */
    private long firedThrough = Long.MIN_VALUE;

    // The heap slice the last element went to, [recentStart, recentEnd), and the end of the last window holding it:
    // in-order elements skip two divisions and the timeline's search. Forgotten whenever a window fires (the timeline
    // may then drop the slice and reuse its table).
    private long recentStart = Long.MAX_VALUE;
    private long recentEnd = Long.MIN_VALUE;
    private long recentLastWindowEnd;
    private SliceTable recentTable;

    // A firing stopped because the task's output has a backlog (see StreamOperator#hasPendingOutput): the
    // watermark it fires for (forwarded once everything fired), the table being emitted, its next slot and window,
    // and whether that table is the assembly of several slices (cleared once emitted).
    private BooleanSupplier backlog;
    private boolean pending;
    private long pendingWatermark;
    private SliceTable emitting;
    private int emittingSlot;
    private TimeWindow emittingWindow;
    private boolean emittingAssembly;
    /** Results emitted since the output's backlog was last asked about. */
    private int sinceCheck;
    /** Whether the window being emitted is {@code sliding}'s oldest suffix combined with its back, key by key. */
    private boolean emittingSliding;
    /** Per slot of {@code sliding}'s back, the firing that emitted its key with the suffix's; see {@link #emitSliding}. */
    private int[] backEmitted = new int[0];
    private int firing;

    SlicingWindowOperator(long size, long slide, long offset, OutputTag<?> lateDataOutputTag, SliceFunction sliceFunction,
                          InternalWindowFunction function) {
        super(lateDataOutputTag, function);
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.sliceSize = gcd(size, slide);
        this.sliceFunction = sliceFunction;
        this.emitsAsIs = function.emitsInputAsIs() && !sliceFunction.resultIsElements();
        this.timeline = new SliceTimeline(sliceFunction.flatWidth());
        this.assembly = new WindowAssembly(sliceFunction);
        long manySlides = sliceFunction.flatWidth() > 0 ? 6 : 12;
        this.sliding = size / slide >= manySlides && !sliceFunction.resultIsElements() ? new SlidingAssembly(sliceFunction) : null;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public void initializeState(StateInitialization initialization) {
        OperatorStateSnapshot.Entry fired = initialization.get(FIRED_THROUGH_STATE);
        if (fired != null && !fired.values.isEmpty()) {
            long smallest = Long.MAX_VALUE;
            for (Object v : fired.values) {
                smallest = Math.min(smallest, (Long) v);
            }
            firedThrough = smallest;
        }
    }

    @Override
    public void open() throws Exception {
        super.open();
        if (keyedState instanceof SlicedStateBackend backend) {
            stored = new BackendSlices(backend.getSlicedState(SLICES_STATE), sliceFunction);
            return;
        }
        keyedState.adopt(SLICES_STATE, this, (name, key, namespace, value) -> {
            if (!(namespace instanceof Long start)) {
                throw new IllegalStateException(describe() + " cannot restore its window slices: the checkpoint holds '"
                        + name + "' entries with namespace " + namespace + " instead of a slice start; it was written by "
                        + "another window layout. Restore it with the Weir version that wrote it, or start without it");
            }
            SliceTable table = timeline.tableFor(start);
            sliceFunction.restoreInto(table, table.slot(key), value);
        });
    }

    @Override
    public void processElement(Object value, long timestamp) throws Exception {
        completePending();
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has Long.MIN_VALUE timestamp (= no timestamp marker): " + describe()
                    + " needs timestamps; call assignTimestampsAndWatermarks(...) before the window");
        }
        if (timestamp >= recentStart && timestamp < recentEnd) {
            if (recentLastWindowEnd - 1 <= firedThrough) {
                dropLate(value, timestamp);
                return;
            }
            if (sliding != null && sliding.covers(recentStart)) {
                sliding.invalidate();
            }
            SliceTable table = recentTable;
            sliceFunction.addTo(table, table.slot(keyedState.getCurrentKey()), value);
            return;
        }
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        if (lastStart + size <= timestamp) {
            // Between two windows of a sliding assigner whose slide exceeds its size: Flink assigns no window.
            return;
        }
        if (lastStart + size - 1 <= firedThrough) {
            // Every window of the element has fired: the element is late (allowed lateness is zero here).
            dropLate(value, timestamp);
            return;
        }
        long sliceStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, sliceSize);
        if (stored != null) {
            stored.add(sliceStart, value);
            return;
        }
        if (sliding != null && sliding.covers(sliceStart)) {
            sliding.invalidate();
        }
        SliceTable table = timeline.tableFor(sliceStart);
        // Every timestamp of a slice has the same last window: a slice divides the slide.
        recentStart = sliceStart;
        recentEnd = sliceStart + sliceSize;
        recentLastWindowEnd = lastStart + size;
        recentTable = table;
        sliceFunction.addTo(table, table.slot(keyedState.getCurrentKey()), value);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        completePending();
        currentWatermark = watermark;
        backlog = OutputBacklog.current();
        if (fireUpTo(watermark)) {
            super.processWatermark(watermark);
        } else {
            pending = true;
            pendingWatermark = watermark;
        }
    }

    @Override
    public boolean hasPendingOutput() {
        return pending;
    }

    @Override
    public void resumeOutput() throws Exception {
        resume(OutputBacklog.current());
    }

    /**
     * Completes a stopped firing at once, the channel's bounded overflow waiting for room: for input that reaches
     * this operator while its firing is stopped, which its task never sends, but which must not change the slices
     * being emitted.
     */
    private void completePending() throws Exception {
        if (pending) {
            resume(null);
        }
    }

    private void resume(BooleanSupplier probe) throws Exception {
        backlog = probe;
        if (!(stored != null ? emitStored() : emitRest())) {
            return;
        }
        finishWindow(emittingWindow.getEnd());
        if (fireUpTo(pendingWatermark)) {
            pending = false;
            super.processWatermark(pendingWatermark);
        }
    }

    /**
     * Fires, in order of their end, every window with data whose max timestamp is at or below {@code watermark};
     * false when it stopped inside a window for the output's backlog (the rest follows in {@link #resumeOutput()}).
     */
    private boolean fireUpTo(long watermark) throws Exception {
        while (stored != null ? !stored.isEmpty() : !timeline.isEmpty()) {
            long end = nextWindowEnd();
            if (end - 1 > watermark || end - 1 <= firedThrough) {
                break;
            }
            if (!fire(end - size, end)) {
                return false;
            }
            finishWindow(end);
        }
        if (watermark > firedThrough) {
            firedThrough = watermark;
        }
        return true;
    }

    /** After the window ending at {@code end} fired: drops what no later window needs. */
    private void finishWindow(long end) throws Exception {
        forgetRecentSlice();
        if (emittingAssembly) {
            assembly.clear();
            emittingAssembly = false;
        }
        emitting = null;
        emittingSliding = false;
        firedThrough = end - 1;
        if (stored != null) {
            stored.dropBefore(end - size + slide);
            return;
        }
        if (sliding != null) {
            sliding.retire(end - size + slide);
        }
        timeline.dropBefore(end - size + slide);
    }

    private void forgetRecentSlice() {
        recentStart = Long.MAX_VALUE;
        recentEnd = Long.MIN_VALUE;
        recentTable = null;
    }

    /** The end of the first window not fired yet that holds the earliest slice, or a later window when that fired. */
    private long nextWindowEnd() {
        long end = firstWindowStartAtOrAfter((stored != null ? stored.firstStart() : timeline.firstStart()) - size + 1) + size;
        if (firedThrough != Long.MIN_VALUE) {
            end = Math.max(end, firstWindowStartAtOrAfter(firedThrough + 2 - size) + size);
        }
        return end;
    }

    private long firstWindowStartAtOrAfter(long t) {
        return t + Math.floorMod(offset - t, slide);
    }

    /** Starts emitting the window [start, end); false when it stopped for the output's backlog. */
    private boolean fire(long start, long end) throws Exception {
        if (stored != null) {
            emittingAssembly = false;
            if (!stored.open(start, end)) {
                return true;
            }
            emittingWindow = new TimeWindow(start, end);
            return emitStored();
        }
        int first = timeline.firstAtOrAfter(start);
        int last = first;
        int nonEmpty = 0;
        SliceTable only = null;
        for (; last < timeline.tail() && timeline.at(last).start < end; last++) {
            if (!timeline.at(last).isEmpty()) {
                nonEmpty++;
                only = timeline.at(last);
            }
        }
        emittingAssembly = false;
        if (nonEmpty == 0) {
            return true;
        }
        TimeWindow window = new TimeWindow(start, end);
        if (sliding != null) {
            sliding.retire(start);
            sliding.prepare(timeline, start, end);
            if (backEmitted.length < sliding.back().capacity()) {
                backEmitted = new int[Math.max(sliding.back().capacity(), 2 * backEmitted.length)];
            }
            if (++firing == 0) {
                Arrays.fill(backEmitted, 0);
                firing = 1;
            }
            emittingSliding = true;
            emittingSlot = 0;
            emittingWindow = window;
            return emitSliding();
        } else if (nonEmpty == 1) {
            emitting = only;
        } else {
            for (int s = first; s < last; s++) {
                assembly.add(timeline.at(s));
            }
            emitting = assembly.combinations();
            emittingAssembly = true;
        }
        emittingSlot = 0;
        emittingWindow = window;
        return emitRest();
    }

    /**
     * The window's result for every key of the table being emitted, from its next slot; false when it stopped for
     * the output's backlog, which it asks every 256 results (no input reaches the table until it completes).
     */
    private boolean emitRest() throws Exception {
        if (emittingSliding) {
            return emitSliding();
        }
        SliceTable table = emitting;
        TimeWindow window = emittingWindow;
        firingWindow = window;
        collector.setTimestamp(window.maxTimestamp());
        sinceCheck = 0;
        for (int i = emittingSlot, n = table.capacity(); i < n; i++) {
            if (table.occupied(i)) {
                emit(table, i, window, sliceFunction.resultOf(table, i));
                if (stopsBefore(i + 1, n)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * After a result, whether to stop for the output's backlog, which it asks every 256 results; when it stops, the
     * firing resumes from slot {@code next} of {@code n}.
     */
    private boolean stopsBefore(int next, int n) {
        if (backlog != null && ++sinceCheck == 256) {
            sinceCheck = 0;
            if (backlog.getAsBoolean() && next < n) {
                emittingSlot = next;
                return true;
            }
        }
        return false;
    }

    /**
     * As {@link #emitRest()}, for a window of {@code sliding}: each key of its oldest suffix, combined with the back's
     * partial of that key when there is one, then each key only the back holds; the two tables are read, never
     * changed. Slots number the suffix's entries first, then the back's. A back slot combined with the suffix is
     * stamped with the firing's number, so the second pass skips it without looking its key up in the suffix.
     */
    private boolean emitSliding() throws Exception {
        SliceTable suffix = sliding.oldestSuffix();
        SliceTable back = sliding.back();
        TimeWindow window = emittingWindow;
        firingWindow = window;
        collector.setTimestamp(window.maxTimestamp());
        int inSuffix = suffix == null ? 0 : suffix.capacity();
        int n = inSuffix + back.capacity();
        int[] emitted = backEmitted;
        int stamp = firing;
        sinceCheck = 0;
        for (int i = emittingSlot; i < n; i++) {
            if (i < inSuffix) {
                int j = back.find(suffix, i);
                if (j < 0) {
                    emit(suffix, i, window, sliceFunction.resultOf(suffix, i));
                } else {
                    emitted[j] = stamp;
                    emit(suffix, i, window, sliceFunction.resultOfBoth(suffix, i, back, j));
                }
            } else {
                int j = i - inSuffix;
                if (emitted[j] == stamp) {
                    continue;
                }
                emit(back, j, window, sliceFunction.resultOf(back, j));
            }
            if (stopsBefore(i + 1, n)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #emitRest()}, for the window open in the backend's slices: its keys one at a time. */
    private boolean emitStored() throws Exception {
        TimeWindow window = emittingWindow;
        firingWindow = window;
        collector.setTimestamp(window.maxTimestamp());
        BooleanSupplier stop = backlog;
        int sinceCheck = 0;
        while (stored.next()) {
            Object result = stored.result();
            if (emitsAsIs) {
                collector.collect(result);
            } else {
                emit(stored.key(), window, result);
            }
            if (stop != null && ++sinceCheck == 256) {
                sinceCheck = 0;
                if (stop.getAsBoolean()) {
                    return false;
                }
            }
        }
        return true;
    }

    private void emit(SliceTable table, int slot, TimeWindow window, Object result) throws Exception {
        if (emitsAsIs) {
            collector.collect(result);
            return;
        }
        emit(table.key(slot), window, result);
    }

    @SuppressWarnings("unchecked")
    private void emit(Object key, TimeWindow window, Object result) throws Exception {
        keyedState.setCurrentKey(key);
        Iterable<Object> elements = sliceFunction.resultIsElements() ? (Iterable<Object>) result : input.of(result);
        function.process(key, window, this, elements, collector);
        function.clear(window, this);
    }

    @Override
    public void close() throws Exception {
        if (stored != null) {
            stored.close();
        }
        super.close();
    }

    @Override
    public void snapshotState(OperatorStateSnapshot snapshot, long checkpointId, long timestamp) throws Exception {
        completePending();
        snapshot.put(FIRED_THROUGH_STATE, OperatorStateSnapshot.Mode.UNION, List.of(firedThrough));
    }

    @Override
    public void forEachEntry(OwnedKeyedState.Visitor visitor) throws Exception {
        completePending();
        int maxParallelism = keyedState.getMaxParallelism();
        for (int s = timeline.head(); s < timeline.tail(); s++) {
            SliceTable table = timeline.at(s);
            Long start = table.start;
            for (int i = 0, n = table.capacity(); i < n; i++) {
                if (table.occupied(i)) {
                    // Key groups are computed here, per snapshot, rather than stored per entry for every element.
                    Object key = table.key(i);
                    visitor.visit(KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism), key, start,
                            sliceFunction.partialOf(table, i));
                }
            }
        }
    }
}
