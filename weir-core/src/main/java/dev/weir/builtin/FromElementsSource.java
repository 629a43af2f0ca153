package dev.weir.builtin;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.Source;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import java.util.ArrayList;
import java.util.Objects;

/**
 * A bounded, non-parallel source of the given elements in their order; it backs {@code env.fromData(...)} and
 * {@code env.fromCollection(...)}.
 *
 * <p>Its checkpointed position is a {@link Long}: the index of the next element to emit. Like Flink's, it is not
 * parallel ({@link #maxParallelism()} is 1); should it run wider anyway, subtask 0 emits every element and the others
 * none, so no element is emitted twice.
 */
public final class FromElementsSource<T> implements Source<T> {
    private static final long serialVersionUID = 1L;
    static final int MAX_ELEMENTS_PER_POLL = 1024;

    private final Object[] elements;

    /** Copies the elements; a null element is refused with its index, as Flink's streams hold no nulls. */
    public FromElementsSource(Iterable<? extends T> elements) {
        Objects.requireNonNull(elements, "elements");
        ArrayList<Object> copy = new ArrayList<>();
        for (T element : elements) {
            if (element == null) {
                throw new IllegalArgumentException("fromData/fromCollection: the element at index " + copy.size()
                        + " is null; streams cannot hold null elements, so remove it or wrap the value (e.g. in an Optional-like record)");
            }
            copy.add(element);
        }
        this.elements = copy.toArray();
    }

    /** The number of elements this source emits. */
    public int size() {
        return elements.length;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public int maxParallelism() {
        return 1;
    }

    @Override
    public SourceReader<T> createReader(SourceReaderContext readerContext) {
        return new Reader<>(elements, readerContext.getIndexOfSubtask() == 0 ? elements.length : 0);
    }

    /** Emits {@code elements[0, end)} from the next index on. */
    private static final class Reader<T> implements SourceReader<T> {
        private final Object[] elements;
        private final int end;
        private int next;

        Reader(Object[] elements, int end) {
            this.elements = elements;
            this.end = end;
        }

        @Override
        @SuppressWarnings("unchecked")
        public InputStatus pollNext(ReaderOutput<T> output) {
            int i = next;
            if (i >= end) {
                return InputStatus.END_OF_INPUT;
            }
            final Object[] elements = this.elements;
            final int stop = Math.min(end, i + MAX_ELEMENTS_PER_POLL);
            final ReaderYield yield = ReaderYield.of(output);
            while (i < stop) {
                output.collect((T) elements[i++]);
                if (yield.yieldRequested()) {
                    break;
                }
            }
            next = i;
            return InputStatus.MORE_AVAILABLE;
        }

        @Override
        public Object snapshotState(long checkpointId) {
            return (long) next;
        }

        @Override
        public void restoreState(Object state) {
            if (!(state instanceof Long index) || index < 0 || index > end) {
                throw new IllegalArgumentException("FromElementsSource cannot resume from " + state
                        + ": expected a Long index in [0, " + end + "], as its snapshotState returns; was the checkpoint taken by a different job?");
            }
            next = (int) (long) index;
        }

        @Override
        public void close() {
        }
    }
}
