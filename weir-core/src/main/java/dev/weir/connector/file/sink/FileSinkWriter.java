package dev.weir.connector.file.sink;

import dev.weir.api.common.serialization.Encoder;

import dev.weir.api.connector.sink2.CommittingSinkWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * Writes one subtask's rows into an in-progress part file; on each checkpoint (and at the end of input) hands the
 * closed file over as a {@link FileSink.PendingFile} for the committer to rename.
 */
final class FileSinkWriter<IN> implements CommittingSinkWriter<IN, FileSink.PendingFile> {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path directory;
    private final Encoder<IN> encoder;
    private final int subtask;
    private int nextPartNumber;

    private OutputStream out;
    private Path inProgressFile;
    private Path partFile;

    FileSinkWriter(Path directory, Encoder<IN> encoder, int subtask) throws IOException {
        this.directory = directory;
        this.encoder = encoder;
        this.subtask = subtask;
        deleteUncommittedParts();
    }

    /**
     * In-progress files of this subtask left by an earlier attempt hold rows written after its last completed
     * checkpoint; the restored job writes those rows again, so the files go. (Pending files of the restored
     * checkpoint were committed before this writer was created.)
     */
    private void deleteUncommittedParts() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, ".part-" + subtask + "-*.inprogress")) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        if (out == null) {
            openPart();
        }
        encoder.encode(element, out);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (out != null) {
            out.flush();
        }
    }

    @Override
    public Collection<FileSink.PendingFile> prepareCommit() throws IOException {
        if (out == null) {
            return List.of();
        }
        OutputStream stream = out;
        out = null;
        stream.close();
        return List.of(new FileSink.PendingFile(inProgressFile.toString(), partFile.toString()));
    }

    /** Leaves an unfinished part in progress: it is either committed after a checkpoint or deleted on restore. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** Opens the first part number for which neither the final nor the in-progress file exists. */
    private void openPart() throws IOException {
        while (true) {
            int n = nextPartNumber++;
            Path part = directory.resolve("part-" + subtask + "-" + n);
            Path inProgress = directory.resolve(".part-" + subtask + "-" + n + ".inprogress");
            if (Files.exists(part)) {
                continue;
            }
            try {
                out = new BufferedOutputStream(Files.newOutputStream(inProgress, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), BUFFER_BYTES);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            partFile = part;
            inProgressFile = inProgress;
            return;
        }
    }
}
