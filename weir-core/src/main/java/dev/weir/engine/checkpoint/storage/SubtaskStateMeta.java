package dev.weir.engine.checkpoint.storage;

import java.util.List;
import java.util.Objects;

/**
 * Where one operator subtask's snapshot lives inside a checkpoint folder, and how to verify it.
 *
 * <p>A data file no larger than the storage's inline threshold (Flink's {@code execution.checkpointing.data-inline-threshold})
 * is not written as a file: its bytes, in the same layout, travel in {@code _metadata} as {@code inlineContent}.
 *
 * @param subtask the subtask index, {@code 0 <= subtask < parallelism}
 * @param fileName the data file's name inside the checkpoint folder; for inline content, the name it would have had,
 *                 which still identifies the subtask's data in messages
 * @param length the data file's exact length in bytes
 * @param checksum CRC32C of the data file's bytes before its trailer (the value the trailer also holds)
 * @param firstKeyGroup the first key group the file holds
 * @param keyGroupCount how many consecutive key groups the file holds (0 for an operator without keyed state)
 * @param stateFiles the files the subtask's keyed state backend snapshotted its key groups into (RocksDB's
 *                   incremental checkpoints), empty when its keyed state is in the data file's key-group sections
 * @param inlineContent the data file's bytes when they are stored in {@code _metadata}, null when they are a file
 */
public record SubtaskStateMeta(int subtask, String fileName, long length, long checksum, int firstKeyGroup,
        int keyGroupCount, List<StateFile> stateFiles, byte[] inlineContent) {

    /** A subtask whose keyed state, if any, is in its data file. */
    public SubtaskStateMeta(int subtask, String fileName, long length, long checksum, int firstKeyGroup, int keyGroupCount) {
        this(subtask, fileName, length, checksum, firstKeyGroup, keyGroupCount, List.of(), null);
    }

    /** A subtask whose data is a file in the checkpoint folder. */
    public SubtaskStateMeta(int subtask, String fileName, long length, long checksum, int firstKeyGroup, int keyGroupCount,
            List<StateFile> stateFiles) {
        this(subtask, fileName, length, checksum, firstKeyGroup, keyGroupCount, stateFiles, null);
    }

    /** Validates the fields and freezes the list. */
    public SubtaskStateMeta {
        Objects.requireNonNull(fileName, "fileName");
        stateFiles = List.copyOf(stateFiles);
        if (subtask < 0 || length < 0 || firstKeyGroup < 0 || keyGroupCount < 0) {
            throw new IllegalArgumentException("negative subtask, length or key group range: subtask=" + subtask
                    + " length=" + length + " firstKeyGroup=" + firstKeyGroup + " keyGroupCount=" + keyGroupCount);
        }
        if (inlineContent != null && inlineContent.length != length) {
            throw new IllegalArgumentException("inline content of " + fileName + " has " + inlineContent.length
                    + " bytes, but its length is recorded as " + length);
        }
    }

    /** Whether the data is stored in {@code _metadata} rather than as a file of the checkpoint folder. */
    public boolean isInline() {
        return inlineContent != null;
    }

    /** Whether this subtask's file holds {@code keyGroup}. */
    public boolean holdsKeyGroup(int keyGroup) {
        return keyGroup >= firstKeyGroup && keyGroup - firstKeyGroup < keyGroupCount;
    }

    /** This entry with its data stored in {@code _metadata} as {@code content} instead of a file. */
    SubtaskStateMeta withInlineContent(byte[] content) {
        return new SubtaskStateMeta(subtask, fileName, length, checksum, firstKeyGroup, keyGroupCount, stateFiles, content);
    }

    /** This entry with the backend's state files. */
    SubtaskStateMeta withStateFiles(List<StateFile> files) {
        return new SubtaskStateMeta(subtask, fileName, length, checksum, firstKeyGroup, keyGroupCount, files, inlineContent);
    }
}
