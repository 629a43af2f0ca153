package dev.weir.connector.file.src.reader;

import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.common.typeinfo.Types;
import dev.weir.configuration.Configuration;
import dev.weir.connector.file.src.FileSource;
import dev.weir.core.fs.FSDataInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * Reads a file as lines of text, as Flink's {@code TextLineInputFormat}: each line without its {@code \n}, {@code \r}
 * or {@code \r\n} terminator (as {@link BufferedReader#readLine()}), a last line without terminator included. Pass it to
 * {@link FileSource#forRecordStreamFormat}. For UTF-8 files read as a fixed set (the default), Weir uses a faster
 * reader of its own that gives the same lines and checkpoints byte offsets.
 */
public class TextLineInputFormat extends SimpleStreamFormat<String> {
    private static final long serialVersionUID = 1L;

    /** The charset used when none is given. */
    public static final String DEFAULT_CHARSET_NAME = "UTF-8";

    private final String charsetName;

    /** The UTF-8 line format. */
    public TextLineInputFormat() {
        this(DEFAULT_CHARSET_NAME);
    }

    /** Lines in the named charset; fails at once for an unknown charset. */
    public TextLineInputFormat(String charsetName) {
        Objects.requireNonNull(charsetName, "charsetName");
        if (!Charset.isSupported(charsetName)) {
            throw new IllegalArgumentException("TextLineInputFormat: unknown charset '" + charsetName + "'; give a charset "
                    + "name Java supports, such as UTF-8 or ISO-8859-1");
        }
        this.charsetName = charsetName;
    }

    /** The charset of the lines. */
    public String getCharsetName() {
        return charsetName;
    }

    @Override
    public Reader createReader(Configuration config, FSDataInputStream stream) {
        return new Reader(new BufferedReader(new InputStreamReader(stream, Charset.forName(charsetName))));
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    /** Reads the lines of one file. */
    public static final class Reader implements StreamFormat.Reader<String> {
        private final BufferedReader reader;

        Reader(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public String read() throws IOException {
            return reader.readLine();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
