package dev.weir.table.api;

/** What a {@link TableResult} holds, as in Flink: only success (DDL), or rows. */
public enum ResultKind {
    /** The statement succeeded and has no rows, e.g. CREATE TABLE. */
    SUCCESS,
    /** The statement has rows to collect or print. */
    SUCCESS_WITH_CONTENT
}
