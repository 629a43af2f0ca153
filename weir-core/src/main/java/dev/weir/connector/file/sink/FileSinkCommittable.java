package dev.weir.connector.file.sink;

import java.io.Serializable;
import java.util.Objects;

/**
 * A closed part file waiting for its checkpoint to complete, as Flink's {@code FileSinkCommittable}: committing it
 * renames the hidden in-progress file to the part's final name.
 */
public final class FileSinkCommittable implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String bucketId;
    private final String inProgressPath;
    private final String finalPath;

    FileSinkCommittable(String bucketId, String inProgressPath, String finalPath) {
        this.bucketId = bucketId;
        this.inProgressPath = inProgressPath;
        this.finalPath = finalPath;
    }

    /** The bucket the part belongs to. */
    public String getBucketId() {
        return bucketId;
    }

    /** The hidden file the part was written to, relative to the sink's base path. */
    public String getInProgressPath() {
        return inProgressPath;
    }

    /** The name the part gets when committed, relative to the sink's base path. */
    public String getFinalPath() {
        return finalPath;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSinkCommittable other && bucketId.equals(other.bucketId)
                && inProgressPath.equals(other.inProgressPath) && finalPath.equals(other.finalPath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucketId, inProgressPath, finalPath);
    }

    @Override
    public String toString() {
        return "FileSinkCommittable{" + inProgressPath + " -> " + finalPath + '}';
    }
}
