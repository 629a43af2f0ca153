package dev.weir.connector.file.src;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.connector.source.CollectingReaderOutput;
import dev.weir.api.connector.source.SourceReader;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.connector.file.src.reader.TextLineInputFormat;
import dev.weir.engine.metrics.OperatorMetricGroup;
import dev.weir.metrics.Counter;
import dev.weir.metrics.MetricGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid UTF-8 in text input is never replaced silently: counted and warned about, or, as an option, a failure. */
class MalformedTextTest {
    @TempDir
    Path dir;

    private final OperatorMetricGroup metrics = new OperatorMetricGroup("source");

    @Test
    void invalidBytesAreReadAsReplacementCharactersAndCountedWhileAGenuineReplacementCharacterIsNot() throws Exception {
        Path file = dir.resolve("in.txt");
        // "ok", then 0xFF (never valid) and 0xC3 followed by '(' (a truncated sequence): two replaced characters;
        // then a line holding U+FFFD itself (EF BF BD), which is valid text.
        Files.write(file, concat("ok\nab".getBytes(), new byte[] {(byte) 0xFF}, "cd".getBytes(), new byte[] {(byte) 0xC3},
                "(\nreal \uFFFD\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        List<String> lines = read(FileSource.forRecordStreamFormat(new TextLineInputFormat(), file).build());

        assertThat(lines).containsExactly("ok", "ab\uFFFDcd\uFFFD(", "real \uFFFD");
        assertThat(replaced()).isEqualTo(2);
    }

    @Test
    void withFailOnMalformedTextTheFirstInvalidByteFailsNamingTheFileAndItsOffset() throws Exception {
        Path file = dir.resolve("bad.txt");
        Files.write(file, concat("first\nab".getBytes(), new byte[] {(byte) 0xFF}, "\n".getBytes()));

        assertThatThrownBy(() -> read(FileSource.forRecordStreamFormat(new TextLineInputFormat(), file).failOnMalformedText().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("File " + file + " is not valid UTF-8 at byte 8 (in the line starting at byte 6): fix the file, or drop "
                        + "failOnMalformedText() to read such bytes as U+FFFD (counted in the source's metric numMalformedCharactersReplaced)");
    }

    private List<String> read(FileSource<String> source) throws Exception {
        SourceReader<String> reader = source.createReader(new SourceReaderContext() {
            @Override
            public int getIndexOfSubtask() {
                return 0;
            }

            @Override
            public int getParallelism() {
                return 1;
            }

            @Override
            public MetricGroup metricGroup() {
                return metrics;
            }
        });
        return new CollectingReaderOutput<String>().pollUntilEnd(reader);
    }

    private long replaced() {
        for (Map.Entry<String, Object> e : metrics.metrics().entrySet()) {
            if (e.getKey().endsWith(MalformedText.METRIC)) {
                return ((Counter) e.getValue()).getCount();
            }
        }
        return 0;
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
