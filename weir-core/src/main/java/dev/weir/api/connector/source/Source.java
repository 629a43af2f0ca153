package dev.weir.api.connector.source;

import dev.weir.core.io.InputStatus;

import java.io.Serializable;

/**
 * A bounded or unbounded, possibly parallel, source of elements. The runtime creates one {@link SourceReader} per
 * parallel subtask; each reader decides from {@link SourceReaderContext} which part of the input it reads.
 *
 * <p>This is a simplified form of Flink's FLIP-27 {@code Source}: no split serializers (Weir's checkpoints serialize
 * state objects themselves), and a reader's checkpointed position is whatever {@link SourceReader#snapshotState(long)}
 * returns. A source whose splits one coordinator discovers and assigns to the readers, with Flink's
 * {@link SplitEnumerator}, implements {@code dev.weir.builtin.EnumeratedSource}.
 *
 * <pre>{@code
 * class Countdown implements Source<Long> {
 *     public Boundedness getBoundedness() { return Boundedness.BOUNDED; }
 *     public SourceReader<Long> createReader(SourceReaderContext ctx) {
 *         return new SourceReader<>() {
 *             long next = 10;
 *             public InputStatus pollNext(ReaderOutput<Long> out) {
 *                 if (next == 0) return InputStatus.END_OF_INPUT;
 *                 out.collect(next--);
 *                 return InputStatus.MORE_AVAILABLE;
 *             }
 *         };
 *     }
 * }
 * }</pre>
 */
public interface Source<T> extends Serializable {
    Boundedness getBoundedness();

    SourceReader<T> createReader(SourceReaderContext readerContext) throws Exception;

    /** The highest useful parallelism (e.g. the number of files), or -1 when any parallelism works. */
    default int maxParallelism() {
        return -1;
    }
}
