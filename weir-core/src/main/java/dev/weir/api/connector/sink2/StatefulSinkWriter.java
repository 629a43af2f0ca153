package dev.weir.api.connector.sink2;

import java.util.List;

/** A sink writer with state to store in each checkpoint. */
public interface StatefulSinkWriter<InputT, WriterStateT> extends SinkWriter<InputT> {
    List<WriterStateT> snapshotState(long checkpointId) throws Exception;
}
