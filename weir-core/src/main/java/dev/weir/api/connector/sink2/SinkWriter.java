package dev.weir.api.connector.sink2;

/** Writes one subtask's elements. All methods are called by one thread. */
public interface SinkWriter<T> extends AutoCloseable {
    void write(T element, Context context) throws Exception;

    /** Called on checkpoints and, with {@code endOfInput} true, once at the end of bounded input. */
    void flush(boolean endOfInput) throws Exception;

    /** Called once when the watermark advances; most writers ignore it. */
    default void writeWatermark(long watermark) throws Exception {
    }

    @Override
    default void close() throws Exception {
    }

    /** What the writer knows about the current element. */
    interface Context {
        long currentWatermark();

        /** The element's timestamp, or null when it has none. */
        Long timestamp();
    }
}
