package dev.weir.connector.file.src;

import dev.weir.builtin.LineOrigin;
import dev.weir.builtin.ReaderYield;

import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the lines of one subtask's files (file k for {@code k % parallelism == subtask}). It reads bytes itself and
 * decodes each line, rather than using a {@code BufferedReader}, because it must know the byte offset of every line
 * for its checkpointed position; its lines are those of {@code BufferedReader.readLine()} (terminators {@code \n},
 * {@code \r} and {@code \r\n}), as Flink's {@code TextLineInputFormat} reads them.
 */
final class TextLineReader implements SourceReader<String> {
    static final int MAX_LINES_PER_POLL = 1024;
    private static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final String[] files;
    private final int subtask;
    private final int parallelism;

    // The position: the file being read and the offset in it of the next line to emit.
    private int fileIndex;
    private long lineOffset;

    private FileChannel channel;
    private byte[] buffer = new byte[INITIAL_BUFFER_BYTES];
    private ByteBuffer bufferView = ByteBuffer.wrap(buffer);
    // Unconsumed bytes are buffer[start, limit); buffer[start, scanned) is known to hold no line terminator.
    private int start;
    private int scanned;
    private int limit;
    private boolean endOfFile;

    private final MalformedText malformed;
    private final LineOrigin origin = new CurrentLine();

    TextLineReader(String[] files, int subtask, int parallelism, MalformedText malformed) {
        this.malformed = malformed;
        if (parallelism < 1 || subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("Subtask " + subtask + " of parallelism " + parallelism + " is not a valid subtask");
        }
        this.files = files;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.fileIndex = subtask;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<String> output) throws IOException {
        // A function chained to this source that cannot read a line asks for its file and line (LineOrigin).
        LineOrigin.set(origin);
        try {
            return poll(output);
        } finally {
            LineOrigin.set(null);
        }
    }

    private InputStatus poll(ReaderOutput<String> output) throws IOException {
        int emitted = 0;
        final ReaderYield yield = ReaderYield.of(output);
        while (emitted < MAX_LINES_PER_POLL) {
            if (emitted > 0 && yield.yieldRequested()) {
                // Between two lines the reader's position is complete: a waiting checkpoint may take it now.
                return InputStatus.MORE_AVAILABLE;
            }
            if (fileIndex >= files.length) {
                return emitted == 0 ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            if (channel == null) {
                open();
            }
            final byte[] bytes = buffer;
            int terminator = -1;
            for (int i = scanned; i < limit; i++) {
                final byte b = bytes[i];
                if (b == '\n' || b == '\r') {
                    terminator = i;
                    break;
                }
            }
            if (terminator >= 0) {
                int next = terminator + 1;
                if (bytes[terminator] == '\r') {
                    if (next < limit) {
                        if (bytes[next] == '\n') {
                            next++;
                        }
                    } else if (!endOfFile) {
                        // A '\r' at the end of the buffer: read on to see whether a '\n' follows.
                        scanned = terminator;
                        fill();
                        continue;
                    }
                }
                emit(output, start, terminator);
                lineOffset += next - start;
                start = next;
                scanned = start;
                emitted++;
            } else if (!endOfFile) {
                scanned = limit;
                fill();
            } else {
                if (start < limit) {
                    emit(output, start, limit);
                    lineOffset += limit - start;
                    emitted++;
                }
                nextFile();
            }
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void emit(ReaderOutput<String> output, int from, int end) {
        String line = new String(buffer, from, end - from, StandardCharsets.UTF_8);
        if (line.indexOf('\uFFFD') >= 0) {
            // Rare: the decoder replaced invalid bytes, or the file holds U+FFFD itself; MalformedText tells them apart.
            malformed.check(files[fileIndex], lineOffset, buffer, from, end - from, line);
        }
        output.collect(line);
    }

    /** Moves the unconsumed bytes to the front, grows the buffer if a line fills it, and reads once. */
    private void fill() throws IOException {
        if (start > 0) {
            int unconsumed = limit - start;
            System.arraycopy(buffer, start, buffer, 0, unconsumed);
            scanned -= start;
            limit = unconsumed;
            start = 0;
        }
        if (limit == buffer.length) {
            byte[] larger = new byte[buffer.length * 2];
            System.arraycopy(buffer, 0, larger, 0, limit);
            buffer = larger;
            bufferView = ByteBuffer.wrap(larger);
        }
        bufferView.limit(buffer.length).position(limit);
        int read = channel.read(bufferView);
        if (read < 0) {
            endOfFile = true;
        } else {
            limit += read;
        }
    }

    private void open() throws IOException {
        Path path = Path.of(files[fileIndex]);
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            long size = channel.size();
            if (lineOffset > size) {
                throw new IllegalStateException("TextLineSource cannot resume " + path + " at byte " + lineOffset
                        + ": the file has only " + size + " bytes, so it changed since the checkpoint; restore from a "
                        + "checkpoint taken on the current files, or start without one");
            }
            channel.position(lineOffset);
        } catch (IOException e) {
            closeChannel();
            throw new IOException("TextLineSource (subtask " + subtask + ") cannot read file " + path + ": " + e, e);
        } catch (RuntimeException e) {
            closeChannel();
            throw e;
        }
        start = 0;
        scanned = 0;
        limit = 0;
        endOfFile = false;
    }

    private void nextFile() throws IOException {
        closeChannel();
        fileIndex += parallelism;
        lineOffset = 0;
    }

    private void closeChannel() throws IOException {
        FileChannel open = channel;
        channel = null;
        if (open != null) {
            open.close();
        }
    }

    /** The line being emitted: it starts at {@code lineOffset} of the current file; its number is counted on demand. */
    private final class CurrentLine extends LineOrigin {
        @Override
        protected String describe() {
            if (fileIndex >= files.length) {
                return null;
            }
            return "file " + files[fileIndex] + ", line " + LineNumbers.lineAt(Path.of(files[fileIndex]), lineOffset);
        }
    }

    @Override
    public Object snapshotState(long checkpointId) {
        return new TextLineSource.Position(fileIndex, lineOffset);
    }

    @Override
    public void restoreState(Object state) throws IOException {
        if (!(state instanceof TextLineSource.Position position) || position.byteOffset() < 0 || position.fileIndex() < 0
                || (position.fileIndex() < files.length && position.fileIndex() % parallelism != subtask)) {
            throw new IllegalArgumentException("TextLineSource subtask " + subtask + " of " + parallelism + " cannot resume from "
                    + state + ": expected a TextLineSource.Position of one of its own files (index % " + parallelism
                    + " == " + subtask + "); was the checkpoint taken with a different parallelism or set of files?");
        }
        closeChannel();
        fileIndex = position.fileIndex();
        lineOffset = position.byteOffset();
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }
}
