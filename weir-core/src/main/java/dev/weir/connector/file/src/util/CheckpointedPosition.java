package dev.weir.connector.file.src.util;

import java.io.Serializable;

/**
 * Where a file reader resumes, as Flink's {@code CheckpointedPosition}: a byte offset to seek to ({@link #NO_OFFSET}
 * for the start of the file) and a number of records to skip after it.
 */
public final class CheckpointedPosition implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No offset: resume at the start of the file, then skip the records. */
    public static final long NO_OFFSET = -1L;

    private final long offset;
    private final long recordsAfterOffset;

    /** A position {@code recordsAfterOffset} records after byte {@code offset}; fails for negative values. */
    public CheckpointedPosition(long offset, long recordsAfterOffset) {
        if (offset < NO_OFFSET || recordsAfterOffset < 0) {
            throw new IllegalArgumentException("A CheckpointedPosition needs an offset >= -1 (NO_OFFSET) and recordsAfterOffset >= 0, "
                    + "was offset " + offset + ", recordsAfterOffset " + recordsAfterOffset);
        }
        this.offset = offset;
        this.recordsAfterOffset = recordsAfterOffset;
    }

    public long getOffset() {
        return offset;
    }

    public long getRecordsAfterOffset() {
        return recordsAfterOffset;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckpointedPosition other && other.offset == offset && other.recordsAfterOffset == recordsAfterOffset;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(offset) * 31 + Long.hashCode(recordsAfterOffset);
    }

    @Override
    public String toString() {
        return "CheckpointedPosition: offset=" + (offset == NO_OFFSET ? "NO_OFFSET" : String.valueOf(offset))
                + ", recordsToSkip=" + recordsAfterOffset;
    }
}
