package dev.weir.engine.exec;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceEvent;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.SourceSplit;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;
import dev.weir.builtin.EnumeratedSource;
import dev.weir.builtin.SplitSourceReader;
import dev.weir.core.io.InputStatus;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test source of the numbers {@code 0 .. splits*100-1} in splits of 100 that readers ask for one at a time
 * ({@code sendSplitRequest}); each reader announces itself with an event the enumerator answers. While
 * {@link #PERMITS} is used up the readers emit nothing, so a test can stop a job part-way; its enumerator ends the
 * readers once the splits are all assigned, unless {@code endless}.
 */
final class RangeSplitSource implements EnumeratedSource<Long, RangeSplitSource.Range, ArrayList<RangeSplitSource.Range>> {
    private static final long serialVersionUID = 1L;
    static final int SPLIT_SIZE = 100;
    /** How many more records the readers may emit, over all readers. */
    static final AtomicLong PERMITS = new AtomicLong(Long.MAX_VALUE);
    /** What addSplitsBack got, by old subtask. */
    static final Map<Integer, List<Range>> RETURNED = new ConcurrentHashMap<>();
    /** The greeting each reader got back from the enumerator, by subtask. */
    static final Map<Integer, String> GREETINGS = new ConcurrentHashMap<>();

    private final int splits;
    private final boolean endless;

    RangeSplitSource(int splits, boolean endless) {
        this.splits = splits;
        this.endless = endless;
    }

    /** The numbers {@code next .. end-1}. */
    static final class Range implements SourceSplit, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final long end;
        long next;

        Range(long next, long end) {
            this.next = next;
            this.end = end;
        }

        @Override
        public String splitId() {
            return Long.toString(end / SPLIT_SIZE - 1);
        }

        @Override
        public String toString() {
            return "Range[" + next + ", " + end + ")";
        }
    }

    record Hello(int subtask) implements SourceEvent {
    }

    record Greeting(String text) implements SourceEvent {
    }

    @Override
    public Boundedness getBoundedness() {
        return endless ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<Range, ArrayList<Range>> createEnumerator(SplitEnumeratorContext<Range> context) {
        ArrayList<Range> all = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
            all.add(new Range((long) i * SPLIT_SIZE, (long) (i + 1) * SPLIT_SIZE));
        }
        return new Enumerator(context, all, endless);
    }

    @Override
    public SplitEnumerator<Range, ArrayList<Range>> restoreEnumerator(SplitEnumeratorContext<Range> context, ArrayList<Range> unassigned) {
        return new Enumerator(context, new ArrayList<>(unassigned), endless);
    }

    @Override
    public SplitSourceReader<Long, Range> createReader(SourceReaderContext context) {
        return new Reader(context);
    }

    private static final class Enumerator implements SplitEnumerator<Range, ArrayList<Range>> {
        private final SplitEnumeratorContext<Range> context;
        private final ArrayList<Range> unassigned;
        private final boolean endless;

        Enumerator(SplitEnumeratorContext<Range> context, ArrayList<Range> unassigned, boolean endless) {
            this.context = context;
            this.unassigned = unassigned;
            this.endless = endless;
        }

        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            if (!unassigned.isEmpty()) {
                context.assignSplit(unassigned.remove(0), subtaskId);
            } else if (!endless) {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public void addSplitsBack(List<Range> returned, int subtaskId) {
            RETURNED.put(subtaskId, returned.stream().map(r -> new Range(r.next, r.end)).toList());
            unassigned.addAll(0, returned);
        }

        @Override
        public void addReader(int subtaskId) {
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent event) {
            context.sendEventToSourceReader(subtaskId, new Greeting("hello " + ((Hello) event).subtask() + " of "
                    + context.currentParallelism() + ", registered " + new TreeMap<>(context.registeredReaders()).keySet()
                    .contains(subtaskId)));
        }

        @Override
        public ArrayList<Range> snapshotState(long checkpointId) {
            ArrayList<Range> copy = new ArrayList<>();
            unassigned.forEach(r -> copy.add(new Range(r.next, r.end)));
            return copy;
        }

        @Override
        public void close() {
        }
    }

    private static final class Reader implements SplitSourceReader<Long, Range> {
        private final SourceReaderContext context;
        private final ArrayDeque<Range> splits = new ArrayDeque<>();
        private boolean requested;
        private boolean noMoreSplits;

        Reader(SourceReaderContext context) {
            this.context = context;
        }

        @Override
        public void start() {
            context.sendSourceEventToCoordinator(new Hello(context.getIndexOfSubtask()));
        }

        @Override
        public void addSplits(List<Range> added) {
            splits.addAll(added);
            requested = false;
        }

        @Override
        public void notifyNoMoreSplits() {
            noMoreSplits = true;
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            GREETINGS.put(context.getIndexOfSubtask(), ((Greeting) event).text());
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            Range current = splits.peek();
            if (current == null) {
                if (noMoreSplits) {
                    return InputStatus.END_OF_INPUT;
                }
                if (!requested) {
                    requested = true;
                    context.sendSplitRequest();
                }
                return InputStatus.NOTHING_AVAILABLE;
            }
            if (PERMITS.getAndDecrement() <= 0) {
                PERMITS.incrementAndGet();
                return InputStatus.NOTHING_AVAILABLE;
            }
            output.collect(current.next++);
            if (current.next == current.end) {
                splits.poll();
            }
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public List<Range> snapshotState(long checkpointId) {
            List<Range> copy = new ArrayList<>();
            splits.forEach(r -> copy.add(new Range(r.next, r.end)));
            return copy;
        }
    }
}
