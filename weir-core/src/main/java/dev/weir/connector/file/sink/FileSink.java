package dev.weir.connector.file.sink;

import dev.weir.api.common.serialization.Encoder;
import dev.weir.api.common.serialization.SimpleStringEncoder;

import dev.weir.api.connector.sink2.Committer;
import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SupportsCommitter;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes rows into part files of a directory, built as in Flink:
 *
 * <pre>{@code
 * stream.sinkTo(FileSink.forRowFormat(Path.of("/data/out"), new SimpleStringEncoder<String>()).build());
 * }</pre>
 *
 * <p>Subtask s writes {@code part-s-n} files straight in the directory (no date buckets; n is the first number not
 * yet taken there, so an earlier run's files are kept). Rows go to a hidden {@code .part-s-n.inprogress} file. It is
 * exactly-once by two-phase commit: on every checkpoint the in-progress file is closed and becomes a pending
 * committable, stored in the checkpoint; when the checkpoint completes it is renamed atomically to {@code part-s-n}.
 * A reader of the directory never sees a half-written or uncommitted part. After a failure, pending files of the
 * restored checkpoint are committed and in-progress files written after it are deleted, so no row appears twice.
 * Without checkpointing, parts are committed at the end of input. Parts roll on checkpoints only: there is no size
 * or time rolling policy yet.
 */
public final class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSink.PendingFile> {
    private static final long serialVersionUID = 1L;

    // A String, not a Path: a Sink is Serializable and java.nio.file.Path is not.
    private final String basePath;
    private final Encoder<IN> encoder;

    private FileSink(String basePath, Encoder<IN> encoder) {
        this.basePath = basePath;
        this.encoder = encoder;
    }

    /** Starts building a sink that encodes each element with {@code encoder} into part files under {@code basePath}. */
    public static <IN> DefaultRowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new DefaultRowFormatBuilder<>(basePath, encoder);
    }

    /** The directory the part files go to. */
    public Path getBasePath() {
        return Path.of(basePath);
    }

    @Override
    public SinkWriter<IN> createWriter(WriterInitContext context) throws IOException {
        Path directory = Path.of(basePath);
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("FileSink: base path " + directory + " exists and is not a directory; give the path of a directory to write part files into", e);
        }
        return new FileSinkWriter<>(directory, encoder, context.getSubtaskId());
    }

    @Override
    public Committer<PendingFile> createCommitter() {
        return FileSink::commit;
    }

    /** Renames each pending file to its final name; one already renamed (a commit repeated after restore) is skipped. */
    static void commit(Collection<PendingFile> pending) throws IOException {
        for (PendingFile p : pending) {
            Path from = Path.of(p.inProgressPath());
            Path to = Path.of(p.finalPath());
            if (Files.exists(from)) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(to)) {
                throw new IOException("FileSink cannot commit " + to + ": neither it nor its in-progress file " + from
                        + " exists. Were files deleted from the output directory while the job ran?");
            }
        }
    }

    /** A closed in-progress part file waiting for its checkpoint to complete. */
    public record PendingFile(String inProgressPath, String finalPath) implements Serializable {
    }

    /** Configures a row-format {@link FileSink}, as Flink's {@code FileSink.DefaultRowFormatBuilder}. */
    public static final class DefaultRowFormatBuilder<IN> {
        private final Path basePath;
        private final Encoder<IN> encoder;

        private DefaultRowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = Objects.requireNonNull(basePath, "basePath").toAbsolutePath();
            this.encoder = Objects.requireNonNull(encoder, "encoder");
        }

        public FileSink<IN> build() {
            return new FileSink<>(basePath.toString(), encoder);
        }
    }
}
