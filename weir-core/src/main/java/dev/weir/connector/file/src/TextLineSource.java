package dev.weir.connector.file.src;

import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * A bounded source of the lines of UTF-8 text files, as Flink's
 * {@code FileSource.forRecordStreamFormat(new TextLineInputFormat(), paths)}.
 *
 * <p>Lines are emitted without their terminator ({@code \n}, {@code \r} or {@code \r\n}, as
 * {@code BufferedReader.readLine()} and so Flink's {@code TextLineInputFormat}); a last line without terminator is
 * emitted too; malformed UTF-8 becomes U+FFFD. See {@link FileSource} for which
 * files are read and by which subtask. The checkpointed position is a {@link Position}, so a restore resumes at the
 * exact line.
 */
final class TextLineSource extends FileSource<String> {
    private static final long serialVersionUID = 1L;

    private final boolean failOnMalformedText;

    /** Reads the given files and directories; fails with the path when one does not exist. */
    public TextLineSource(Path... paths) {
        this(false, paths);
    }

    /** As {@link #TextLineSource(Path...)}; with {@code failOnMalformedText}, invalid UTF-8 fails the job instead of being replaced. */
    TextLineSource(boolean failOnMalformedText, Path... paths) {
        super(false, paths);
        this.failOnMalformedText = failOnMalformedText;
    }

    @Override
    public SourceReader<String> createReader(SourceReaderContext readerContext) {
        return new TextLineReader(files(), readerContext.getIndexOfSubtask(), readerContext.getParallelism(),
                new MalformedText(failOnMalformedText, readerContext));
    }

    /**
     * A reader's checkpointed position: the index of the file it reads (in {@link #getFiles()}) and the byte offset
     * of the next line in it. An index at or past the number of files means the reader is done.
     */
    public record Position(int fileIndex, long byteOffset) implements Serializable {
    }
}
