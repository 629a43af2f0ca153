package dev.weir.api.connector.source.lib;

import dev.weir.builtin.LongRangeShare;
import dev.weir.builtin.LongReaderOutput;
import dev.weir.builtin.ReaderYield;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import java.io.Serializable;

/**
 * A bounded, parallel source of the numbers {@code from..to} inclusive; it backs {@code env.fromSequence(from, to)}.
 *
 * <p>Subtask i of n emits a contiguous share of the range in ascending order, so that every number is emitted
 * exactly once across subtasks. The whole long range, up to {@code Long.MAX_VALUE}, works without overflow. The
 * checkpointed position is a {@link Position}.
 */
public final class NumberSequenceSource implements Source<Long> {
    private static final long serialVersionUID = 1L;
    static final int MAX_NUMBERS_PER_POLL = 1024;

    private final long from;
    private final long to;

    /** A source of {@code from..to}, both inclusive; {@code from} must not exceed {@code to}. */
    public NumberSequenceSource(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("fromSequence(" + from + ", " + to + "): from must not be greater than to; "
                    + "swap the arguments, or map the ascending sequence to a descending one");
        }
        this.from = from;
        this.to = to;
    }

    public long getFrom() {
        return from;
    }

    public long getTo() {
        return to;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SourceReader<Long> createReader(SourceReaderContext readerContext) {
        return new Reader(LongRangeShare.of(from, to, readerContext.getIndexOfSubtask(), readerContext.getParallelism()));
    }

    /** A reader's checkpointed position: the next number, or exhausted when its share was emitted entirely. */
    public record Position(long next, boolean exhausted) implements Serializable {
    }

    /** Emits one subtask's share. */
    private static final class Reader implements SourceReader<Long> {
        private final long first;
        private final long last;
        private long next;
        // A flag, not next > last, because the last number may be Long.MAX_VALUE.
        private boolean exhausted;

        Reader(LongRangeShare share) {
            this.first = share.first;
            this.last = share.last;
            this.next = share.first;
            this.exhausted = share.empty;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<Long> output) {
            if (exhausted) {
                return InputStatus.END_OF_INPUT;
            }
            final long last = this.last;
            final ReaderYield yield = ReaderYield.of(output);
            // Unboxed where the task takes longs: see LongReaderOutput. The test is the same for the whole loop.
            final LongReaderOutput longs = LongReaderOutput.of(output);
            long n = next;
            for (int emitted = 0; emitted < MAX_NUMBERS_PER_POLL; emitted++) {
                if (longs != null) {
                    longs.collectLong(n);
                } else {
                    output.collect(n);
                }
                if (n == last) {
                    next = n;
                    exhausted = true;
                    return InputStatus.MORE_AVAILABLE;
                }
                n++;
                if (yield.yieldRequested()) {
                    break;
                }
            }
            next = n;
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public Object snapshotState(long checkpointId) {
            return new Position(next, exhausted);
        }

        @Override
        public void restoreState(Object state) {
            if (!(state instanceof Position position)
                    || (!position.exhausted() && (position.next() < first || position.next() > last))) {
                throw new IllegalArgumentException("NumberSequenceSource cannot resume from " + state + ": expected a "
                        + "NumberSequenceSource.Position within this subtask's share [" + first + ", " + last
                        + "]; was the checkpoint taken with a different range or parallelism?");
            }
            next = position.next();
            exhausted = position.exhausted();
        }

        @Override
        public void close() {
        }
    }
}
