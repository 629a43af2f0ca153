package dev.weir.engine.exchange;

/**
 * Thrown when a record's key cannot be used to partition or to address keyed state: the key selector threw or
 * returned null, or the key hashes by identity. The message names the operator, the record and the fix.
 */
public final class IllegalKeyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message naming the operator, the record and the fix. */
    public IllegalKeyException(String message) {
        super(message);
    }

    /** Creates the exception for a key selector that threw {@code cause}. */
    public IllegalKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
