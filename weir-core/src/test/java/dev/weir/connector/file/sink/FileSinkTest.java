package dev.weir.connector.file.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.serialization.Encoder;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.connector.sink2.CommittingSinkWriter;
import dev.weir.api.connector.sink2.ManualProcessingTime;
import dev.weir.api.connector.sink2.NoTimestampContext;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.StatefulSinkWriter;
import dev.weir.api.connector.sink2.TestWriterInitContext;
import dev.weir.configuration.MemorySize;
import dev.weir.core.io.SimpleVersionedSerializer;
import dev.weir.streaming.api.functions.sink.filesystem.BucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.OutputFileConfig;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import dev.weir.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import dev.weir.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The FileSink's file trees, names, rolling and restore, writer by writer with a manual clock. */
class FileSinkTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** 2024-05-17T09:30:00Z. */
    private static final long NINE_THIRTY = Instant.parse("2024-05-17T09:30:00Z").toEpochMilli();

    @TempDir
    Path dir;

    /** Every file under {@code directory}, relative, sorted, with uuids written as {@code <uuid>}. */
    private static List<String> tree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).map(p -> UUID.matcher(directory.relativize(p).toString()).replaceAll("<uuid>"))
                    .sorted().toList();
        }
    }

    /** The contents of the single file under {@code directory} whose relative name, uuids masked, is {@code masked}. */
    private static String read(Path directory, String masked) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> matches = files.filter(Files::isRegularFile)
                    .filter(p -> UUID.matcher(directory.relativize(p).toString()).replaceAll("<uuid>").equals(masked)).toList();
            assertThat(matches).as("files named " + masked).hasSize(1);
            return Files.readString(matches.get(0));
        }
    }

    private static <T> SinkWriter<T> writer(FileSink<T> sink, ManualProcessingTime time) throws Exception {
        return sink.createWriter(new TestWriterInitContext(0, 1, time));
    }

    @SuppressWarnings("unchecked")
    private static <T> Collection<FileSinkCommittable> checkpoint(SinkWriter<T> writer) throws Exception {
        writer.flush(false);
        return ((CommittingSinkWriter<T, FileSinkCommittable>) writer).prepareCommit();
    }

    /** What the runtime does at the end of input: flush, prepare, commit. */
    @SuppressWarnings("unchecked")
    private static <T> void endAndCommit(FileSink<T> sink, SinkWriter<T> writer) throws Exception {
        writer.flush(true);
        sink.createCommitter().commit(((CommittingSinkWriter<T, FileSinkCommittable>) writer).prepareCommit());
    }

    private static void write(SinkWriter<String> writer, String... rows) throws Exception {
        for (String row : rows) {
            writer.write(row, NoTimestampContext.INSTANCE);
        }
    }

    @Test
    void byDefaultRowsGoToAnHourlyBucketOfTheSystemZoneAsAHiddenInProgressFileRenamedOnCommit() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(new dev.weir.core.fs.Path(dir.toString()), new SimpleStringEncoder<String>()).build();
        String hour = DateTimeFormatter.ofPattern("yyyy-MM-dd--HH").withZone(ZoneId.systemDefault()).format(Instant.ofEpochMilli(NINE_THIRTY));
        SinkWriter<String> writer = writer(sink, new ManualProcessingTime(NINE_THIRTY));
        write(writer, "a", "b");
        writer.flush(false);

        assertThat(tree(dir)).containsExactly(hour + "/.part-<uuid>-0.inprogress.<uuid>");
        assertThat(read(dir, hour + "/.part-<uuid>-0.inprogress.<uuid>")).isEqualTo("a\nb\n");

        endAndCommit(sink, writer);
        assertThat(tree(dir)).containsExactly(hour + "/part-<uuid>-0");
        assertThat(read(dir, hour + "/part-<uuid>-0")).isEqualTo("a\nb\n");
    }

    @Test
    void theDateTimeAssignerTakesAPatternAndAZoneAndFollowsTheClock() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new DateTimeBucketAssigner<>("yyyy/MM/dd--HH", ZoneId.of("Asia/Tokyo"))).build();
        ManualProcessingTime time = new ManualProcessingTime(Instant.parse("2024-05-17T14:59:59Z").toEpochMilli());
        SinkWriter<String> writer = writer(sink, time);
        write(writer, "before");
        time.advanceTo(Instant.parse("2024-05-17T15:00:00Z").toEpochMilli());
        write(writer, "after");
        endAndCommit(sink, writer);

        assertThat(tree(dir)).containsExactly("2024/05/17--23/part-<uuid>-0", "2024/05/18--00/part-<uuid>-1");
        assertThat(read(dir, "2024/05/18--00/part-<uuid>-1")).isEqualTo("after\n");
        assertThat(new DateTimeBucketAssigner<>(ZoneId.of("UTC")))
                .hasToString("DateTimeBucketAssigner{formatString='yyyy-MM-dd--HH', zoneId=UTC}");
    }

    @Test
    void theBasePathAssignerAndACustomAssignerChooseTheDirectories() throws Exception {
        FileSink<String> flat = FileSink.forRowFormat(dir.resolve("flat"), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
        SinkWriter<String> flatWriter = writer(flat, new ManualProcessingTime(0));
        write(flatWriter, "x");
        endAndCommit(flat, flatWriter);

        BucketAssigner<String, String> byFirstLetter = new ByFirstLetter();
        FileSink<String> custom = FileSink.forRowFormat(dir.resolve("custom"), new SimpleStringEncoder<String>())
                .withBucketAssigner(byFirstLetter).build();
        SinkWriter<String> customWriter = writer(custom, new ManualProcessingTime(0));
        write(customWriter, "apple", "banana", "avocado");
        endAndCommit(custom, customWriter);

        assertThat(tree(dir)).containsExactly("custom/letter=a/part-<uuid>-0", "custom/letter=b/part-<uuid>-1", "flat/part-<uuid>-0");
        assertThat(read(dir, "custom/letter=a/part-<uuid>-0")).isEqualTo("apple\navocado\n");
    }

    @Test
    void theOutputFileConfigSetsThePrefixAndSuffixOfFinishedAndInProgressNames() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("data").withPartSuffix(".csv").build()).build();
        SinkWriter<String> writer = writer(sink, new ManualProcessingTime(0));
        write(writer, "1,2");
        writer.flush(false);
        assertThat(tree(dir)).containsExactly(".data-<uuid>-0.csv.inprogress.<uuid>");

        endAndCommit(sink, writer);
        assertThat(tree(dir)).containsExactly("data-<uuid>-0.csv");
    }

    @Test
    void aPartRollsBeforeTheFirstRowThatFindsItLargerThanTheMaximumSize() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.parse("10 bytes")).build()).build();
        SinkWriter<String> writer = writer(sink, new ManualProcessingTime(0));
        write(writer, "aaaa", "bbbb", "cccc", "dddd", "eeee");
        endAndCommit(sink, writer);

        assertThat(tree(dir)).containsExactly("part-<uuid>-0", "part-<uuid>-1");
        assertThat(read(dir, "part-<uuid>-0")).as("10 bytes is not more than 10").isEqualTo("aaaa\nbbbb\ncccc\n");
        assertThat(read(dir, "part-<uuid>-1")).isEqualTo("dddd\neeee\n");
    }

    @Test
    void inactivityAndRolloverIntervalsRollAtTheBucketCheckAfterTheyPassed() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withBucketCheckInterval(100)
                .withRollingPolicy(DefaultRollingPolicy.builder().withInactivityInterval(Duration.ofMillis(300))
                        .withRolloverInterval(Duration.ofMillis(1000)).build()).build();
        ManualProcessingTime time = new ManualProcessingTime(0);
        SinkWriter<String> writer = writer(sink, time);
        write(writer, "a");
        // The clock moves in 50 ms steps; each bucket check schedules the next one 100 ms after it ran, so the checks
        // run at 150, 300, 450, 600, 750, 900, ... (a timer fires once the clock has passed its time).
        for (long t = 50; t <= 500; t += 50) {
            time.advanceTo(t);
            if (t == 250) {
                write(writer, "b");
            }
        }
        assertThat(checkpoint(writer)).as("the checks up to 450 find at most 200 ms without writes").isEmpty();
        time.advanceTo(550);
        time.advanceTo(600);
        Collection<FileSinkCommittable> inactive = checkpoint(writer);
        assertThat(inactive).as("the check at 600 finds 350 ms without writes").hasSize(1);
        assertThat(Files.readString(dir.resolve(inactive.iterator().next().getInProgressPath()))).isEqualTo("a\nb\n");

        for (long t = 650; t <= 1700; t += 50) {
            time.advanceTo(t);
            if (t % 200 == 100) {
                write(writer, Long.toString(t));
            }
        }
        assertThat(checkpoint(writer)).as("opened at 700, never 300 ms idle, not yet 1000 ms old").isEmpty();
        time.advanceTo(1750);
        time.advanceTo(1800);
        Collection<FileSinkCommittable> rolledOver = checkpoint(writer);
        assertThat(rolledOver).as("the check at 1750 finds it 1050 ms old").hasSize(1);
        assertThat(Files.readString(dir.resolve(rolledOver.iterator().next().getInProgressPath())))
                .isEqualTo("700\n900\n1100\n1300\n1500\n1700\n");
    }

    @Test
    void onCheckpointRollingClosesEveryPartOnACheckpointAndTheDefaultPolicyKeepsItOpen() throws Exception {
        FileSink<String> onCheckpoint = FileSink.forRowFormat(dir.resolve("each"), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).withRollingPolicy(OnCheckpointRollingPolicy.build()).build();
        SinkWriter<String> each = writer(onCheckpoint, new ManualProcessingTime(0));
        write(each, "a");
        assertThat(checkpoint(each)).hasSize(1);
        write(each, "b");
        assertThat(checkpoint(each)).hasSize(1);

        FileSink<String> byDefault = FileSink.forRowFormat(dir.resolve("default"), new SimpleStringEncoder<String>())
                .withBucketAssigner(new BasePathBucketAssigner<>()).build();
        SinkWriter<String> kept = writer(byDefault, new ManualProcessingTime(0));
        write(kept, "a");
        assertThat(checkpoint(kept)).isEmpty();
        assertThat(tree(dir.resolve("default"))).containsExactly(".part-<uuid>-0.inprogress.<uuid>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestoreTruncatesTheOpenPartToItsCheckpointedLengthWritesOnAndDeletesPartsOpenedAfterTheCheckpoint() throws Exception {
        BucketAssigner<String, String> byFirstLetter = (element, context) -> element.substring(0, 1);
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).withBucketAssigner(byFirstLetter).build();
        SinkWriter<String> first = writer(sink, new ManualProcessingTime(0));
        write(first, "a1", "a2");
        assertThat(checkpoint(first)).isEmpty();
        List<FileSinkWriter.State> state = ((StatefulSinkWriter<String, FileSinkWriter.State>) first).snapshotState(1);
        write(first, "a3", "b1");
        first.flush(false);
        first.close();
        assertThat(tree(dir)).containsExactly("a/.part-<uuid>-0.inprogress.<uuid>", "b/.part-<uuid>-1.inprogress.<uuid>");

        SinkWriter<String> restored = sink.restoreWriter(new TestWriterInitContext(0, 1), new ArrayList<>(state));
        assertThat(tree(dir)).as("b's part was opened after the checkpoint").containsExactly("a/.part-<uuid>-0.inprogress.<uuid>");
        assertThat(read(dir, "a/.part-<uuid>-0.inprogress.<uuid>")).isEqualTo("a1\na2\n");
        write(restored, "a3", "b1");
        endAndCommit(sink, restored);

        assertThat(tree(dir)).containsExactly("a/part-<uuid>-0", "b/part-<uuid>-1");
        assertThat(read(dir, "a/part-<uuid>-0")).isEqualTo("a1\na2\na3\n");
        assertThat(read(dir, "b/part-<uuid>-1")).isEqualTo("b1\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aWriterRestoredFromTwoSubtasksStatesResumesOnePartPerBucketAndClosesTheOtherForTheNextCommit() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).withBucketAssigner(new BasePathBucketAssigner<>()).build();
        List<FileSinkWriter.State> states = new ArrayList<>();
        for (String row : List.of("from-0", "from-1")) {
            SinkWriter<String> writer = writer(sink, new ManualProcessingTime(0));
            write(writer, row);
            checkpoint(writer);
            states.addAll(((StatefulSinkWriter<String, FileSinkWriter.State>) writer).snapshotState(1));
            writer.close();
        }

        SinkWriter<String> merged = sink.restoreWriter(new TestWriterInitContext(0, 1), states);
        Collection<FileSinkCommittable> closed = checkpoint(merged);
        assertThat(closed).as("the second state's part, closed on restore").hasSize(1);
        sink.createCommitter().commit(closed);
        write(merged, "after");
        endAndCommit(sink, merged);

        List<String> contents = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                contents.add(Files.readString(p));
            }
        }
        contents.sort(null);
        assertThat(tree(dir)).containsExactly("part-<uuid>-0", "part-<uuid>-0");
        assertThat(contents).containsExactly("from-0\nafter\n", "from-1\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestoreWhoseOpenPartIsGoneFailsNamingTheFile() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).withBucketAssigner(new BasePathBucketAssigner<>()).build();
        SinkWriter<String> first = writer(sink, new ManualProcessingTime(0));
        write(first, "a");
        checkpoint(first);
        List<FileSinkWriter.State> state = ((StatefulSinkWriter<String, FileSinkWriter.State>) first).snapshotState(1);
        first.close();
        Path lost = dir.resolve(state.get(0).openParts().get(0).inProgressPath());
        Files.delete(lost);

        assertThatThrownBy(() -> sink.restoreWriter(new TestWriterInitContext(0, 1), state))
                .isInstanceOf(IOException.class)
                .hasMessage("FileSink cannot resume the part in progress " + lost + " at byte 2: the file is gone. Were files "
                        + "deleted from the output directory while the job was down? Restore from a checkpoint whose files are "
                        + "intact, or start without one");
    }

    @Test
    void aBasePathThatIsAFileFailsNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "");
        FileSink<String> sink = FileSink.forRowFormat(file, new SimpleStringEncoder<String>()).build();

        assertThatThrownBy(() -> writer(sink, new ManualProcessingTime(0)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a directory");
    }

    @Test
    void badSettingsFailWhenTheSinkIsBuilt() {
        assertThatThrownBy(() -> FileSink.forRowFormat(new dev.weir.core.fs.Path("s3://bucket/out"), new SimpleStringEncoder<String>()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FileSink: the base path s3://bucket/out is on the 's3' file system; Weir's FileSink writes to the local "
                        + "file system only: give a local path such as /data/out or file:///data/out");
        assertThatThrownBy(() -> FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).withBucketCheckInterval(0))
                .hasMessage("FileSink: the bucket check interval must be a positive number of milliseconds, was 0");
        Object unserializable = new Object();
        BucketAssigner<String, String> capturing = new BucketAssigner<>() {
            private final Object held = unserializable;

            @Override
            public String getBucketId(String element, Context context) {
                return held.toString();
            }
        };
        assertThatThrownBy(() -> FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).withBucketAssigner(capturing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FileSink: the bucket assigner")
                .hasMessageContaining("make it and its fields Serializable");
    }

    @Test
    void aFileUriBasePathIsTheLocalDirectory() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(new dev.weir.core.fs.Path(dir.toUri()), new SimpleStringEncoder<String>()).build();
        assertThat(sink.getBasePath()).isEqualTo(dir.toAbsolutePath());
    }

    @Test
    void theStringEncoderWritesUtf8LinesAndAnotherCharsetWhenAsked() throws Exception {
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();
        new SimpleStringEncoder<String>().encode("é€😀", utf8);
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        new SimpleStringEncoder<String>("ISO-8859-1").encode("é", latin1);

        assertThat(utf8.toByteArray()).isEqualTo("é€😀\n".getBytes(StandardCharsets.UTF_8));
        assertThat(latin1.toByteArray()).containsExactly(0xE9, '\n');
        assertThatThrownBy(() -> new SimpleStringEncoder<String>("no-such-charset")).hasMessageContaining("no-such-charset");
    }

    @Test
    void aCustomEncoderControlsTheBytes() throws Exception {
        Encoder<int[]> csv = (row, stream) -> stream.write((row[0] + "," + row[1] + "\n").getBytes(StandardCharsets.US_ASCII));
        FileSink<int[]> sink = FileSink.forRowFormat(dir, csv).withBucketAssigner(new BasePathBucketAssigner<>()).build();
        try (SinkWriter<int[]> writer = sink.createWriter(new TestWriterInitContext(0, 1))) {
            writer.write(new int[] {1, 2}, NoTimestampContext.INSTANCE);
            endAndCommit(sink, writer);
        }

        assertThat(read(dir, "part-<uuid>-0")).isEqualTo("1,2\n");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).withBucketAssigner(new BasePathBucketAssigner<>()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sink);
        }
        @SuppressWarnings("unchecked")
        FileSink<String> copy = (FileSink<String>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        try (SinkWriter<String> writer = writer(copy, new ManualProcessingTime(0))) {
            writer.write("é", NoTimestampContext.INSTANCE);
            endAndCommit(copy, writer);
        }

        assertThat(copy.getBasePath()).isEqualTo(dir.toAbsolutePath());
        assertThat(read(dir, "part-<uuid>-0")).isEqualTo("é\n");
    }

    @Test
    void theDefaultRollingPolicyHasFlinksDefaultsAndRefusesNonPositiveSettings() {
        DefaultRollingPolicy<String, String> policy = DefaultRollingPolicy.builder().build();
        assertThat(policy.getMaxPartSize()).isEqualTo(128L << 20);
        assertThat(policy.getRolloverInterval()).isEqualTo(60_000);
        assertThat(policy.getInactivityInterval()).isEqualTo(60_000);
        assertThatThrownBy(() -> DefaultRollingPolicy.builder().withRolloverInterval(Duration.ZERO))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DefaultRollingPolicy: the rollover interval must be positive, was 0 ms");
        assertThatThrownBy(() -> DefaultRollingPolicy.builder().withMaxPartSize(MemorySize.ZERO))
                .hasMessage("DefaultRollingPolicy: the maximum part size must be positive, was 0 bytes");
    }

    /** A custom assigner written as in Flink, with its serializer. */
    private static final class ByFirstLetter implements BucketAssigner<String, String> {
        @Override
        public String getBucketId(String element, Context context) {
            return "letter=" + element.charAt(0);
        }

        @Override
        public SimpleVersionedSerializer<String> getSerializer() {
            return SimpleVersionedStringSerializer.INSTANCE;
        }
    }
}
