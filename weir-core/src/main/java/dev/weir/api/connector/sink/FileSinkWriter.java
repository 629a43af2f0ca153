package dev.weir.api.connector.sink;

import dev.weir.api.connector.SinkWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes one subtask's rows into an in-progress part file and publishes it under its final name by an atomic rename. */
final class FileSinkWriter<IN> implements SinkWriter<IN> {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path directory;
    private final Encoder<IN> encoder;
    private final int subtask;
    private int nextPartNumber;

    private OutputStream out;
    private Path inProgressFile;
    private Path partFile;

    FileSinkWriter(Path directory, Encoder<IN> encoder, int subtask) {
        this.directory = directory;
        this.encoder = encoder;
        this.subtask = subtask;
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        if (out == null) {
            openPart();
        }
        encoder.encode(element, out);
    }

    /** At a checkpoint the buffered rows only reach the in-progress file; at the end of input the part is published. */
    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (out == null) {
            return;
        }
        if (endOfInput) {
            commitPart();
        } else {
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            commitPart();
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

    private void commitPart() throws IOException {
        OutputStream stream = out;
        out = null;
        stream.close();
        try {
            Files.move(inProgressFile, partFile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IOException("FileSink (subtask " + subtask + ") cannot rename " + inProgressFile + " to " + partFile
                    + "; the rows stay in the in-progress file: " + e, e);
        }
    }
}
