package dev.weir.api.common.serialization;

import dev.weir.connector.file.sink.FileSink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/** Writes one element as bytes to a {@link FileSink}'s part file, as Flink's {@code Encoder}. */
@FunctionalInterface
public interface Encoder<IN> extends Serializable {
    /** Appends the element, with its own delimiter, to the stream; the sink buffers and closes the stream. */
    void encode(IN element, OutputStream stream) throws IOException;
}
