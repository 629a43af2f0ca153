package dev.weir.engine.checkpoint.storage;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The constants every checkpoint file starts with, and the checks that turn a bad header into a refusal.
 *
 * <p>Every file begins with a 4-byte magic number and a 4-byte format version (big-endian) and ends with a
 * CRC32C of everything before it. A reader refuses a version newer than {@link #VERSION}: guessing at a
 * newer layout could restore state half right, which is worse than not restoring.
 */
final class FileFormat {
    /** "WEMD": a checkpoint's {@code _metadata} file. */
    static final int METADATA_MAGIC = 0x57454D44;
    /** "WESD": one operator subtask's state data file. */
    static final int DATA_MAGIC = 0x57455344;
    /**
     * The format version this code writes and the newest it reads. Version 2 added the state files a subtask's
     * backend snapshotted into ({@link StateFile}) to {@code _metadata}; version 1 files read as having none. Version 3
     * added a subtask's data stored inline in {@code _metadata} ({@link SubtaskStateMeta#inlineContent()}); versions 1
     * and 2 read as having every subtask's data in a file. A data file's own layout is the same in all three.
     */
    static final int VERSION = 3;
    /** Magic plus version. */
    static final int PREAMBLE_BYTES = 8;
    static final int TRAILER_BYTES = 4;

    static final String METADATA_FILE = "_metadata";
    static final String METADATA_IN_PROGRESS = "_metadata.inprogress";

    private FileFormat() {
    }

    /** Checks the preamble at the buffer's position (consumed); {@code what} names the kind of file. */
    static void checkPreamble(Path file, ByteBuffer preamble, int expectedMagic, String what) {
        int magic = preamble.getInt();
        if (magic != expectedMagic) {
            throw corrupt(file, String.format("bad magic number 0x%08X, expected 0x%08X: not a Weir %s file",
                    magic, expectedMagic, what));
        }
        int version = preamble.getInt();
        if (version > VERSION) {
            throw corrupt(file, "format version " + version + " is newer than this Weir reads (up to " + VERSION
                    + "): it was written by a newer Weir; restore it with that version");
        }
        if (version < 1) {
            throw corrupt(file, "unknown format version " + version + " (this Weir reads 1 to " + VERSION + ")");
        }
    }

    static CheckpointException corrupt(Path file, String reason) {
        return new CheckpointException(file, reason, file + ": " + reason, null);
    }

    static CheckpointException truncated(Path file, long actual, long expected) {
        return corrupt(file, "truncated: " + actual + " bytes, expected " + expected);
    }

    static CheckpointException checksumMismatch(Path file, long stored, long computed) {
        return corrupt(file, String.format("checksum mismatch: stored CRC32C 0x%08X, computed 0x%08X; the file was "
                + "damaged or modified after it was written", stored, computed));
    }
}
