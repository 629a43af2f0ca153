package dev.weir.api.connector.sink;

import dev.weir.api.connector.Sink;
import dev.weir.api.connector.SinkWriter;
import dev.weir.api.connector.WriterInitContext;
import java.io.IOException;
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
 * yet taken there, so an earlier run's files are kept). Rows go to a hidden {@code .part-s-n.inprogress} file, which
 * is renamed atomically to {@code part-s-n} at the end of input or when the writer closes, so a reader of the
 * directory never sees a half-written part file. A part rolls only then: there is no size or time rolling policy yet.
 *
 * <p>Not yet exactly-once: a job that fails or is cancelled still renames what it wrote, and a restarted job writes
 * its rows again. Committing part files with checkpoints (two-phase commit) comes with fault tolerance.
 */
public final class FileSink<IN> implements Sink<IN> {
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
