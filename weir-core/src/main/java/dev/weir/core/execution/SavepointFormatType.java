package dev.weir.core.execution;

/**
 * The savepoint format a caller asks for, with Flink's names. Weir writes one format, its own, key-grouped and
 * restorable at any parallelism, whichever is asked: {@code CANONICAL} and {@code NATIVE} give the same savepoint,
 * and neither can be read by Apache Flink.
 */
public enum SavepointFormatType {
    /** Flink's portable format; in Weir, Weir's one format. */
    CANONICAL,
    /** Flink's state-backend-specific format; in Weir, the same as {@link #CANONICAL}. */
    NATIVE;

    /** The format used when none is given: {@link #CANONICAL}, as in Flink. */
    public static final SavepointFormatType DEFAULT = CANONICAL;
}
