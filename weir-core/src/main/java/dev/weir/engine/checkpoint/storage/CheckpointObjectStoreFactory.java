package dev.weir.engine.checkpoint.storage;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * SPI: opens a {@link CheckpointObjectStore} for the locations of its URI schemes. Implementations are found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services} entry), so a module on the class path (weir-s3) makes
 * {@code execution.checkpointing.dir: s3://bucket/path} work without the engine knowing it.
 */
public interface CheckpointObjectStoreFactory {

    /** The URI schemes this factory opens, lower case, e.g. {@code s3}, {@code s3a}, {@code s3p}. */
    Set<String> schemes();

    /**
     * Opens the store at {@code location}. {@code settings} are the job's settings whose keys belong to the store
     * (for S3, Flink's {@code s3.*} options).
     *
     * @throws IllegalArgumentException naming the location and what is wrong with it
     */
    CheckpointObjectStore open(URI location, Map<String, String> settings);
}
