package dev.weir.s3;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test reads of the job checkpoint folders in a bucket. */
public final class S3CheckpointFolders {
    private static final Pattern COMPLETED = Pattern.compile("^(.*/[^/]+)/chk-(\\d+)/_metadata$");

    private S3CheckpointFolders() {
    }

    /** The key of the job folder under {@code prefix} holding the highest completed checkpoint, if any. */
    public static Optional<String> newestJobFolder(S3ProxyServer s3, String bucket, String prefix) {
        String newest = null;
        long newestId = -1;
        for (String key : s3.keys(bucket, prefix)) {
            Matcher m = COMPLETED.matcher(key);
            if (m.matches() && Long.parseLong(m.group(2)) > newestId) {
                newestId = Long.parseLong(m.group(2));
                newest = m.group(1);
            }
        }
        return Optional.ofNullable(newest);
    }

    /** The highest completed checkpoint id under {@code prefix}, or -1. */
    public static long newestCompletedId(S3ProxyServer s3, String bucket, String prefix) {
        long newestId = -1;
        for (String key : s3.keys(bucket, prefix)) {
            Matcher m = COMPLETED.matcher(key);
            if (m.matches()) {
                newestId = Math.max(newestId, Long.parseLong(m.group(2)));
            }
        }
        return newestId;
    }
}
