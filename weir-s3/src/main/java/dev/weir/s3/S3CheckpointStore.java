package dev.weir.s3;

import dev.weir.engine.checkpoint.storage.CheckpointObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Checkpoint objects in one S3 bucket under one prefix. Files up to {@code partSize} go up in one PUT; larger ones by
 * multipart upload, aborted when a part fails so no orphan parts are billed. The client retries transient errors
 * with backoff (see {@link S3Clients}); an {@link SdkException} that remains is reported as an {@link IOException}
 * naming the object.
 */
final class S3CheckpointStore implements CheckpointObjectStore {
    /** S3's smallest part is 5 MiB; 8 MiB parts keep a 1 GiB snapshot at 128 requests. */
    static final long DEFAULT_PART_SIZE = 8L << 20;

    private final S3Client client;
    private final String scheme;
    private final String bucket;
    private final String prefix;
    private final long partSize;

    S3CheckpointStore(S3Client client, String scheme, String bucket, String prefix, long partSize) {
        this.client = Objects.requireNonNull(client, "client");
        this.scheme = scheme;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partSize = partSize;
    }

    @Override
    public void upload(Path file, String key) throws IOException {
        String objectKey = prefix + key;
        long size = Files.size(file);
        try {
            if (size <= partSize) {
                client.putObject(b -> b.bucket(bucket).key(objectKey), RequestBody.fromFile(file));
            } else {
                uploadInParts(file, objectKey, size);
            }
        } catch (SdkException e) {
            throw failure("write", objectKey, e);
        }
    }

    private void uploadInParts(Path file, String objectKey, long size) throws IOException {
        String uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)).uploadId();
        try (InputStream in = Files.newInputStream(file)) {
            List<CompletedPart> parts = new ArrayList<>();
            byte[] buffer = new byte[(int) partSize];
            int partNumber = 1;
            for (long offset = 0; offset < size; offset += partSize, partNumber++) {
                int length = (int) Math.min(partSize, size - offset);
                in.readNBytes(buffer, 0, length);
                int number = partNumber;
                String etag = client.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId).partNumber(number)
                        .contentLength((long) length), RequestBody.fromBytes(length == buffer.length ? buffer
                        : java.util.Arrays.copyOf(buffer, length))).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            client.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
        } catch (IOException | SdkException e) {
            try {
                client.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
            } catch (SdkException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    @Override
    public void download(String key, Path file) throws IOException {
        String objectKey = prefix + key;
        Path partial = file.resolveSibling(file.getFileName() + ".download");
        try (InputStream in = client.getObject(b -> b.bucket(bucket).key(objectKey))) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        } catch (NoSuchKeyException e) {
            throw new IOException("no object " + uri(key) + " (deleted while reading it?)", e);
        } catch (SdkException e) {
            throw failure("read", objectKey, e);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public List<String> list(String keyPrefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + keyPrefix)).contents()) {
                keys.add(object.key().substring(prefix.length()));
            }
        } catch (SdkException e) {
            throw failure("list", prefix + keyPrefix, e);
        }
        return keys;
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw failure("delete", prefix + key, e);
        }
    }

    @Override
    public String uri(String key) {
        String path = prefix + key;
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + bucket + (path.isEmpty() ? "" : "/" + path);
    }

    @Override
    public void close() {
        client.close();
    }

    private IOException failure(String action, String objectKey, SdkException e) {
        return new IOException("cannot " + action + " " + scheme + "://" + bucket + "/" + objectKey + ": " + e.getMessage(), e);
    }
}
