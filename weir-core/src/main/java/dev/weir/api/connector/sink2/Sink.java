package dev.weir.api.connector.sink2;

import java.io.Serializable;

/** Writes a stream to an external system through one {@link SinkWriter} per parallel subtask, as in Flink. */
public interface Sink<T> extends Serializable {
    SinkWriter<T> createWriter(WriterInitContext context) throws Exception;
}
