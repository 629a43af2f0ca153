package dev.weir.api.connector.source;

import java.io.Serializable;
import java.util.Objects;

/** A reader registered with a split enumerator: its subtask and where it runs, as in Flink. */
public final class ReaderInfo implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int subtaskId;
    private final String location;

    public ReaderInfo(int subtaskId, String location) {
        this.subtaskId = subtaskId;
        this.location = location;
    }

    /** The reader's subtask index, from 0. */
    public int getSubtaskId() {
        return subtaskId;
    }

    /** Where the reader runs; Weir runs every reader in this process and names it {@code "localhost"}. */
    public String getLocation() {
        return location;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReaderInfo other && other.subtaskId == subtaskId && Objects.equals(other.location, location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subtaskId, location);
    }

    @Override
    public String toString() {
        return "ReaderInfo{subtaskId=" + subtaskId + ", location=" + location + "}";
    }
}
