package dev.weir.connector.file.sink;

import dev.weir.api.common.serialization.Encoder;
import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.SupportsWriterState;
import dev.weir.api.connector.sink2.WriterInitContext;
import dev.weir.core.fs.Path;
import dev.weir.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.weir.streaming.api.functions.sink.filesystem.RollingPolicy;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Objects;

/**
 * Writes rows into part files under a base directory, exactly once, built as in Flink:
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRowFormat(new Path("/data/out"), new SimpleStringEncoder<String>())
 *     .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.ofMebiBytes(64)).build())
 *     .build());
 * }</pre>
 *
 * <p>As in Flink: the {@link BucketAssigner} chooses the sub-directory of each row (by default a
 * {@link DateTimeBucketAssigner}: {@code yyyy-MM-dd--HH} of the processing time, system time zone); each subtask
 * writes one part file per bucket at a time, a hidden {@code .part-<uuid>-<counter>.inprogress.<uuid>}; the
 * {@link RollingPolicy} (by default a {@link DefaultRollingPolicy}: 128 MB, 60 s open, 60 s inactive) closes it; a
 * closed part is renamed to {@code part-<uuid>-<counter>} (prefix and suffix from {@link OutputFileConfig}) when the
 * next checkpoint completes, so a reader never sees a half-written or uncommitted part. A part still open at a
 * checkpoint is recorded with its length; after a failure it is truncated to that length and written on, and parts
 * opened after the checkpoint are deleted, so no row appears twice. Without checkpointing, Weir commits every part at
 * the end of a bounded input (Flink leaves them pending).
 *
 * <p>Weir writes to the local file system only: a path with a scheme other than {@code file:} fails when the sink is
 * built. See {@code FileSinkWriter} for how part numbering differs from Flink's.
 */
