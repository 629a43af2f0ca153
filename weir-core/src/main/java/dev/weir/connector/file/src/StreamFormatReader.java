package dev.weir.connector.file.src;

import dev.weir.builtin.ReaderYield;

import dev.weir.api.connector.source.ReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.configuration.Configuration;
import dev.weir.connector.file.src.reader.StreamFormat;
import dev.weir.connector.file.src.util.CheckpointedPosition;
import dev.weir.core.io.InputStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Reads one subtask's files with a {@link StreamFormat}, one file after the other. Of a fixed file set it reads file
 * k for {@code k % parallelism == subtask} and then ends; when monitoring, it lists the paths at start and every
 * discovery interval, takes the new files whose path hashes to its subtask, and never ends.
 *
 * <p>Its checkpointed position is a {@link Position}: the files it finished, the file it is reading and where in it.
 * A restore skips the finished files and resumes the current one at the position, so each file is read exactly once.
 */
final class StreamFormatReader<T> implements SourceReader<T> {
    static final int MAX_RECORDS_PER_POLL = 1024;

    /** The files a reader finished, the file it reads ({@code null} for none) and the position of its next record. */
    record Position(List<String> finishedFiles, String currentFile, CheckpointedPosition position) implements java.io.Serializable {
    }

    private final StreamFormat<T> format;
    private final String[] roots;
    private final long discoveryIntervalMillis;
    private final LongSupplier clock;
    private final int subtask;
    private final int parallelism;
    private final Configuration config = new Configuration();

    private final Set<String> finished = new HashSet<>();
    private final Set<String> queued = new HashSet<>();
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long nextDiscovery = Long.MIN_VALUE;
    private int recordsPerPoll = MAX_RECORDS_PER_POLL;

    private String currentFile;
    private LocalFileInputStream stream;
    private StreamFormat.Reader<T> reader;
    // The position of the next record: byte offset (NO_OFFSET for the file start) and records after it.
    private long offset = CheckpointedPosition.NO_OFFSET;
    private long recordsAfterOffset;

    /** A reader of a fixed set of files ({@code files}, the whole listing) or, with a positive interval, of monitored roots. */
    StreamFormatReader(StreamFormat<T> format, String[] files, String[] roots, long discoveryIntervalMillis, LongSupplier clock,
                       int subtask, int parallelism) {
        if (parallelism < 1 || subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException("Subtask " + subtask + " of parallelism " + parallelism + " is not a valid subtask");
        }
        this.format = format;
        this.roots = roots;
        this.discoveryIntervalMillis = discoveryIntervalMillis;
        this.clock = clock;
        this.subtask = subtask;
        this.parallelism = parallelism;
        if (!monitoring()) {
            for (int k = subtask; k < files.length; k += parallelism) {
                enqueue(files[k]);
            }
        }
    }

    /** Lets tests take a checkpoint between any two records. */
    StreamFormatReader<T> withRecordsPerPoll(int records) {
        this.recordsPerPoll = records;
        return this;
    }

