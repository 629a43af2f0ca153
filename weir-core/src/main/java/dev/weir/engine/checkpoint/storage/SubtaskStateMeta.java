package dev.weir.engine.checkpoint.storage;

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
 */
public record SubtaskStateMeta(int subtask, String fileName, long length, long checksum, int firstKeyGroup,
        int keyGroupCount) {

    /** Validates the fields. */
    public SubtaskStateMeta {
        Objects.requireNonNull(fileName, "fileName");
        if (subtask < 0 || length < 0 || firstKeyGroup < 0 || keyGroupCount < 0) {
            throw new IllegalArgumentException("negative subtask, length or key group range: subtask=" + subtask
                    + " length=" + length + " firstKeyGroup=" + firstKeyGroup + " keyGroupCount=" + keyGroupCount);
        }
    }

    /** Whether this subtask's file holds {@code keyGroup}. */
    public boolean holdsKeyGroup(int keyGroup) {
        return keyGroup >= firstKeyGroup && keyGroup - firstKeyGroup < keyGroupCount;
    }
}
