package dev.weir.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.api.connector.source.Boundedness;
import dev.weir.api.connector.source.CollectingReaderOutput;
import dev.weir.api.connector.source.JavaSerialization;
import dev.weir.configuration.Configuration;
import dev.weir.connector.file.src.reader.SimpleStreamFormat;
import dev.weir.connector.file.src.reader.StreamFormat;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import dev.weir.connector.file.src.util.CheckpointedPosition;
import dev.weir.core.fs.FSDataInputStream;
import dev.weir.core.io.InputStatus;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FileSource with Flink's formats and builder: custom stream formats, charsets, continuous monitoring and restore. */
class FileSourceTest {
    @TempDir
    Path dir;

    /** A format of big-endian ints, 4 bytes each, that reports its byte offset so a restore seeks instead of skipping. */
    static final class IntFormat extends SimpleStreamFormat<Integer> {
        @Override
        public StreamFormat.Reader<Integer> createReader(Configuration config, FSDataInputStream stream) throws IOException {
            DataInputStream in = new DataInputStream(stream);
            long start = stream.getPos();
            return new StreamFormat.Reader<>() {
                long next = start;

                @Override
                public Integer read() throws IOException {
                    try {
                        int value = in.readInt();
                        next += 4;
                        return value;
                    } catch (EOFException end) {
                        return null;
                    }
                }

                @Override
                public CheckpointedPosition getCheckpointedPosition() {
                    return new CheckpointedPosition(next, 0);
                }

                @Override
                public void close() throws IOException {
                    in.close();
                }
            };
        }

        @Override
        public TypeInformation<Integer> getProducedType() {
            return Types.INT;
        }
    }

