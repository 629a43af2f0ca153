package dev.weir.connector.file.sink;

import dev.weir.api.common.operators.ProcessingTimeService;
import dev.weir.api.common.serialization.Encoder;
import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.api.connector.sink2.StatefulSinkWriter;
import dev.weir.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.weir.streaming.api.functions.sink.filesystem.RollingPolicy;
import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes one subtask's rows into one part file in progress per bucket, as Flink's {@code FileWriter}: the bucket
 * assigner picks the directory, the rolling policy decides when a part is closed. A closed part is a
 * {@link FileSinkCommittable}, handed to the committer on the next checkpoint (or at the end of input). A part still
 * open at a checkpoint is recorded with its length in the writer state, so that a restore truncates it to that length
 * and keeps writing it.
 *
 * <p>Part names are {@code <prefix>-<uuid>-<counter><suffix>}, in progress {@code .<name>.inprogress.<uuid>}. Unlike
 * Flink, where every bucket draws a new uuid and counts from 0, a Weir writer has one uuid and one counter for all its
 * buckets, both kept in the writer state: a restored writer goes on with them, and so knows which in-progress files
 * of its uuid were opened after the checkpoint (counter at or past the recorded one) and deletes them, where Flink
 * leaves them behind.
 */
final class FileSinkWriter<IN> implements CommittingSinkWriter<IN, FileSinkCommittable>,
        StatefulSinkWriter<IN, FileSinkWriter.State>, ProcessingTimeService.ProcessingTimeCallback, BucketAssigner.Context {

    /** A writer's checkpointed state: its uuid, its next part counter, and its parts in progress. */
    record State(String uuid, long nextPartCounter, List<OpenPart> openParts) implements Serializable {
    }

    /**
     * A part in progress at a checkpoint: its files relative to the base path (so a savepoint restores into a copy of
     * the output directory), the bytes it held then, and when it was opened.
     */
    record OpenPart(String bucketId, String inProgressPath, String finalPath, long length, long creationTime) implements Serializable {
    }

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, String> bucketAssigner;
    private final RollingPolicy<IN, String> rollingPolicy;
    private final OutputFileConfig outputFileConfig;
    private final ProcessingTimeService timeService;
    private final long bucketCheckInterval;
    private final String uuid;
    private long nextPartCounter;

    private final Map<String, InProgressPart> parts = new HashMap<>();
    private final List<FileSinkCommittable> pending = new ArrayList<>();
    private boolean endOfInput;

    // The element being assigned to a bucket: what BucketAssigner.Context reports.
    private dev.weir.api.connector.sink2.SinkWriter.Context elementContext;
    private long elementProcessingTime;

    private FileSinkWriter(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, String> bucketAssigner, RollingPolicy<IN, String> rollingPolicy,
                           OutputFileConfig outputFileConfig, ProcessingTimeService timeService, long bucketCheckInterval, String uuid,
                           long nextPartCounter) {
        this.basePath = basePath;
        this.encoder = encoder;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.outputFileConfig = outputFileConfig;
        this.timeService = timeService;
        this.bucketCheckInterval = bucketCheckInterval;
        this.uuid = uuid;
        this.nextPartCounter = nextPartCounter;
    }

    /** A writer that starts without parts; registers its first bucket inspection. */
    static <IN> FileSinkWriter<IN> create(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, String> bucketAssigner,
                                          RollingPolicy<IN, String> rollingPolicy, OutputFileConfig outputFileConfig,
                                          ProcessingTimeService timeService, long bucketCheckInterval) {
        FileSinkWriter<IN> writer = new FileSinkWriter<>(basePath, encoder, bucketAssigner, rollingPolicy, outputFileConfig, timeService,
                bucketCheckInterval, UUID.randomUUID().toString(), 0);
        writer.registerNextBucketInspection();
        return writer;
    }

    /**
     * A writer that goes on from restored states: it adopts the first state's uuid and counter, deletes the in-progress
     * files each restored uuid opened after the checkpoint, truncates the recorded parts to their recorded lengths and
     * resumes them (a second part of the same bucket, after a rescale, is closed for the next commit instead).
     */
    static <IN> FileSinkWriter<IN> restore(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, String> bucketAssigner,
                                           RollingPolicy<IN, String> rollingPolicy, OutputFileConfig outputFileConfig,
                                           ProcessingTimeService timeService, long bucketCheckInterval,
                                           Collection<State> states) throws IOException {
        if (states.isEmpty()) {
            return create(basePath, encoder, bucketAssigner, rollingPolicy, outputFileConfig, timeService, bucketCheckInterval);
        }
        State first = states.iterator().next();
        FileSinkWriter<IN> writer = new FileSinkWriter<>(basePath, encoder, bucketAssigner, rollingPolicy, outputFileConfig, timeService,
                bucketCheckInterval, first.uuid(), first.nextPartCounter());
        Set<String> recorded = new HashSet<>();
        for (State state : states) {
            for (OpenPart part : state.openParts()) {
                recorded.add(basePath.resolve(part.inProgressPath()).toString());
            }
        }
        for (State state : states) {
            writer.deleteUncheckpointedParts(state, recorded);
        }
        for (State state : states) {
            for (OpenPart part : state.openParts()) {
                writer.resume(part);
            }
        }
        writer.registerNextBucketInspection();
        return writer;
    }

    @Override
    public void write(IN element, dev.weir.api.connector.sink2.SinkWriter.Context context) throws IOException {
        long now = timeService.getCurrentProcessingTime();
        elementContext = context;
        elementProcessingTime = now;
        String bucketId = bucketAssigner.getBucketId(element, this);
        if (bucketId == null) {
            throw new IllegalStateException("FileSink: the bucket assigner " + bucketAssigner + " returned a null bucket id for " + element
                    + "; return \"\" to write into the base path");
        }
        InProgressPart part = parts.get(bucketId);
        if (part == null || rollingPolicy.shouldRollOnEvent(part, element)) {
            if (part != null) {
                roll(part);
            }
            part = open(bucketId, now);
        }
        encoder.encode(element, part.stream);
        part.lastUpdateTime = now;
    }

    @Override
    public long currentProcessingTime() {
        return elementProcessingTime;
    }

    @Override
    public long currentWatermark() {
        return elementContext.currentWatermark();
    }

    @Override
    public Long timestamp() {
        return elementContext.timestamp();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        if (endOfInput) {
            this.endOfInput = true;
        }
        for (InProgressPart part : parts.values()) {
            part.stream.flush();
        }
    }

    /** Closes the parts the policy rolls on checkpoints (all of them at the end of input) and hands over what closed. */
    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        for (InProgressPart part : new ArrayList<>(parts.values())) {
            if (endOfInput || rollingPolicy.shouldRollOnCheckpoint(part)) {
                roll(part);
            }
        }
        List<FileSinkCommittable> ready = List.copyOf(pending);
        pending.clear();
        return ready;
    }

    @Override
    public List<State> snapshotState(long checkpointId) throws IOException {
        List<OpenPart> open = new ArrayList<>(parts.size());
        for (InProgressPart part : parts.values()) {
            part.stream.flush();
            open.add(new OpenPart(part.bucketId, relative(part.inProgressFile), relative(part.finalFile), part.getSize(), part.getCreationTime()));
        }
        return List.of(new State(uuid, nextPartCounter, open));
    }

    /** The bucket inspection: closes the parts the policy rolls at this processing time, then schedules the next one. */
    @Override
    public void onProcessingTime(long time) throws IOException {
        for (InProgressPart part : new ArrayList<>(parts.values())) {
            if (rollingPolicy.shouldRollOnProcessingTime(part, time)) {
                roll(part);
            }
        }
        registerNextBucketInspection();
    }

    private void registerNextBucketInspection() {
        timeService.registerTimer(timeService.getCurrentProcessingTime() + bucketCheckInterval, this);
    }

    /** Leaves the parts in progress: a restore truncates and resumes or deletes them. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (InProgressPart part : parts.values()) {
            try {
                part.stream.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        parts.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void roll(InProgressPart part) throws IOException {
        parts.remove(part.bucketId);
        part.stream.close();
        pending.add(committable(part));
    }

    private FileSinkCommittable committable(InProgressPart part) {
        return new FileSinkCommittable(part.bucketId, relative(part.inProgressFile), relative(part.finalFile));
    }

    private String relative(Path file) {
        return basePath.relativize(file).toString();
    }

    private Path bucketDirectory(String bucketId) throws IOException {
        Path directory = bucketId.isEmpty() ? basePath : basePath.resolve(bucketId);
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("FileSink: the directory " + directory + " of bucket '" + bucketId + "' exists as a file; "
                    + "give a base path whose buckets can be directories", e);
        }
        return directory;
    }

    /** Opens the next part of a bucket, skipping counters whose final name is taken (an earlier run's output). */
    private InProgressPart open(String bucketId, long now) throws IOException {
        Path directory = bucketDirectory(bucketId);
        while (true) {
            String name = outputFileConfig.getPartPrefix() + '-' + uuid + '-' + nextPartCounter++ + outputFileConfig.getPartSuffix();
            Path finalFile = directory.resolve(name);
            if (Files.exists(finalFile)) {
                continue;
            }
            Path inProgressFile = directory.resolve('.' + name + ".inprogress." + UUID.randomUUID());
            FileChannel channel = FileChannel.open(inProgressFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            InProgressPart part = new InProgressPart(bucketId, inProgressFile, finalFile, new PartFileStream(channel, 0), now, now);
            parts.put(bucketId, part);
            return part;
        }
    }

    private void resume(OpenPart recorded) throws IOException {
        Path inProgressFile = basePath.resolve(recorded.inProgressPath());
        if (!Files.exists(inProgressFile)) {
            throw new IOException("FileSink cannot resume the part in progress " + inProgressFile + " at byte " + recorded.length()
                    + ": the file is gone. Were files deleted from the output directory while the job was down? Restore from a "
                    + "checkpoint whose files are intact, or start without one");
        }
        FileChannel channel = FileChannel.open(inProgressFile, StandardOpenOption.WRITE);
        long size = channel.size();
        if (size < recorded.length()) {
            channel.close();
            throw new IOException("FileSink cannot resume the part in progress " + inProgressFile + " at byte " + recorded.length()
                    + ": the file has only " + size + " bytes, so it changed since the checkpoint; restore from a checkpoint "
                    + "whose files are intact, or start without one");
        }
        // Bytes past the recorded length were written after the checkpoint: the restored job writes those rows again.
        channel.truncate(recorded.length());
        channel.position(recorded.length());
        long now = timeService.getCurrentProcessingTime();
        InProgressPart part = new InProgressPart(recorded.bucketId(), inProgressFile, basePath.resolve(recorded.finalPath()),
                new PartFileStream(channel, recorded.length()), recorded.creationTime(), now);
        if (parts.containsKey(recorded.bucketId())) {
            pending.add(committable(part));
            part.stream.close();
        } else {
            parts.put(recorded.bucketId(), part);
        }
    }

    /**
     * Deletes the in-progress files of {@code state}'s uuid opened after its checkpoint: those with a counter at or
     * past the recorded next counter, other than the recorded parts. Pending parts of the checkpoint have lower
     * counters and are left for the committer, whichever subtask restores them.
     */
    private void deleteUncheckpointedParts(State state, Set<String> recorded) throws IOException {
        if (!Files.isDirectory(basePath)) {
            return;
        }
        String marker = '-' + state.uuid() + '-';
        List<Path> doomed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(basePath)) {
            files.forEach(file -> {
                String name = file.getFileName().toString();
                int at = name.indexOf(marker);
                if (name.startsWith(".") && name.contains(".inprogress.") && at > 0 && !recorded.contains(file.toString())
                        && counterAt(name, at + marker.length()) >= state.nextPartCounter()) {
                    doomed.add(file);
                }
            });
        }
        for (Path file : doomed) {
            Files.deleteIfExists(file);
        }
    }

    private static long counterAt(String name, int start) {
        int end = start;
        while (end < name.length() && Character.isDigit(name.charAt(end))) {
            end++;
        }
        return end == start || end - start > 18 ? -1 : Long.parseLong(name.substring(start, end));
    }
}
