package dev.weir.api.connector.sink2;

import java.util.Collection;

/** A {@link Sink} whose writers have state of their own ({@link StatefulSinkWriter}) that survives a restore. */
public interface SupportsWriterState<InputT, WriterStateT> {
    /** Creates a writer from the states the previous writers of this subtask's share left in the checkpoint. */
    SinkWriter<InputT> restoreWriter(WriterInitContext context, Collection<WriterStateT> recoveredState) throws Exception;
}
