package dev.weir.connector.file.sink;

import dev.weir.streaming.api.functions.sink.filesystem.PartFileInfo;
import java.nio.file.Path;

/** The part file a bucket is writing: its hidden in-progress file, its final name, its size and times. */
final class InProgressPart implements PartFileInfo<String> {
    final String bucketId;
    final Path inProgressFile;
    final Path finalFile;
    final PartFileStream stream;
    private final long creationTime;
    long lastUpdateTime;

    InProgressPart(String bucketId, Path inProgressFile, Path finalFile, PartFileStream stream, long creationTime, long lastUpdateTime) {
        this.bucketId = bucketId;
        this.inProgressFile = inProgressFile;
        this.finalFile = finalFile;
        this.stream = stream;
        this.creationTime = creationTime;
        this.lastUpdateTime = lastUpdateTime;
    }

    @Override
    public String getBucketId() {
        return bucketId;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getSize() {
        return stream.position();
    }

    @Override
    public long getLastUpdateTime() {
        return lastUpdateTime;
    }
}
