package dev.weir.api.common;

/**
 * Thrown when a job is built or executed and cannot run: the message names the operator, what is wrong and the
 * fix. Weir finds these problems before any record flows.
 */
public class InvalidProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProgramException(String message) {
        super(message);
    }

    public InvalidProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
