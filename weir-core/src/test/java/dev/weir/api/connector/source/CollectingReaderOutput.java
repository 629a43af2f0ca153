package dev.weir.api.connector.source;

import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import java.util.ArrayList;
import java.util.List;

/** A {@link ReaderOutput} test double that keeps what a reader emitted. */
public final class CollectingReaderOutput<T> implements ReaderOutput<T> {
    public final List<T> records = new ArrayList<>();
    public final List<Long> timestamps = new ArrayList<>();
    boolean idle;

    @Override
    public void collect(T record) {
        records.add(record);
        timestamps.add(null);
    }

    @Override
    public void collect(T record, long timestamp) {
        records.add(record);
        timestamps.add(timestamp);
    }

    @Override
    public void markIdle() {
        idle = true;
    }

    /** Polls until END_OF_INPUT, failing instead of looping forever when a reader never ends. */
    public List<T> pollUntilEnd(SourceReader<T> reader) throws Exception {
        for (int calls = 0; calls < 1_000_000; calls++) {
            if (reader.pollNext(this) == InputStatus.END_OF_INPUT) {
                return records;
            }
        }
        throw new AssertionError("The reader did not reach END_OF_INPUT within 1,000,000 polls");
    }

    /** Starts a reader of one subtask, reads it to the end and closes it. */
    public static <T> List<T> readAll(dev.weir.api.connector.source.Source<T> source, int subtask, int parallelism) throws Exception {
        try (SourceReader<T> reader = source.createReader(new TestReaderContext(subtask, parallelism))) {
            reader.start();
            return new CollectingReaderOutput<T>().pollUntilEnd(reader);
        }
    }
}