    private Path ints(String name, int... values) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            bytes.putInt(v);
        }
        return Files.write(dir.resolve(name), bytes.array());
    }

    private Path text(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static <T> StreamFormatReader<T> monitoringReader(StreamFormat<T> format, Path root, AtomicLong clock, int subtask, int parallelism) {
        return new StreamFormatReader<>(format, new String[0], new String[] {root.toAbsolutePath().toString()}, 1000, clock::get,
                subtask, parallelism);
    }

    @Test
    void aCustomStreamFormatReadsEveryFileOfTheStaticSetWithFlinksPathType() throws Exception {
        ints("a", 1, 2, 3);
        ints("b", 4);
        FileSource<Integer> source = FileSource.forRecordStreamFormat(new IntFormat(), new dev.weir.core.fs.Path(dir.toString())).build();

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(source.maxParallelism()).isEqualTo(2);
        assertThat(CollectingReaderOutput.readAll(source, 0, 1)).containsExactly(1, 2, 3, 4);
        assertThat(CollectingReaderOutput.readAll(source, 1, 2)).containsExactly(4);
    }

    @Test
    void aRestoreSeeksToTheOffsetAFormatReportsAndCountsRecordsForAFormatThatReportsNone() throws Exception {
        ints("a", 10, 20, 30, 40);
        FileSource<Integer> source = FileSource.forRecordStreamFormat(new IntFormat(), dir).build();
        StreamFormatReader<Integer> reader = (StreamFormatReader<Integer>) source.createReader(new dev.weir.api.connector.source.TestReaderContext(0, 1));
        CollectingReaderOutput<Integer> out = new CollectingReaderOutput<>();
        StreamFormatReader.Position position = pollRecords(reader, out, 2);
        assertThat(out.records).containsExactly(10, 20);
        assertThat(position.position()).isEqualTo(new CheckpointedPosition(8, 0));
        StreamFormatReader<Integer> restored = (StreamFormatReader<Integer>) source.createReader(new dev.weir.api.connector.source.TestReaderContext(0, 1));
        restored.restoreState(JavaSerialization.roundTrip(position));
        assertThat(new CollectingReaderOutput<Integer>().pollUntilEnd(restored)).containsExactly(30, 40);

        text("latin1.txt", "");
        Files.write(dir.resolve("latin1.txt"), "caf\u00e9\nna\u00efve\nend\n".getBytes(StandardCharsets.ISO_8859_1));
        FileSource<String> lines = FileSource.forRecordStreamFormat(new TextLineInputFormat("ISO-8859-1"), dir.resolve("latin1.txt")).build();
        StreamFormatReader<String> lineReader = (StreamFormatReader<String>) lines.createReader(new dev.weir.api.connector.source.TestReaderContext(0, 1));
        CollectingReaderOutput<String> lineOut = new CollectingReaderOutput<>();
        StreamFormatReader.Position linePosition = pollRecords(lineReader, lineOut, 1);
        assertThat(lineOut.records).containsExactly("caf\u00e9");
        assertThat(linePosition.position()).as("the text reader reports no offset: one record to skip")
                .isEqualTo(new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 1));
        StreamFormatReader<String> restoredLines = (StreamFormatReader<String>) lines.createReader(new dev.weir.api.connector.source.TestReaderContext(0, 1));
        restoredLines.restoreState(linePosition);
        assertThat(new CollectingReaderOutput<String>().pollUntilEnd(restoredLines)).containsExactly("na\u00efve", "end");
    }

    /** Polls one record per call until {@code n} were emitted; returns the position then. */
    private static <T> StreamFormatReader.Position pollRecords(StreamFormatReader<T> reader, CollectingReaderOutput<T> out, int n) throws Exception {
        reader.withRecordsPerPoll(1);
        while (out.records.size() < n) {
            reader.pollNext(out);
        }
        return (StreamFormatReader.Position) reader.snapshotState(1);
    }

    @Test
    void monitoringReadsTheFilesPresentAtStartThenEachNewFileOnceAtTheNextDiscovery() throws Exception {
        text("in/1.txt", "one\n");
        AtomicLong clock = new AtomicLong(0);
        StreamFormatReader<String> reader = monitoringReader(new TextLineInputFormat(), dir.resolve("in"), clock, 0, 1);
        CollectingReaderOutput<String> out = new CollectingReaderOutput<>();

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        text("in/2.txt", "two\n");
        text("in/.3.txt.inprogress", "hidden\n");
        text("in/sub/_tmp", "marker\n");
        clock.set(999);
        assertThat(reader.pollNext(out)).as("not yet discovered: the interval is 1000 ms").isEqualTo(InputStatus.NOTHING_AVAILABLE);
        clock.set(1000);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        clock.set(2000);
        assertThat(reader.pollNext(out)).as("both files were read; nothing new").isEqualTo(InputStatus.NOTHING_AVAILABLE);

        assertThat(out.records).containsExactly("one", "two");
    }

    @Test
    void aRestoredMonitoringReaderReadsNoFileTwiceAndResumesTheCurrentOneAtItsPosition() throws Exception {
        text("in/a.txt", "a1\na2\na3\n");
        text("in/b.txt", "b1\n");
        AtomicLong clock = new AtomicLong(0);
        StreamFormatReader<String> first = monitoringReader(new TextLineInputFormat(), dir.resolve("in"), clock, 0, 1);
        CollectingReaderOutput<String> before = new CollectingReaderOutput<>();
        StreamFormatReader.Position position = pollRecords(first, before, 2);
        first.close();
        assertThat(before.records).containsExactly("a1", "a2");
        assertThat(position.finishedFiles()).isEmpty();
        assertThat(position.currentFile()).isEqualTo(dir.resolve("in/a.txt").toAbsolutePath().toString());

        StreamFormatReader<String> second = monitoringReader(new TextLineInputFormat(), dir.resolve("in"), clock, 0, 1);
        second.restoreState(JavaSerialization.roundTrip(position));
        CollectingReaderOutput<String> after = new CollectingReaderOutput<>();
        while (second.pollNext(after) == InputStatus.MORE_AVAILABLE) {
        }
        assertThat(after.records).containsExactly("a3", "b1");
        StreamFormatReader.Position done = (StreamFormatReader.Position) second.snapshotState(2);
        second.close();

        text("in/c.txt", "c1\n");
        StreamFormatReader<String> third = monitoringReader(new TextLineInputFormat(), dir.resolve("in"), clock, 0, 1);
        third.restoreState(done);
        CollectingReaderOutput<String> last = new CollectingReaderOutput<>();
        while (third.pollNext(last) == InputStatus.MORE_AVAILABLE) {
        }
        assertThat(last.records).as("a and b were finished before the checkpoint").containsExactly("c1");
    }

    @Test
    void monitoringSubtasksShareTheFilesByPathHashEachReadOnce() throws Exception {
        for (int i = 0; i < 12; i++) {
            text("in/f" + i, "line-" + i + "\n");
        }
        AtomicLong clock = new AtomicLong(0);
        List<String> all = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            StreamFormatReader<String> reader = monitoringReader(new TextLineInputFormat(), dir.resolve("in"), clock, subtask, 3);
            CollectingReaderOutput<String> out = new CollectingReaderOutput<>();
            while (reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {
            }
            for (String line : out.records) {
                String file = dir.resolve("in").resolve("f" + line.substring(5)).toAbsolutePath().toString();
                assertThat(Math.floorMod(file.hashCode(), 3)).as(line).isEqualTo(subtask);
            }
            all.addAll(out.records);
        }
        assertThat(all).hasSize(12).doesNotHaveDuplicates();
    }

    @Test
    void theBuilderIsGenericAndMonitoringMakesAnUnboundedSourceOfAnyParallelism() throws Exception {
        text("in/x.txt", "x\n");
        FileSource.FileSourceBuilder<String> builder = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                new dev.weir.core.fs.Path(dir.resolve("in").toUri()));
        FileSource<String> monitoring = builder.monitorContinuously(Duration.ofSeconds(5)).build();
        assertThat(monitoring.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(monitoring.maxParallelism()).isEqualTo(-1);
        assertThat(JavaSerialization.roundTrip(monitoring).getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        FileSource<String> once = builder.processStaticFileSet().build();
        assertThat(once).isInstanceOf(TextLineSource.class);
        assertThat(CollectingReaderOutput.readAll(once, 0, 1)).containsExactly("x");
    }

    @Test
    void badPathsAndIntervalsFailWhenTheSourceIsBuilt() {
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), new dev.weir.core.fs.Path("hdfs://nn:8020/in")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("FileSource: the path hdfs://nn:8020/in is on the 'hdfs' file system; Weir's FileSource reads the local "
                        + "file system only: give a local path such as /data/in or file:///data/in");
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), missing)
                .monitorContinuously(Duration.ofSeconds(1)).build())
                .hasMessage("FileSource: path " + missing.toAbsolutePath() + " does not exist; check the path, or create it before building the source");
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir).monitorContinuously(Duration.ZERO))
                .hasMessage("FileSource.monitorContinuously(PT0S): the discovery interval must be at least 1 ms");
        assertThatThrownBy(() -> new TextLineInputFormat("no-such-charset"))
                .hasMessage("TextLineInputFormat: unknown charset 'no-such-charset'; give a charset name Java supports, such as UTF-8 or ISO-8859-1");
    }
}
