package dev.weir.connector.file.src.reader;

import dev.weir.connector.file.src.FileSource;

import java.io.Serializable;

/**
 * Reads a file as lines of UTF-8 text, as Flink's {@code TextLineInputFormat}: each line without its {@code \n} or
 * {@code \r\n} terminator, a last line without terminator included. Pass it to {@link FileSource#forRecordStreamFormat}.
 */
public final class TextLineInputFormat implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The UTF-8 line format (Flink's default charset). */
    public TextLineInputFormat() {
    }
}
