package dev.weir.engine.checkpoint.storage;

import java.util.List;
import java.util.Objects;

/**
 * Where one operator subtask's snapshot lives inside a checkpoint folder, and how to verify it.
 *
 * @param subtask the subtask index, {@code 0 <= subtask < parallelism}
 * @param fileName the data file's name inside the checkpoint folder
 * @param length the data file's exact length in bytes
 * @param checksum CRC32C of the data file's bytes before its trailer (the value the trailer also holds)
 * @param firstKeyGroup the first key group the file holds
 * @param keyGroupCount how many consecutive key groups the file holds (0 for an operator without keyed state)
 * @param stateFiles the files the subtask's keyed state backend snapshotted its key groups into (RocksDB's
 *                   incremental checkpoints), empty when its keyed state is in the data file's key-group sections
 */
public record SubtaskStateMeta(int subtask, String fileName, long length, long checksum, int firstKeyGroup,
        int keyGroupCount, List<StateFile> stateFiles) {

    /** A subtask whose keyed state, if any, is in its data file. */
    public SubtaskStateMeta(int subtask, String fileName, long length, long checksum, int firstKeyGroup, int keyGroupCount) {
        this(subtask, fileName, length, checksum, firstKeyGroup, keyGroupCount, List.of());
    }

    /** Validates the fields and freezes the list. */
    public SubtaskStateMeta {
        Objects.requireNonNull(fileName, "fileName");
        stateFiles = List.copyOf(stateFiles);
        if (subtask < 0 || length < 0 || firstKeyGroup < 0 || keyGroupCount < 0) {
            throw new IllegalArgumentException("negative subtask, length or key group range: subtask=" + subtask
                    + " length=" + length + " firstKeyGroup=" + firstKeyGroup + " keyGroupCount=" + keyGroupCount);
        }
    }

    /** Whether this subtask's file holds {@code keyGroup}. */
    public boolean holdsKeyGroup(int keyGroup) {
        return keyGroup >= firstKeyGroup && keyGroup - firstKeyGroup < keyGroupCount;
    }

    /** This entry with the backend's state files. */
    SubtaskStateMeta withStateFiles(List<StateFile> files) {
        return new SubtaskStateMeta(subtask, fileName, length, checksum, firstKeyGroup, keyGroupCount, files);
    }
}