    private boolean monitoring() {
        return discoveryIntervalMillis > 0;
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws IOException {
        int emitted = 0;
        final ReaderYield yield = ReaderYield.of(output);
        while (emitted < recordsPerPoll) {
            if (emitted > 0 && yield.yieldRequested()) {
                return InputStatus.MORE_AVAILABLE;
            }
            if (reader == null && !openNext()) {
                if (monitoring()) {
                    return emitted == 0 ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
                }
                return emitted == 0 ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            T record = reader.read();
            if (record == null) {
                finishCurrent();
                continue;
            }
            advancePosition();
            output.collect(record);
            emitted++;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private void advancePosition() {
        CheckpointedPosition reported = reader.getCheckpointedPosition();
        if (reported != null) {
            offset = reported.getOffset();
            recordsAfterOffset = reported.getRecordsAfterOffset();
        } else {
            recordsAfterOffset++;
        }
    }

    /** Opens the next file of the queue (discovering new ones when due); false when there is none. */
    private boolean openNext() throws IOException {
        if (currentFile != null) {
            open(currentFile);
            return true;
        }
        if (queue.isEmpty() && monitoring()) {
            long now = clock.getAsLong();
            if (now >= nextDiscovery) {
                discover();
                nextDiscovery = now + discoveryIntervalMillis;
            }
        }
        String next = queue.poll();
        if (next == null) {
            return false;
        }
        queued.remove(next);
        currentFile = next;
        offset = CheckpointedPosition.NO_OFFSET;
        recordsAfterOffset = 0;
        open(next);
        return true;
    }

    private void discover() {
        List<String> listed;
        try {
            listed = FileLister.list("FileSource", paths(roots));
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                // A file or directory vanished while being listed: the next discovery sees the directory as it is then.
                return;
            }
            throw e;
        }
        for (String file : listed) {
            if (Math.floorMod(file.hashCode(), parallelism) == subtask && !file.equals(currentFile)) {
                enqueue(file);
            }
        }
    }

    private void enqueue(String file) {
        if (!finished.contains(file) && queued.add(file)) {
            queue.add(file);
        }
    }

    private static Path[] paths(String[] names) {
        Path[] paths = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            paths[i] = Path.of(names[i]);
        }
        return paths;
    }

    /** Opens {@code file} at the current position: the start, or a restored offset and records to skip. */
    private void open(String file) throws IOException {
        Path path = Path.of(file);
        try {
            stream = new LocalFileInputStream(path);
            long length = stream.size();
            if (offset == CheckpointedPosition.NO_OFFSET) {
                reader = format.createReader(config, stream, length, length);
            } else {
                if (offset > length) {
                    throw new IllegalStateException(resumeFailure(file, "the file has only " + length + " bytes"));
                }
                reader = format.restoreReader(config, stream, offset, length, length);
            }
            for (long skipped = 0; skipped < recordsAfterOffset; skipped++) {
                if (reader.read() == null) {
                    throw new IllegalStateException(resumeFailure(file, "the file ends after " + skipped + " of them"));
                }
            }
        } catch (IOException e) {
            closeCurrent();
            throw new IOException("FileSource (subtask " + subtask + ") cannot read file " + path + ": " + e, e);
        } catch (RuntimeException e) {
            closeCurrent();
            throw e;
        }
    }

    private String resumeFailure(String file, String reason) {
        return "FileSource cannot resume " + file + " at " + new CheckpointedPosition(offset, recordsAfterOffset) + ": " + reason
                + ", so it changed since the checkpoint; restore from a checkpoint taken on the current files, or start without one";
    }

    private void finishCurrent() throws IOException {
        closeCurrent();
        finished.add(currentFile);
        currentFile = null;
    }

    private void closeCurrent() throws IOException {
        StreamFormat.Reader<T> open = reader;
        LocalFileInputStream openStream = stream;
        reader = null;
        stream = null;
        try {
            if (open != null) {
                open.close();
            }
        } finally {
            if (openStream != null) {
                openStream.close();
            }
        }
    }

    @Override
    public Object snapshotState(long checkpointId) {
        return new Position(new ArrayList<>(finished), currentFile,
                currentFile == null ? null : new CheckpointedPosition(offset, recordsAfterOffset));
    }

    @Override
    public void restoreState(Object state) throws IOException {
        if (!(state instanceof Position position)) {
            throw new IllegalArgumentException("FileSource subtask " + subtask + " of " + parallelism + " cannot resume from "
                    + state + ": expected the position of a FileSource reading a StreamFormat; was the checkpoint taken by "
                    + "another kind of source?");
        }
        closeCurrent();
        finished.clear();
        finished.addAll(position.finishedFiles());
        queue.removeIf(finished::contains);
        queued.removeAll(finished);
        currentFile = position.currentFile();
        if (currentFile != null) {
            queue.remove(currentFile);
            queued.remove(currentFile);
            offset = position.position().getOffset();
            recordsAfterOffset = position.position().getRecordsAfterOffset();
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }
}
