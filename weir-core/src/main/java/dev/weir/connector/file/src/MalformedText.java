package dev.weir.connector.file.src;

import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.metrics.Counter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * What a text reader does with bytes that are not valid UTF-8: by default they become U+FFFD, as in Flink, but never
 * silently: the replaced characters are counted in the metric {@value #METRIC} and the first one of each file is
 * logged as a warning; with {@code failOnMalformedText()} the job fails, naming the file and the byte offset. Only
 * lines in which the decoder left a U+FFFD reach it, so valid text costs one scan per line.
 */
final class MalformedText {
    static final String METRIC = "numMalformedCharactersReplaced";
    private static final System.Logger LOG = System.getLogger(MalformedText.class.getName());
    private final boolean fail;
    private final SourceReaderContext context;
    private final Set<String> warnedFiles = new HashSet<>();
    private Counter replaced;

    MalformedText(boolean fail, SourceReaderContext context) {
        this.fail = fail;
        this.context = context;
    }

    /**
     * Checks a line that decoded to {@code decoded} (which holds a U+FFFD) from {@code length} bytes at {@code from},
     * the line starting at byte {@code lineOffset} of {@code file}: counts, warns or fails when bytes were replaced.
     */
    void check(String file, long lineOffset, byte[] bytes, int from, int length, String decoded) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, length);
        CharBuffer out = CharBuffer.allocate(decoded.length() + 1);
        long count = 0;
        long first = -1;
        while (true) {
            CoderResult result = in.hasRemaining() ? decoder.decode(in, out, true) : CoderResult.UNDERFLOW;
            if (result.isError()) {
                if (first < 0) {
                    first = lineOffset + in.position() - from;
                }
                count++;
                in.position(in.position() + result.length());
            } else if (result.isOverflow()) {
                out = CharBuffer.allocate(out.capacity() * 2);
            } else {
                break;
            }
        }
        if (count == 0) {
            return; // The file holds U+FFFD itself.
        }
        if (fail) {
            throw new IllegalStateException("File " + file + " is not valid UTF-8 at byte " + first + " (in the line starting at byte "
                    + lineOffset + "): fix the file, or drop failOnMalformedText() to read such bytes as U+FFFD (counted in the "
                    + "source's metric " + METRIC + ")");
        }
        if (replaced == null) {
            replaced = context.metricGroup().counter(METRIC);
        }
        replaced.inc(count);
        if (warnedFiles.add(file)) {
            LOG.log(System.Logger.Level.WARNING, "File " + file + " is not valid UTF-8 at byte " + first + ": such bytes are read as "
                    + "U+FFFD and counted in the source's metric " + METRIC + " (this warning is given once per file); "
                    + "FileSource.forRecordStreamFormat(...).failOnMalformedText() fails the job instead");
        }
    }
}
