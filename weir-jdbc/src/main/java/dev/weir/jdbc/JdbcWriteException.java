package dev.weir.jdbc;

import java.io.IOException;

/**
 * The JDBC sink could not write: a bad row (named, with the statement and the database's message), or a write that
 * still failed after the configured retries. Fails the job (and so restarts it by its restart strategy).
 */
public final class JdbcWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    public JdbcWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
