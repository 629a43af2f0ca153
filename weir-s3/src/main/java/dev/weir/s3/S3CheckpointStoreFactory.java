package dev.weir.s3;

import dev.weir.engine.checkpoint.storage.CheckpointObjectStore;
import dev.weir.engine.checkpoint.storage.CheckpointObjectStoreFactory;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Opens checkpoint storage on {@code s3://bucket/path} (and Flink's {@code s3a://} and {@code s3p://} spellings, which
 * name the same objects here) through the AWS SDK v2 S3 client. Registered in {@code META-INF/services}.
 */
public final class S3CheckpointStoreFactory implements CheckpointObjectStoreFactory {

    @Override
    public Set<String> schemes() {
        return Set.of("s3", "s3a", "s3p");
    }

    @Override
    public CheckpointObjectStore open(URI location, Map<String, String> settings) {
        String bucket = location.getHost();
        if (bucket == null || bucket.isEmpty()) {
            // Bucket names with characters a host name may not hold (underscores) leave the host empty.
            bucket = location.getAuthority();
        }
        if (bucket == null || bucket.isEmpty()) {
            throw new IllegalArgumentException("S3 location '" + location + "' names no bucket: write s3://<bucket>/<path>");
        }
        String path = location.getPath() == null ? "" : location.getPath();
        String prefix = path.startsWith("/") ? path.substring(1) : path;
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        return new S3CheckpointStore(S3Clients.create(S3Options.from(settings)), location.getScheme(), bucket, prefix,
                S3CheckpointStore.DEFAULT_PART_SIZE);
    }
}
