package dev.weir.connector.file.sink;

import dev.weir.api.common.serialization.Encoder;
import dev.weir.api.common.serialization.SimpleStringEncoder;
import dev.weir.api.connector.sink2.NoTimestampContext;
import dev.weir.api.connector.sink2.TestWriterInitContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.sink2.SinkWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    @TempDir
    Path dir;

    private List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    private static <T> SinkWriter<T> writer(FileSink<T> sink, int subtask, int parallelism) throws Exception {
        return sink.createWriter(new TestWriterInitContext(subtask, parallelism));
    }

    /** What the runtime does at the end of input (or on a checkpoint that then completes): prepare, then commit. */
    @SuppressWarnings("unchecked")
    private static <T> void endAndCommit(FileSink<T> sink, SinkWriter<T> writer) throws Exception {
        writer.flush(true);
        var pending = ((dev.weir.api.connector.sink2.CommittingSinkWriter<T, FileSink.PendingFile>) writer).prepareCommit();
        sink.createCommitter().commit(pending);
    }

    @Test
    void rowsGoToAHiddenInProgressFileThatIsRenamedOnlyWhenCommitted() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).build();
        SinkWriter<String> writer = writer(sink, 0, 1);

        writer.write("a", NoTimestampContext.INSTANCE);
        writer.write("b", NoTimestampContext.INSTANCE);
        writer.flush(false);

        assertThat(fileNames(dir)).containsExactly(".part-0-0.inprogress");
        assertThat(Files.readString(dir.resolve(".part-0-0.inprogress"))).isEqualTo("a\nb\n");

        @SuppressWarnings("unchecked")
        var pending = ((dev.weir.api.connector.sink2.CommittingSinkWriter<String, FileSink.PendingFile>) writer).prepareCommit();
        assertThat(fileNames(dir)).as("prepared, not yet committed").containsExactly(".part-0-0.inprogress");
        sink.createCommitter().commit(pending);
        sink.createCommitter().commit(pending);

        assertThat(fileNames(dir)).as("committed once, and a repeated commit changes nothing").containsExactly("part-0-0");
        assertThat(Files.readString(dir.resolve("part-0-0"))).isEqualTo("a\nb\n");
        writer.close();
        assertThat(fileNames(dir)).containsExactly("part-0-0");
    }

    @Test
    void eachSubtaskWritesPartFilesNamedAfterIt() throws Exception {
        FileSink<Integer> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<Integer>()).build();

        for (int subtask = 0; subtask < 3; subtask++) {
            try (SinkWriter<Integer> writer = writer(sink, subtask, 3)) {
                writer.write(subtask * 10, NoTimestampContext.INSTANCE);
                endAndCommit(sink, writer);
            }
        }

        assertThat(fileNames(dir)).containsExactly("part-0-0", "part-1-0", "part-2-0");
        assertThat(Files.readString(dir.resolve("part-2-0"))).isEqualTo("20\n");
    }

    @Test
    void closingWithoutACommitLeavesThePartUnpublishedAndTheNextWriterDeletesIt() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).build();
        SinkWriter<String> writer = writer(sink, 1, 2);
        writer.write("x", NoTimestampContext.INSTANCE);

        writer.close();
        assertThat(fileNames(dir)).containsExactly(".part-1-0.inprogress");

        writer(sink, 0, 2).close();
        assertThat(fileNames(dir)).as("another subtask's leftovers are not touched").containsExactly(".part-1-0.inprogress");
        writer(sink, 1, 2).close();
        assertThat(fileNames(dir)).as("rows after the last checkpoint are written again after a restore").isEmpty();
    }

    @Test
    void aWriterWithoutRowsCreatesNoFile() throws Exception {
        SinkWriter<String> writer = writer(FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).build(), 0, 1);

        writer.flush(false);
        writer.flush(true);
        writer.close();

        assertThat(fileNames(dir)).isEmpty();
    }

    @Test
    void committedPartsOfAnEarlierRunAreKeptAndTheNextNumberIsUsed() throws Exception {
        Files.writeString(dir.resolve("part-0-0"), "old\n");
        Files.writeString(dir.resolve(".part-0-1.inprogress"), "abandoned\n");
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).build();
        SinkWriter<String> writer = writer(sink, 0, 1);

        writer.write("new", NoTimestampContext.INSTANCE);
        endAndCommit(sink, writer);

        assertThat(fileNames(dir)).containsExactly("part-0-0", "part-0-1");
        assertThat(Files.readString(dir.resolve("part-0-0"))).isEqualTo("old\n");
        assertThat(Files.readString(dir.resolve("part-0-1"))).isEqualTo("new\n");
    }

    @Test
    void theBaseDirectoryIsCreatedWhenMissing() throws Exception {
        Path nested = dir.resolve("out").resolve("run-1");
        FileSink<String> sink = FileSink.forRowFormat(nested, new SimpleStringEncoder<String>()).build();
        SinkWriter<String> writer = writer(sink, 0, 1);

        writer.write("x", NoTimestampContext.INSTANCE);
        endAndCommit(sink, writer);

        assertThat(fileNames(nested)).containsExactly("part-0-0");
    }

    @Test
    void aBasePathThatIsAFileFailsNamingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "");
        FileSink<String> sink = FileSink.forRowFormat(file, new SimpleStringEncoder<String>()).build();

        assertThatThrownBy(() -> writer(sink, 0, 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("not a directory");
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
        FileSink<int[]> sink = FileSink.forRowFormat(dir, csv).build();
        try (SinkWriter<int[]> writer = writer(sink, 0, 1)) {
            writer.write(new int[] {1, 2}, NoTimestampContext.INSTANCE);
            endAndCommit(sink, writer);
        }

        assertThat(Files.readString(dir.resolve("part-0-0"))).isEqualTo("1,2\n");
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        FileSink<String> sink = FileSink.forRowFormat(dir, new SimpleStringEncoder<String>()).build();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(sink);
        }
        @SuppressWarnings("unchecked")
        FileSink<String> copy = (FileSink<String>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();

        try (SinkWriter<String> writer = writer(copy, 0, 1)) {
            writer.write("é", NoTimestampContext.INSTANCE);
            endAndCommit(copy, writer);
        }

        assertThat(copy.getBasePath()).isEqualTo(dir.toAbsolutePath());
        assertThat(Files.readString(dir.resolve("part-0-0"))).isEqualTo("é\n");
    }
}
