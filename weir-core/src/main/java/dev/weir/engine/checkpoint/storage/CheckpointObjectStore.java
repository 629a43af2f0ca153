package dev.weir.engine.checkpoint.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * SPI: an object store (S3 and its kin) that keeps checkpoints and savepoints off the machine, opened at one location
 * ({@code s3://bucket/base}) by a {@link CheckpointObjectStoreFactory}. Keys are relative to that location and use
 * {@code /} between folders ({@code job-1/chk-3/_metadata}).
 *
 * <p>Every method may be called from several threads at once. A transient failure (throttling, a 5xx answer, a
 * dropped connection) is retried with backoff inside the store; an {@link IOException} means the store gave up, and
 * fails the one checkpoint that was being written or the restore that was reading.
 */
public interface CheckpointObjectStore extends AutoCloseable {

    /** Uploads {@code file} as {@code key}, replacing an object of that key; large files go up in parts. */
    void upload(Path file, String key) throws IOException;

    /** Downloads {@code key} into {@code file}, replacing it. */
    void download(String key, Path file) throws IOException;

    /** Every key starting with {@code prefix} (relative to the location), in any order; empty when there is none. */
    List<String> list(String prefix) throws IOException;

    /** Deletes the object {@code key}; a key that does not exist is fine. */
    void delete(String key) throws IOException;

    /** The location of {@code key} as a user writes it, e.g. {@code s3://bucket/base/job-1/chk-3}. */
    String uri(String key);

    /** Releases the store's client. */
    @Override
    void close();
}
