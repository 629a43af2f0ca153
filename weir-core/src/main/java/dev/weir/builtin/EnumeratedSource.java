package dev.weir.builtin;

import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.api.connector.source.SourceSplit;
import dev.weir.api.connector.source.SplitEnumerator;
import dev.weir.api.connector.source.SplitEnumeratorContext;

/**
 * A {@link Source} whose splits one {@link SplitEnumerator} discovers and assigns to the readers, in the shape of
 * Flink's FLIP-27 {@code Source<T, SplitT, EnumChkT>}. Weir-only because Weir's {@code Source} has one type parameter;
 * the methods are Flink's. Weir runs one enumerator per source of a job on a coordinator thread of its own:
 *
 * <ul>
 *   <li>Each reader registers ({@link SplitEnumerator#addReader}) when its task starts; assignments, "no more splits"
 *       and events reach it on its task thread between two polls, never blocking the record path.</li>
 *   <li>A checkpoint snapshots the enumerator first, then each reader ({@link SplitSourceReader#snapshotState}, its
 *       splits); whatever the enumerator assigned or sent before its snapshot reaches the reader before the reader's
 *       snapshot, and nothing after it does, so the two always agree.</li>
 *   <li>A restore recreates the enumerator with {@link #restoreEnumerator} and hands each reader its own splits back
 *       ({@link SplitSourceReader#addSplits}) before it starts. At a different parallelism the old readers' splits go
 *       back to the enumerator instead ({@link SplitEnumerator#addSplitsBack}), which assigns them anew (Flink spreads
 *       them over the new readers itself).</li>
 *   <li>An exception of the enumerator fails the job.</li>
 * </ul>
 */
public interface EnumeratedSource<T, SplitT extends SourceSplit, EnumChkT> extends Source<T> {
    /** The enumerator of a fresh start. */
    SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext) throws Exception;

    /** The enumerator of a restore, from what its {@link SplitEnumerator#snapshotState} returned. */
    SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(SplitEnumeratorContext<SplitT> enumContext, EnumChkT checkpoint)
            throws Exception;

    @Override
    SplitSourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;
}
