package dev.weir.python;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichFlatMapFunction;
import dev.weir.builtin.BundledFunction;
import dev.weir.util.Collector;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A one-input Python operator ({@code map}, {@code flat_map}, {@code filter}, a {@code key_by}'s key selector, a
 * timestamp assigner): records go to this subtask's Python worker in bundles, as PyFlink sends them, and the values
 * it returns are emitted in the records' order, each with its record's timestamp. Weir finishes a bundle before each
 * watermark and checkpoint barrier passes and at the end of input ({@link BundledFunction}), so event time and
 * exactly-once hold as if records went one at a time. While Python works on a full bundle, the JVM fills the next
 * one and sends it before it reads the answers to the first (two bundles are in flight at most), so the worker finds
 * its next bundle waiting when it finishes one and never waits for the JVM to wake up (the worker reads ahead while
 * its answers wait for room in the socket, so neither side blocks on the other's reading).
 */
final class PythonStage extends RichFlatMapFunction<Object, Object> implements BundledFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private static final int MAX_IN_FLIGHT = 2;

    /** What the worker answers for a bundle, by the Python operator's kind. */
    enum Reply {
        /** {@code map}: one value per record. */
        ONE_EACH,
        /** {@code flat_map}: a list of values per record. */
        MANY_EACH,
        /** {@code filter}: 1 to keep the record, 0 to drop it. */
        KEEP,
        /** {@code key_by}: the record's key; the record becomes a {@link Keyed}. */
        KEY,
        /** A timestamp assigner: the record's event time; the record becomes a {@link Stamped}. */
        TIMESTAMP
    }

    private final int driverPort;
    private final int operatorId;
    private final Reply reply;
    private final int bundleSize;
    private final long bundleTimeMillis;
    private transient WorkerConnection worker;
    /** The bundle being filled. */
    private transient RecordBundle filling;
    /** The bundles sent to the worker and not answered yet, oldest first: at most {@link #MAX_IN_FLIGHT}. */
    private transient ArrayDeque<RecordBundle> inFlight;
    /** Empty bundles to fill next. */
    private transient ArrayDeque<RecordBundle> spares;
    /** The answers read last. */
    private transient BundleAnswers answers;
    /** Null unless WEIR_PYTHON_TIMELINE is set. */
    private transient StageTimeline timeline;

    PythonStage(int driverPort, int operatorId, Reply reply, int bundleSize, long bundleTimeMillis) {
        if (bundleSize < 1) {
            throw new IllegalArgumentException("python.fn-execution.bundle.size is " + bundleSize + "; it must be at least 1");
        }
        this.driverPort = driverPort;
        this.operatorId = operatorId;
        this.reply = reply;
        this.bundleSize = bundleSize;
        this.bundleTimeMillis = bundleTimeMillis;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        worker = new WorkerConnection(driverPort, operatorId, getRuntimeContext().getIndexOfThisSubtask(),
                getRuntimeContext().getNumberOfParallelSubtasks());
        int capacity = Math.min(bundleSize, 1024);
        filling = new RecordBundle(capacity);
        inFlight = new ArrayDeque<>(MAX_IN_FLIGHT);
        spares = new ArrayDeque<>(MAX_IN_FLIGHT);
        for (int i = 0; i < MAX_IN_FLIGHT; i++) {
            spares.add(new RecordBundle(capacity));
        }
        answers = new BundleAnswers();
        if (StageTimeline.ENABLED) {
            timeline = new StageTimeline("the Python stage of operator " + operatorId + " (subtask "
                    + (getRuntimeContext().getIndexOfThisSubtask() + 1) + " of "
                    + getRuntimeContext().getNumberOfParallelSubtasks() + ")");
        }
    }

    /**
     * Adds the record; a full bundle is sent at once and the JVM goes on filling the next while Python works on it.
     * Before a third bundle is sent, the first one's answers are read and emitted, so outputs keep their order.
     */
    @Override
    public void addToBundle(Object value, long timestamp, BundleOutput<Object> out) throws Exception {
        if (value instanceof NumberRun run) {
            addNumbers(run.first(), run.last(), timestamp, out);
            return;
        }
        filling.add(value instanceof Keyed keyed ? keyed.value() : value, timestamp, bundleSize);
        if (filling.size() == bundleSize) {
            bundleFull(out);
        }
    }

    /** Adds each number of a {@link NumberRun} as a record, unboxed, sending each bundle it fills. */
    private void addNumbers(long first, long last, long timestamp, BundleOutput<Object> out) throws Exception {
        long next = first;
        while (true) {
            int room = bundleSize - filling.size();
            // last - next, unsigned, is the distance even across the whole long range.
            long end = Long.compareUnsigned(last - next, room) < 0 ? last : next + room - 1;
            filling.addNumbers(next, end, timestamp, bundleSize);
            if (filling.size() == bundleSize) {
                bundleFull(out);
            }
            if (end == last) {
                return;
            }
            next = end + 1;
        }
    }

    private void bundleFull(BundleOutput<Object> out) throws Exception {
        if (inFlight.size() == MAX_IN_FLIGHT) {
            answerOldest(out);
        }
        send(filling);
        inFlight.addLast(filling);
        filling = spares.removeFirst();
        if (inFlight.size() == MAX_IN_FLIGHT && worker.replyWaiting()) {
            // The worker read the bundle just sent while it wrote the answers to the one before: read them now, so it
            // does not wait for room in the socket while the JVM fills the next bundle.
            answerOldest(out);
        }
    }

    @Override
    public boolean hasBundle() {
        return !inFlight.isEmpty() || !filling.isEmpty();
    }

    @Override
    public long maxBundleTimeMillis() {
        return bundleTimeMillis;
    }

    /** Emits the answers of the bundles in flight, then sends the one filling and waits for its answers. */
    @Override
    public void finishBundle(BundleOutput<Object> out) throws Exception {
        while (!inFlight.isEmpty()) {
            answerOldest(out);
        }
        if (!filling.isEmpty()) {
            send(filling);
            readAnswers(false);
            emit(filling, out);
        }
    }

    /** Reads and emits the answers to the oldest bundle in flight. */
    private void answerOldest(BundleOutput<Object> out) throws Exception {
        RecordBundle oldest = inFlight.removeFirst();
        readAnswers(!inFlight.isEmpty());
        emit(oldest, out);
        spares.addLast(oldest);
    }

    private void send(RecordBundle bundle) throws IOException {
        long started = timeline == null ? 0 : System.nanoTime();
        try {
            worker.send(bundle);
            if (timeline != null) {
                timeline.add(StageTimeline.SEND, started);
            }
        } catch (IOException e) {
            if (!inFlight.isEmpty()) {
                // The worker stops at a failing record and closes: its error, already on its way, says why.
                try {
                    worker.answers(answers, false);
                } catch (IOException unread) {
                    e.addSuppressed(unread);
                }
            }
            throw WorkerConnection.lost(e);
        }
    }

    private void readAnswers(boolean nextSent) throws IOException {
        long started = timeline == null ? 0 : System.nanoTime();
        try {
            worker.answers(answers, nextSent);
            if (timeline != null) {
                timeline.add(StageTimeline.ANSWERS, started);
            }
        } catch (IOException e) {
            throw WorkerConnection.lost(e);
        }
    }

    /**
     * Emits the answers to {@code bundle}'s records, in a loop per kind of reply rather than a switch per record; a
     * {@code map}'s int answers are read straight from their array (2.0 against 3.9 ns a record in isolation).
     */
    private void emit(RecordBundle bundle, BundleOutput<Object> out) throws Exception {
        long started = timeline == null ? 0 : System.nanoTime();
        int size = bundle.size();
        if (answers.size() != size) {
            throw new IOException("the Python worker answered " + answers.size() + " of the " + size
                    + " records it was sent: the weir Python package and the weir-python jar differ in version");
        }
        switch (reply) {
            case ONE_EACH -> {
                if (answers.onlyLongs()) {
                    emitLongs(answers.longs(), bundle, size, out);
                } else {
                    emitValues(bundle, size, out);
                }
            }
            case MANY_EACH -> emitMany(bundle, size, out);
            case KEEP -> emitKept(bundle, size, out);
            case KEY -> {
                for (int i = 0; i < size; i++) {
                    out.collect(new Keyed(answers.get(i), bundle.value(i)), bundle.timestamp(i));
                }
            }
            case TIMESTAMP -> {
                for (int i = 0; i < size; i++) {
                    out.collect(new Stamped(answers.getLong(i), bundle.value(i)), bundle.timestamp(i));
                }
            }
        }
        bundle.clear();
        if (timeline != null) {
            timeline.add(StageTimeline.EMIT, started);
        }
    }

    private static void emitLongs(long[] values, RecordBundle bundle, int size, BundleOutput<Object> out) {
        for (int i = 0; i < size; i++) {
            out.collect(RecordBundle.box(values[i]), bundle.timestamp(i));
        }
    }

    private void emitValues(RecordBundle bundle, int size, BundleOutput<Object> out) {
        for (int i = 0; i < size; i++) {
            out.collect(answers.get(i), bundle.timestamp(i));
        }
    }

    @SuppressWarnings("unchecked")
    private void emitMany(RecordBundle bundle, int size, BundleOutput<Object> out) {
        for (int i = 0; i < size; i++) {
            List<Object> many = (List<Object>) answers.get(i);
            long timestamp = bundle.timestamp(i);
            for (int j = 0, m = many.size(); j < m; j++) {
                out.collect(many.get(j), timestamp);
            }
        }
    }

    private void emitKept(RecordBundle bundle, int size, BundleOutput<Object> out) {
        for (int i = 0; i < size; i++) {
            if (answers.getLong(i) != 0) {
                out.collect(bundle.value(i), bundle.timestamp(i));
            }
        }
    }

    /** One record alone, where a runtime does not know bundles (the Flink runner). */
    @Override
    public void flatMap(Object value, Collector<Object> out) throws Exception {
        addToBundle(value, Long.MIN_VALUE, (v, t) -> out.collect(v));
        if (hasBundle()) {
            finishBundle((v, t) -> out.collect(v));
        }
    }

    @Override
    public void close() throws Exception {
        if (timeline != null) {
            timeline.report(System.err);
        }
        if (worker != null) {
            worker.close();
        }
    }
}
