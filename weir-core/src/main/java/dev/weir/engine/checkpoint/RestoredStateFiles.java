package dev.weir.engine.checkpoint;

import dev.weir.engine.checkpoint.storage.StateFile;
import java.nio.file.Path;
import java.util.List;

/**
 * The keyed-state files one old subtask left in a checkpoint, where to read them, and the key groups it owned.
 *
 * @param firstKeyGroup the first key group the old subtask owned
 * @param keyGroupCount how many consecutive key groups it owned
 * @param files         its files as {@code _metadata} lists them (verified when the checkpoint was loaded)
 * @param paths         where each of {@code files} is stored, in the same order
 */
public record RestoredStateFiles(int firstKeyGroup, int keyGroupCount, List<StateFile> files, List<Path> paths) {
    /** Freezes the lists and checks they match. */
    public RestoredStateFiles {
        files = List.copyOf(files);
        paths = List.copyOf(paths);
        if (files.size() != paths.size()) {
            throw new IllegalArgumentException(files.size() + " state files but " + paths.size() + " paths");
        }
    }

    /** The last key group the old subtask owned. */
    public int endKeyGroup() {
        return firstKeyGroup + keyGroupCount - 1;
    }
}
