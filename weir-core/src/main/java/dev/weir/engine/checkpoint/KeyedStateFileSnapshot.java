package dev.weir.engine.checkpoint;

import dev.weir.engine.checkpoint.storage.CheckpointWriter;
import dev.weir.engine.checkpoint.storage.StateFile;
import java.util.List;

/** A {@link FileSnapshottingBackend}'s snapshot of one subtask's keyed state, as local files not yet in the checkpoint. */
public interface KeyedStateFileSnapshot {
    /**
     * Puts the files into the checkpoint (new ones copied, ones an earlier checkpoint holds referenced) and returns
     * them as {@code _metadata} lists them. Called at most once, on an I/O thread.
     */
    List<StateFile> write(CheckpointWriter writer) throws Exception;

    /** Deletes the local copy; called once, after {@link #write} or instead of it, on any thread. */
    void release();
}
