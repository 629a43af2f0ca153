package dev.weir.api.connector.sink2;

import java.util.Collection;

/** A sink writer of a two-phase-commit sink: after {@code flush(false)} on a checkpoint, it hands over what to commit. */
public interface CommittingSinkWriter<InputT, CommT> extends SinkWriter<InputT> {
    /** What the writer wrote since the last call, ready to commit once the checkpoint completes; never visible yet. */
    Collection<CommT> prepareCommit() throws Exception;
}
