package dev.weir.testing;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.util.OutputTag;
import dev.weir.engine.checkpoint.KeyGroupSnapshot;
import dev.weir.engine.checkpoint.KeyedStateSnapshots;
import dev.weir.engine.checkpoint.OperatorStateSnapshot;
import dev.weir.engine.checkpoint.OperatorSubtaskSnapshot;
import dev.weir.engine.checkpoint.SnapshotRestore;
import dev.weir.engine.checkpoint.StateInitialization;
import dev.weir.engine.exec.ChainMember;
import dev.weir.engine.exec.JobAccumulators;
import dev.weir.engine.exec.TaskRestore;
import dev.weir.engine.exec.SubtaskContext;
import dev.weir.engine.metrics.OperatorMetricGroup;
import dev.weir.engine.operators.StreamOperator;
import dev.weir.engine.state.HeapKeyedStateBackend;
import dev.weir.engine.state.KeyGroupRangeAssignment;
import dev.weir.engine.time.HeapTimerServices;
import dev.weir.engine.time.ManualProcessingTimeService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every test harness does: runs one real operator on one pretend subtask, with a processing-time clock that
 * moves only when the test says so, the real heap keyed state and timers, and output kept in lists for assertions.
 * Use {@link OneInputHarness} or {@link TwoInputHarness} (or {@link ProcessFunctionTestHarnesses}) to make one:
 *
 * <pre>{@code
 * try (OneInputHarness<String, Integer> harness = OneInputHarness.forMap(String::length)) {
 *     harness.processElement("weir", 5L);
 *     assertThat(harness.getOutput()).containsExactly(HarnessRecord.of(4, 5L));
 * }
 * }</pre>
 *
 * <p>The lifecycle is the runtime's: {@link #open()} (called for you by the first element, watermark or
 * {@link #endInput()}), elements and watermarks, {@link #endInput()}, {@link #close()}. A harness is for one
 * thread, like the task it stands in for.
 *
 * @param <OUT> the type of the main output's elements
 */
public abstract class OperatorHarness<OUT> implements AutoCloseable {
    /** The auto-watermark interval a harnessed operator sees, the runtime's default. */
    private static final long HARNESS_WATERMARK_INTERVAL = 200L;
    private enum Phase { NEW, OPEN, ENDED, CLOSED }

    private final StreamOperator operator;
    private final String name;
    private final KeySelector<Object, Object>[] keySelectors;
    private final ManualProcessingTimeService processingTime = new ManualProcessingTimeService();
    private final HarnessOutput output = new HarnessOutput();
    private int subtaskIndex;
    private int parallelism = 1;
    private int maxParallelism = KeyGroupRangeAssignment.DEFAULT_LOWER_BOUND_MAX_PARALLELISM;
    private HarnessStateBackend keyedState;
    private HarnessTimerServices timers;
    private StatePeek statePeek;
    private Phase phase = Phase.NEW;
    private long currentWatermark = Long.MIN_VALUE;
    private long checkpointId;
    /** The snapshots {@link #restore} was given, restored when the harness opens; null for a fresh start. */
    private HarnessSnapshot[] restoreFrom;

    /** {@code keySelectors} holds one selector per input of a keyed operator, and is empty otherwise. */
    OperatorHarness(StreamOperator operator, String name, KeySelector<Object, Object>[] keySelectors) {
        this.operator = operator;
        this.name = name;
        this.keySelectors = keySelectors;
    }

    /** The key selectors of a keyed operator's inputs, as the runtime holds them; none for a non-keyed operator. */
    @SuppressWarnings("unchecked")
    static KeySelector<Object, Object>[] keySelectors(KeySelector<?, ?>... selectors) {
        KeySelector<Object, Object>[] all = new KeySelector[selectors.length];
        for (int i = 0; i < selectors.length; i++) {
            all[i] = (KeySelector<Object, Object>) selectors[i];
        }
        return all;
    }

    /**
     * Makes the operator run as subtask {@code subtaskIndex} of {@code parallelism}, with {@code maxParallelism} key
     * groups; its rich functions see these in {@code getRuntimeContext()}, and a keyed harness owns only that
     * subtask's key groups, so it refuses elements whose key belongs to another subtask. The default is subtask 0 of 1
     * with 128 key groups.
     *
     * @throws IllegalStateException if the harness is already open
     * @throws IllegalArgumentException if the numbers do not describe a subtask
     */
    public abstract OperatorHarness<OUT> withSubtask(int subtaskIndex, int parallelism, int maxParallelism);

    void configureSubtask(int subtaskIndex, int parallelism, int maxParallelism) {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("withSubtask(" + subtaskIndex + ", " + parallelism + ", " + maxParallelism + ") came after "
                    + "the harness of " + name + " opened: configure the subtask before open() and before the first element");
        }
        if (maxParallelism < 1 || maxParallelism > KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("maxParallelism must be in 1.." + KeyGroupRangeAssignment.UPPER_BOUND_MAX_PARALLELISM
                    + ", was " + maxParallelism);
        }
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism must be in 1..maxParallelism (" + maxParallelism + "), was " + parallelism);
        }
        if (subtaskIndex < 0 || subtaskIndex >= parallelism) {
            throw new IllegalArgumentException("subtaskIndex must be in 0.." + (parallelism - 1) + " for parallelism " + parallelism
                    + ", was " + subtaskIndex + " (subtask indexes count from 0)");
        }
        this.subtaskIndex = subtaskIndex;
        this.parallelism = parallelism;
        this.maxParallelism = maxParallelism;
    }

    /**
     * Sets the operator up, initializes its state as a fresh start does (a {@code CheckpointedFunction} gets
     * {@code initializeState} with empty operator state, {@code isRestored()} false) and opens it (and its rich
     * function). Calling it is optional: the first element, watermark or {@link #endInput()} opens the harness.
     *
     * @throws IllegalStateException if the harness was opened or closed before
     */
    public void open() throws Exception {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("The harness of " + name + " is already " + (phase == Phase.CLOSED ? "closed" : "open")
                    + ": open() may be called once, before anything else; use a new harness for a new run");
        }
        if (keySelectors.length > 0) {
            HeapKeyedStateBackend heap = new HeapKeyedStateBackend(maxParallelism,
                    KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(maxParallelism, parallelism, subtaskIndex),
                    processingTime::getCurrentProcessingTime);
            keyedState = new HarnessStateBackend(heap);
            timers = new HarnessTimerServices(new HeapTimerServices(heap, processingTime));
            statePeek = new StatePeek(keyedState, processingTime::getCurrentProcessingTime);
        }
        // The runtime's own operator context, so a function sees exactly what it sees in a running job.
        operator.setup(new SubtaskContext(name, name, subtaskIndex, parallelism, maxParallelism, keyedState, timers, keySelectors,
                processingTime, new OperatorMetricGroup(name + "." + subtaskIndex), HARNESS_WATERMARK_INTERVAL, new JobAccumulators(),
                false, 0), output);
        // Open before the user's open() runs, so that close() still reaches the operator if open() fails, as in a task.
        phase = Phase.OPEN;
        if (restoreFrom == null) {
            // As a task starting fresh: a CheckpointedFunction gets its operator state store before open().
            operator.initializeState(StateInitialization.FRESH);
        } else {
            // The runtime's own restore: this subtask's key groups and timers, then its share of operator state.
            List<OperatorSubtaskSnapshot> snapshots = new ArrayList<>();
            for (HarnessSnapshot s : restoreFrom) {
                snapshots.add(s.state());
            }
            new TaskRestore(new SnapshotRestore(restoreFrom[0].getCheckpointId(), "the harness snapshot " + restoreFrom[0].getCheckpointId()
                    + " of " + name, snapshots)).initializeState(new ChainMember(name, name, parallelism, maxParallelism, subtaskIndex,
                    operator, keyedState == null ? null : keyedState.heap(), timers == null ? null : timers.heap()), operator.describe());
        }
        operator.open();
    }

    /**
     * Takes a checkpoint of the operator as a running task does when its barriers align: its keyed state and timers,
     * and its operator state (a {@code CheckpointedFunction}'s {@code snapshotState} runs). The harness goes on
     * running; give the snapshot to {@link #restore} of a new harness to continue from here in a fresh instance.
     *
     * @throws IllegalStateException if the harness is not open
     */
    public HarnessSnapshot snapshot() throws Exception {
        if (phase != Phase.OPEN) {
            throw new IllegalStateException("snapshot() needs an open harness, but the harness of " + name + " is "
                    + phase.name().toLowerCase(java.util.Locale.ROOT) + ": process an element or call open() first, and "
                    + "snapshot before endInput() and close()");
        }
        long id = ++checkpointId;
        OperatorStateSnapshot state = new OperatorStateSnapshot();
        operator.snapshotState(state, id, processingTime.getCurrentProcessingTime());
        KeyGroupSnapshot[] groups = null;
        int firstKeyGroup = 0;
        if (keyedState != null) {
            groups = KeyedStateSnapshots.snapshot(keyedState.heap(), timers.heap());
            firstKeyGroup = keyedState.heap().getKeyGroupRange().getStartKeyGroup();
        }
        return new HarnessSnapshot(new OperatorSubtaskSnapshot(name, name, parallelism, maxParallelism, subtaskIndex, state,
                firstKeyGroup, groups), id, currentWatermark, processingTime.getCurrentProcessingTime());
    }

    /**
     * Makes this new harness start from snapshots instead of empty, as a restored job does: when it opens, the operator
     * gets the keyed state and timers of the key groups this harness's subtask owns, and its share of the operator
     * state ({@code isRestored()} true). Give one snapshot to continue where a harness left off, or the snapshots of
     * every subtask of a run to test a restore at another parallelism ({@link #withSubtask}). The processing-time clock
     * continues from the latest snapshot's; the watermark starts again at {@code Long.MIN_VALUE}, as in a restored task.
     *
     * @throws IllegalStateException if the harness was opened already
     * @throws IllegalArgumentException if a snapshot is of another operator or another max parallelism
     */
    public void restore(HarnessSnapshot... snapshots) throws Exception {
        Objects.requireNonNull(snapshots, "snapshots");
        if (snapshots.length == 0) {
            throw new IllegalArgumentException("restore() needs at least one snapshot, from snapshot() of a harness of " + name);
        }
        if (phase != Phase.NEW) {
            throw new IllegalStateException("restore(...) came after the harness of " + name + " opened: restore a new harness, "
                    + "before open() and before its first element");
        }
        long clock = 0;
        for (HarnessSnapshot s : snapshots) {
            OperatorSubtaskSnapshot state = Objects.requireNonNull(s, "snapshot").state();
            if (!state.operatorId().equals(name)) {
                throw new IllegalArgumentException("The snapshot was taken from a harness of " + state.operatorId()
                        + " and cannot restore the harness of " + name + ": restore a harness made the same way");
            }
            if (state.maxParallelism() != maxParallelism) {
                throw new IllegalArgumentException("The snapshot was taken with max parallelism " + state.maxParallelism()
                        + " and cannot restore a harness with max parallelism " + maxParallelism + ": key groups would not line up; "
                        + "call withSubtask(index, parallelism, " + state.maxParallelism() + ") first");
            }
            clock = Math.max(clock, s.processingTime());
        }
        restoreFrom = snapshots.clone();
        if (clock > processingTime.getCurrentProcessingTime()) {
            processingTime.setCurrentTime(clock);
        }
    }

    /** Opens the harness on first use; refuses input after the end of input or after close. */
    final StreamOperator operatorForInput(String call) throws Exception {
        if (phase == Phase.NEW) {
            open();
        } else if (phase != Phase.OPEN) {
            throw new IllegalStateException(call + " came after " + (phase == Phase.ENDED ? "endInput()" : "close()")
                    + " of the harness of " + name + ": an operator receives no input after its input ended");
        }
        return operator;
    }

    /** Delivers a watermark when it advances the operator's; as in a task, one that does not advance is not delivered. */
    final void advanceWatermark(long watermark, String call) throws Exception {
        StreamOperator op = operatorForInput(call);
        if (watermark > currentWatermark) {
            currentWatermark = watermark;
            op.processWatermark(watermark);
        }
    }

    /**
     * Moves processing time to {@code time} and fires, in time order, every processing-time timer due by then. It
     * is also the clock of state time-to-live. It does not open the harness, so a test may set the start time first.
     *
     * @throws IllegalArgumentException if {@code time} is before the current processing time
     * @throws IllegalStateException if the harness is closed
     */
    public void setProcessingTime(long time) throws Exception {
        if (phase == Phase.CLOSED) {
            throw new IllegalStateException("setProcessingTime(" + time + ") came after close() of the harness of " + name
                    + ": a closed operator fires no timers");
        }
        processingTime.setCurrentTime(time);
    }

    /** The harness's processing time, 0 until {@link #setProcessingTime} moves it. */
    public long getProcessingTime() {
        return processingTime.getCurrentProcessingTime();
    }

    /**
     * Ends the input as a bounded source does: delivers the final watermark {@code Long.MAX_VALUE} (firing every
     * event-time timer) unless it was delivered already, then lets the operator flush. No input may follow.
     */
    public void endInput() throws Exception {
        advanceWatermark(Long.MAX_VALUE, "endInput()");
        operator.endInput();
        phase = Phase.ENDED;
    }

    /** Closes the operator and its rich function; a second call, or a call on a harness never opened, does nothing. */
    @Override
    public void close() throws Exception {
        Phase was = phase;
        phase = Phase.CLOSED;
        if (was == Phase.OPEN || was == Phase.ENDED) {
            operator.close();
        }
    }

    /** The last watermark delivered to the operator, {@code Long.MIN_VALUE} before the first. */
    public long currentWatermark() {
        return currentWatermark;
    }

    /** The values of the main output's elements, in the order emitted; watermarks are left out. */
    @SuppressWarnings("unchecked")
    public List<OUT> extractOutputValues() {
        List<OUT> values = new ArrayList<>();
        for (HarnessRecord r : output.main()) {
            if (!r.isWatermark()) {
                values.add((OUT) r.getValue());
            }
        }
        return values;
    }

    /** The main output in the order emitted: elements with their timestamps, and the watermarks forwarded. */
    public List<HarnessRecord> getOutput() {
        return List.copyOf(output.main());
    }

    /** The values emitted to a side output, in order; empty when nothing was emitted there. */
    @SuppressWarnings("unchecked")
    public <X> List<X> getSideOutput(OutputTag<X> tag) {
        Objects.requireNonNull(tag, "tag");
        List<X> values = new ArrayList<>();
        for (HarnessRecord r : output.side(tag)) {
            values.add((X) r.getValue());
        }
        return values;
    }

    /** Whether nothing happened to the harness yet: not opened, not closed. */
    boolean isNew() {
        return phase == Phase.NEW;
    }

    HarnessOutput output() {
        return output;
    }

    /** Forgets the main and side output seen so far, so a test can check the next step on its own. */
    public void clearOutput() {
        output.clear();
    }

    /** How many event-time timers are pending, over all keys; always 0 for a non-keyed operator. */
    public int numEventTimeTimers() {
        return timers == null ? 0 : timers.numEventTimeTimers();
    }

    /** How many processing-time timers are pending, over all keys; always 0 for a non-keyed operator. */
    public int numProcessingTimeTimers() {
        return timers == null ? 0 : timers.numProcessingTimeTimers();
    }

    /** The key of the last element or timer processed by a keyed operator; null before the first or when not keyed. */
    public Object getCurrentKey() {
        return keyedState == null ? null : keyedState.getCurrentKey();
    }

    /**
     * The value {@code key} has in the named value state (or reducing state, or the result of an aggregating state)
     * as the function would read it now, or null; cast it to the state's type. Reading changes nothing: it neither refreshes a time to live
     * nor removes an expired value, which is hidden as the function's next read would hide it.
     *
     * @throws IllegalArgumentException if the operator created no state of that name and kind, or the key belongs
     *                                  to another subtask
     */
    public Object getValueState(String stateName, Object key) throws Exception {
        return requirePeek(stateName).value(stateName, key);
    }

    /** The elements {@code key} has in the named list state, in order; read as {@link #getValueState} reads. */
    @SuppressWarnings("unchecked")
    public <T> List<T> getListState(String stateName, Object key) throws Exception {
        return (List<T>) (List<?>) requirePeek(stateName).list(stateName, key);
    }

    /** The entries {@code key} has in the named map state; read as {@link #getValueState} reads. */
    @SuppressWarnings("unchecked")
    public <K, V> Map<K, V> getMapState(String stateName, Object key) throws Exception {
        return (Map<K, V>) (Map<?, ?>) requirePeek(stateName).map(stateName, key);
    }

    private StatePeek requirePeek(String stateName) {
        if (keySelectors.length == 0) {
            throw new IllegalStateException("State '" + stateName + "' cannot be read: " + name + " is not keyed and has no keyed "
                    + "state; make the harness with a KeySelector (e.g. forKeyedProcessFunction) to test keyed state");
        }
        if (statePeek == null) {
            throw new IllegalStateException("State '" + stateName + "' cannot be read before the harness of " + name
                    + " opened: process an element or call open() first");
        }
        return statePeek;
    }
}