public final class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSinkCommittable>,
        SupportsWriterState<IN, FileSinkWriter.State> {
    private static final long serialVersionUID = 1L;

    /** Flink's default interval between checks of the time-based rolling conditions: one minute. */
    static final long DEFAULT_BUCKET_CHECK_INTERVAL = 60_000L;

    // A String, not a Path: a Sink is Serializable and java.nio.file.Path is not.
    private final String basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final RollingPolicy<IN, String> rollingPolicy;
    private final OutputFileConfig outputFileConfig;
    private final long bucketCheckInterval;

    private FileSink(RowFormatBuilder<IN, ?> builder) {
        this.basePath = builder.basePath.toString();
        this.encoder = builder.encoder;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.outputFileConfig = builder.outputFileConfig;
        this.bucketCheckInterval = builder.bucketCheckInterval;
    }

    /** Starts building a sink that encodes each element with {@code encoder} into part files under {@code basePath}. */
    public static <IN> DefaultRowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new DefaultRowFormatBuilder<>(localPath(Objects.requireNonNull(basePath, "basePath")), encoder);
    }

    /** Weir's convenience: the same with a {@code java.nio.file.Path}. */
    public static <IN> DefaultRowFormatBuilder<IN> forRowFormat(java.nio.file.Path basePath, Encoder<IN> encoder) {
        return new DefaultRowFormatBuilder<>(Objects.requireNonNull(basePath, "basePath").toAbsolutePath(), encoder);
    }

    /** The local directory a Flink path names; fails for a path of another file system. */
    static java.nio.file.Path localPath(Path path) {
        URI uri = path.toUri();
        if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
            throw new IllegalArgumentException("FileSink: the base path " + path + " is on the '" + uri.getScheme() + "' file system; "
                    + "Weir's FileSink writes to the local file system only: give a local path such as /data/out or file:///data/out");
        }
        return java.nio.file.Path.of(uri.getPath()).toAbsolutePath();
    }

    /** Weir's convenience: the directory the part files go to. */
    public java.nio.file.Path getBasePath() {
        return java.nio.file.Path.of(basePath);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        return FileSinkWriter.create(baseDirectory(), encoder, copy(bucketAssigner), copy(rollingPolicy), outputFileConfig,
                context.getProcessingTimeService(), bucketCheckInterval);
    }

    @Override
    public SinkWriter<IN> restoreWriter(WriterInitContext context, Collection<FileSinkWriter.State> recoveredState) throws IOException {
        return FileSinkWriter.restore(baseDirectory(), encoder, copy(bucketAssigner), copy(rollingPolicy), outputFileConfig,
                context.getProcessingTimeService(), bucketCheckInterval, recoveredState);
    }

    private java.nio.file.Path baseDirectory() throws IOException {
        java.nio.file.Path directory = java.nio.file.Path.of(basePath);
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("FileSink: base path " + directory + " exists and is not a directory; give the path of a directory to write part files into", e);
        }
        return directory;
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter() {
        java.nio.file.Path base = java.nio.file.Path.of(basePath);
        return pending -> commit(base, pending);
    }

    /** Renames each pending file to its final name; one already renamed (a commit repeated after restore) is skipped. */
    static void commit(java.nio.file.Path base, Collection<FileSinkCommittable> pending) throws IOException {
        for (FileSinkCommittable p : pending) {
            java.nio.file.Path from = base.resolve(p.getInProgressPath());
            java.nio.file.Path to = base.resolve(p.getFinalPath());
            if (Files.exists(from)) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(to)) {
                throw new IOException("FileSink cannot commit " + to + ": neither it nor its in-progress file " + from
                        + " exists. Were files deleted from the output directory while the job ran?");
            }
        }
    }

    /**
     * Each writer gets its own copy of the assigner and the policy, as each Flink task deserializes its own: the sink
     * object is shared by all subtasks, and an assigner may cache (DateTimeBucketAssigner does).
     */
    @SuppressWarnings("unchecked")
    private static <T> T copy(T object) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                return Class.forName(desc.getName(), false, object.getClass().getClassLoader());
            }
        }) {
            return (T) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("FileSink cannot copy " + object + " for a subtask: " + e, e);
        }
    }

    /** Configures a row-format {@link FileSink}, as Flink's {@code FileSink.RowFormatBuilder}. */
    public static class RowFormatBuilder<IN, T extends RowFormatBuilder<IN, T>> {
        private final java.nio.file.Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, String> bucketAssigner = new DateTimeBucketAssigner<>();
        private RollingPolicy<IN, String> rollingPolicy = DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();
        private long bucketCheckInterval = DEFAULT_BUCKET_CHECK_INTERVAL;

        RowFormatBuilder(java.nio.file.Path basePath, Encoder<IN> encoder) {
            this.basePath = basePath;
            this.encoder = Objects.requireNonNull(encoder, "encoder");
        }

        @SuppressWarnings("unchecked")
        private T self() {
            return (T) this;
        }

        /** How often, in milliseconds, the time-based conditions of the rolling policy are checked; 60 000 by default. */
        public T withBucketCheckInterval(long interval) {
            if (interval <= 0) {
                throw new IllegalArgumentException("FileSink: the bucket check interval must be a positive number of milliseconds, was " + interval);
            }
            this.bucketCheckInterval = interval;
            return self();
        }

        /** Chooses each row's bucket (sub-directory); {@link DateTimeBucketAssigner} by default. */
        public T withBucketAssigner(BucketAssigner<IN, String> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "FileSink: the bucket assigner must not be null");
            return self();
        }

        /** Decides when part files roll; {@link DefaultRollingPolicy} by default. */
        public T withRollingPolicy(RollingPolicy<IN, String> policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "FileSink: the rolling policy must not be null");
            return self();
        }

        /** The prefix and suffix of part file names; {@code part} and none by default. */
        public T withOutputFileConfig(OutputFileConfig outputFileConfig) {
            this.outputFileConfig = Objects.requireNonNull(outputFileConfig, "FileSink: the output file config must not be null");
            return self();
        }

        /** The sink; fails when the assigner or the policy cannot be copied for each subtask. */
        public FileSink<IN> build() {
            checkCopyable(bucketAssigner, "bucket assigner");
            checkCopyable(rollingPolicy, "rolling policy");
            return new FileSink<>(this);
        }

        private static void checkCopyable(Object object, String what) {
            try {
                copy(object);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException("FileSink: the " + what + " " + object + " cannot be serialized (" + e
                        + "); every subtask needs its own copy, so make it and its fields Serializable", e);
            }
        }
    }

    /** The builder {@link #forRowFormat} returns, as Flink's {@code FileSink.DefaultRowFormatBuilder}. */
    public static final class DefaultRowFormatBuilder<IN> extends RowFormatBuilder<IN, DefaultRowFormatBuilder<IN>> {
        private DefaultRowFormatBuilder(java.nio.file.Path basePath, Encoder<IN> encoder) {
            super(basePath, encoder);
        }
    }
}
