package dev.weir.engine.checkpoint.storage;

import java.nio.file.Path;

/** A checkpoint or savepoint that cannot be used: names the file, the reason, and what the user can do. */
public final class CheckpointException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    /** A refusal of {@code file} for {@code reason}; {@code message} is the full text shown to the user. */
    public CheckpointException(Path file, String reason, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file (or checkpoint folder) that was refused. */
    public Path file() {
        return file;
    }

    /** Why it was refused, in a few words (e.g. "checksum mismatch ..."), without advice. */
    public String reason() {
        return reason;
    }
}
