package dev.weir.python;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.lib.NumberSequenceSource;
import dev.weir.builtin.LongRangeShare;
import dev.weir.builtin.ReaderYield;
import dev.weir.core.io.InputStatus;

/**
 * A {@link NumberSequenceSource} whose records are {@link NumberRun}s: each subtask reads the same share of the range
 * in the same order and checkpoints the same {@link NumberSequenceSource.Position}, but hands its Python stages up to
 * {@code maxRun} numbers per record, so no number is boxed on its way to Python. {@link PlanTranslator} uses it only
 * where every reader of the sequence is a Python stage of the source's parallelism (a forward edge keeps each run in
 * its subtask, in order).
 */
final class NumberRunSource implements Source<Object> {
    private static final long serialVersionUID = 1L;

    private final long from;
    private final long to;
    private final int maxRun;

    NumberRunSource(long from, long to, int maxRun) {
        new NumberSequenceSource(from, to); // refuses from > to with NumberSequenceSource's message
        if (maxRun < 1) {
            throw new IllegalArgumentException("a run of numbers holds at least one; maxRun was " + maxRun);
        }
        this.from = from;
        this.to = to;
        this.maxRun = maxRun;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Object> createReader(SourceReaderContext readerContext) {
        return new Reader(LongRangeShare.of(from, to, readerContext.getIndexOfSubtask(), readerContext.getParallelism()),
                maxRun, new NumberSequenceSource(from, to).createReader(readerContext));
    }

    /** Emits one subtask's share, a run at a time; a poll emits at most as many numbers as NumberSequenceSource's. */
    private static final class Reader implements SourceReader<Object> {
        private static final int MAX_NUMBERS_PER_POLL = 1024;
        private final long last;
        private final int maxRun;
        /** The plain sequence's reader of the same share: it checks a restored position, with its message. */
        private final SourceReader<Long> plain;
        private long next;
        // A flag, not next > last, because the last number may be Long.MAX_VALUE.
        private boolean exhausted;

        Reader(LongRangeShare share, int maxRun, SourceReader<Long> plain) {
            this.last = share.last;
            this.maxRun = maxRun;
            this.plain = plain;
            this.next = share.first;
            this.exhausted = share.empty;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Object> output) {
            if (exhausted) {
                return InputStatus.END_OF_INPUT;
            }
            ReaderYield yield = ReaderYield.of(output);
            int emitted = 0;
            do {
                int length = Math.min(maxRun, MAX_NUMBERS_PER_POLL - emitted);
                // last - next, unsigned, is the distance even across the whole long range.
                long end = Long.compareUnsigned(last - next, length) < 0 ? last : next + length - 1;
                output.collect(new NumberRun(next, end));
                emitted += (int) (end - next + 1);
                if (end == last) {
                    exhausted = true;
                    return InputStatus.MORE_AVAILABLE;
                }
                next = end + 1;
            } while (emitted < MAX_NUMBERS_PER_POLL && !yield.yieldRequested());
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public Object snapshotState(long checkpointId) {
            return new NumberSequenceSource.Position(next, exhausted);
        }

        @Override
        public void restoreState(Object state) throws Exception {
            plain.restoreState(state);
            NumberSequenceSource.Position position = (NumberSequenceSource.Position) state;
            next = position.next();
            exhausted = position.exhausted();
        }
    }
}
