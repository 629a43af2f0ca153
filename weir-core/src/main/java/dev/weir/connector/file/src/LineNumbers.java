package dev.weir.connector.file.src;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 1-based number of the line that starts at a byte offset of a file, counting the terminators before it as
 * {@code TextLineReader} reads them ({@code \n}, {@code \r} and {@code \r\n} each end one line). Read only when an error
 * names a line, so the reader keeps no count per line and its checkpointed position stays a byte offset.
 */
final class LineNumbers {
    private LineNumbers() {
    }

    /** The number of the line starting at {@code offset} of {@code file}, or -1 when the file cannot be read. */
    static long lineAt(Path file, long offset) {
        long line = 1;
        boolean afterCr = false;
        byte[] buffer = new byte[64 * 1024];
        long position = 0;
        try (InputStream in = Files.newInputStream(file)) {
            while (position < offset) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, offset - position));
                if (read < 0) {
                    break;
                }
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b == '\n') {
                        if (!afterCr) {
                            line++;
                        }
                        afterCr = false;
                    } else if (b == '\r') {
                        line++;
                        afterCr = true;
                    } else {
                        afterCr = false;
                    }
                }
                position += read;
            }
        } catch (IOException e) {
            return -1;
        }
        return line;
    }
}
