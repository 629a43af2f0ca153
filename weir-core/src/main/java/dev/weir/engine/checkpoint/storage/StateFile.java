package dev.weir.engine.checkpoint.storage;

import java.util.Objects;

/**
 * One file a keyed state backend snapshots its state into (RocksDB's SST, MANIFEST and OPTIONS files), as
 * {@code _metadata} lists it: where it is stored and how to verify it.
 *
 * @param localName  the file's name in the backend's working directory, which it gets back on restore
 * @param storedName the file's name in storage: in the job's {@code shared/} folder when {@code shared}, else in the
 *                   checkpoint's own folder
 * @param shared     whether later checkpoints may reference it (an immutable SST file), so only retention deletes it
 * @param length     the file's exact length in bytes
 * @param checksum   CRC32C of the file's bytes
 */
public record StateFile(String localName, String storedName, boolean shared, long length, long checksum) {
    /** Validates the fields. */
    public StateFile {
        Objects.requireNonNull(localName, "localName");
        Objects.requireNonNull(storedName, "storedName");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " of state file " + storedName);
        }
    }
}
