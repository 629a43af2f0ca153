package dev.weir.table.api;

/** A SQL statement does not parse; the message names the line and column. */
public class SqlParserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SqlParserException(String message) {
        super(message);
    }

    public SqlParserException(String message, Throwable cause) {
        super(message, cause);
    }
}
