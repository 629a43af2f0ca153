package dev.weir.connector.file.src;

import dev.weir.api.connector.source.CollectingReaderOutput;
import dev.weir.api.connector.source.JavaSerialization;
import dev.weir.api.connector.source.TestReaderContext;
import dev.weir.connector.file.src.FileSource;
import dev.weir.connector.file.src.reader.TextLineInputFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.source.Boundedness;
import dev.weir.core.io.InputStatus;
import dev.weir.api.connector.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextLineSourceTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emitsLinesWithoutTerminatorsIncludingALastLineWithoutNewline() throws Exception {
        Path file = write("in.txt", "a\r\nbé\n€uro 😀\n\nlast");

        assertThat(CollectingReaderOutput.readAll(new TextLineSource(file), 0, 1)).containsExactly("a", "bé", "€uro 😀", "", "last");
    }

    @Test
    void aTrailingNewlineAddsNoEmptyLineAndALoneCarriageReturnEndsALineAsInFlink() throws Exception {
        Path file = write("in.txt", "x\ry\r\n\r\n\r");

        assertThat(CollectingReaderOutput.readAll(new TextLineSource(file), 0, 1)).containsExactly("x", "y", "", "");
    }

    @Test
    void givesTheLinesOfBufferedReaderReadLineEvenWhenACarriageReturnEndsTheReadBuffer() throws Exception {
        String filler = "f".repeat(64 * 1024 - 3);
        for (String text : List.of(filler + "ab\r\ncd", filler + "abc\r\nd\r", filler + "ab\r\rcd\n", "\r\n\n\r", "no terminator")) {
            Path file = write("in.txt", text);
            List<String> expected = new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList();

            assertThat(CollectingReaderOutput.readAll(new TextLineSource(file), 0, 1)).as(text.length() + " chars").isEqualTo(expected);
        }
    }

    @Test
    void anEmptyFileEmitsNothing() throws Exception {
        Path file = write("empty.txt", "");

        assertThat(CollectingReaderOutput.readAll(new TextLineSource(file), 0, 1)).isEmpty();
    }

    @Test
    void aLineLongerThanTheReadBufferIsEmittedWhole() throws Exception {
        String longLine = "ü".repeat(100_000);
        Path file = write("long.txt", "start\n" + longLine + "\r\nend");

        assertThat(CollectingReaderOutput.readAll(new TextLineSource(file), 0, 1)).containsExactly("start", longLine, "end");
    }

    @Test
    void aDirectoryContributesItsFilesRecursivelySortedByPathSkippingHiddenAndUnderscoreNamesAsFlinksDefaultFilter() throws Exception {
        write("b.txt", "b1\nb2\n");
        write("a.txt", "a1\n");
        write(".hidden", "hidden\n");
        write("_SUCCESS", "marker\n");
        Files.createDirectory(dir.resolve("c-subdir"));
        Files.writeString(dir.resolve("c-subdir").resolve("nested.txt"), "nested\n");
        Files.createDirectory(dir.resolve("_temporary"));
        Files.writeString(dir.resolve("_temporary").resolve("skipped.txt"), "skipped\n");
        Files.createDirectory(dir.resolve(".staging"));
        Files.writeString(dir.resolve(".staging").resolve("skipped.txt"), "skipped\n");

        TextLineSource source = new TextLineSource(dir);

        assertThat(source.getFiles()).containsExactly(dir.resolve("a.txt").toAbsolutePath(), dir.resolve("b.txt").toAbsolutePath(),
                dir.resolve("c-subdir").resolve("nested.txt").toAbsolutePath());
        assertThat(source.maxParallelism()).isEqualTo(3);
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.BOUNDED);
        assertThat(CollectingReaderOutput.readAll(source, 0, 1)).containsExactly("a1", "b1", "b2", "nested");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void fileKIsReadBySubtaskKModuloParallelism(int parallelism) throws Exception {
        for (int k = 0; k < 5; k++) {
            write("f" + k, "f" + k + "-1\nf" + k + "-2\n");
        }
        TextLineSource source = new TextLineSource(dir);
        List<String> all = new ArrayList<>();

        for (int subtask = 0; subtask < parallelism; subtask++) {
            List<String> expected = new ArrayList<>();
            for (int k = subtask; k < 5; k += parallelism) {
                expected.add("f" + k + "-1");
                expected.add("f" + k + "-2");
            }
            List<String> lines = CollectingReaderOutput.readAll(source, subtask, parallelism);
            assertThat(lines).isEqualTo(expected);
            all.addAll(lines);
        }

        assertThat(all).hasSize(10).doesNotHaveDuplicates();
    }

    @Test
    void restoringASnapshotTakenInTheMiddleOfAFileResumesAtTheNextLine() throws Exception {
        List<String> lines = IntStream.range(0, 3000).mapToObj(i -> "línea " + i + (i % 7 == 0 ? " 😀" : "")).toList();
        Path first = write("1.txt", String.join("\r\n", lines) + "\r\n");
        Path second = write("2.txt", "after\n");
        TextLineSource source = new TextLineSource(first, second);

        SourceReader<String> reader = source.createReader(new TestReaderContext(0, 1));
        CollectingReaderOutput<String> before = new CollectingReaderOutput<>();
        assertThat(reader.pollNext(before)).isEqualTo(InputStatus.MORE_AVAILABLE);
        Object position = reader.snapshotState(1);
        reader.close();

        SourceReader<String> restored = source.createReader(new TestReaderContext(0, 1));
        restored.restoreState(position);
        restored.start();
        List<String> after = new CollectingReaderOutput<String>().pollUntilEnd(restored);

        long expectedOffset = (String.join("\r\n", lines.subList(0, 1024)) + "\r\n").getBytes(StandardCharsets.UTF_8).length;
        assertThat(before.records).isEqualTo(lines.subList(0, 1024));
        assertThat(position).isEqualTo(new TextLineSource.Position(0, expectedOffset));
        List<String> expectedAfter = new ArrayList<>(lines.subList(1024, 3000));
        expectedAfter.add("after");
        assertThat(after).isEqualTo(expectedAfter);
        assertThat(restored.snapshotState(2)).isEqualTo(new TextLineSource.Position(2, 0));
    }

    @Test
    void aSnapshotBetweenFilesPointsAtTheStartOfTheNextFileOfTheSubtask() throws Exception {
        Path a = write("a", "a\n");
        Path b = write("b", "b\n");
        Path c = write("c", "c\n");
        TextLineSource source = new TextLineSource(a, b, c);
        SourceReader<String> restored = source.createReader(new TestReaderContext(0, 2));

        restored.restoreState(new TextLineSource.Position(2, 0));

        assertThat(new CollectingReaderOutput<String>().pollUntilEnd(restored)).containsExactly("c");
    }

    @Test
    void refusesAPositionInAnotherSubtasksFile() throws Exception {
        TextLineSource source = new TextLineSource(write("a", "a\n"), write("b", "b\n"));
        SourceReader<String> reader = source.createReader(new TestReaderContext(0, 2));

        assertThatThrownBy(() -> reader.restoreState(new TextLineSource.Position(1, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different parallelism");
    }

    @Test
    void refusesToResumePastTheEndOfAFileThatShrank() throws Exception {
        Path file = write("a", "a\n");
        SourceReader<String> reader = new TextLineSource(file).createReader(new TestReaderContext(0, 1));
        reader.restoreState(new TextLineSource.Position(0, 100));

        assertThatThrownBy(() -> reader.pollNext(new CollectingReaderOutput<>()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("byte 100");
    }

    @Test
    void aMissingPathFailsWhenTheSourceIsBuiltNamingThePath() {
        Path missing = dir.resolve("nope.txt");

        assertThatThrownBy(() -> new TextLineSource(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString())
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> FileSource.forRecordStreamFormat(new TextLineInputFormat(), missing).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(missing.toAbsolutePath().toString());
    }

    @Test
    void theFlinkShapedBuilderBuildsALineSource() throws Exception {
        write("in.txt", "one\ntwo\n");

        FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), dir).processStaticFileSet().build();

        assertThat(source).isInstanceOf(TextLineSource.class);
        assertThat(CollectingReaderOutput.readAll(source, 0, 1)).containsExactly("one", "two");
    }

    @Test
    void anEmptyDirectoryStillHasAParallelismOfOneAndEndsAtOnce() throws Exception {
        TextLineSource source = new TextLineSource(dir);

        assertThat(source.maxParallelism()).isEqualTo(1);
        assertThat(CollectingReaderOutput.readAll(source, 0, 1)).isEmpty();
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        Path file = write("in.txt", "x\n");

        TextLineSource copy = JavaSerialization.roundTrip(new TextLineSource(file));

        assertThat(CollectingReaderOutput.readAll(copy, 0, 1)).containsExactly("x");
    }
}
