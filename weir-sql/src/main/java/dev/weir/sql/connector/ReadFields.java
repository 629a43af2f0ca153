package dev.weir.sql.connector;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which physical columns of a table a query reads, and of a ROW column which fields: what a source may leave unfilled
 * (null), as Flink's planner pushes a projection, nested fields included, into a source that supports it. Built by the
 * planner, mutable only while it collects the reads.
 */
public final class ReadFields {
    private static final Set<String> WHOLE = Set.of();

    /** Per column: null unread, {@link #WHOLE} read whole, else the names of the ROW fields read. */
    private final Set<String>[] columns;

    @SuppressWarnings("unchecked")
    private ReadFields(int columns) {
        this.columns = new Set[columns];
    }

    /** Nothing read yet. */
    public static ReadFields none(int columns) {
        return new ReadFields(columns);
    }

    /** Every column read whole: what a source without the planner's reads must produce. */
    public static ReadFields all(int columns) {
        ReadFields all = new ReadFields(columns);
        Arrays.fill(all.columns, WHOLE);
        return all;
    }

    /** Marks {@code column} read whole. */
    public void readWhole(int column) {
        columns[column] = WHOLE;
    }

    /** Marks {@code field} of the ROW column {@code column} read (nothing more to do when the column is read whole). */
    public void readField(int column, String field) {
        Set<String> read = columns[column];
        if (read == WHOLE) {
            return;
        }
        if (read == null) {
            read = new HashSet<>();
            columns[column] = read;
        }
        read.add(field);
    }

    /** Marks read in {@code column} whatever {@code other} reads of its column {@code otherColumn}. */
    public void addColumn(ReadFields other, int otherColumn, int column) {
        Set<String> read = other.columns[otherColumn];
        if (read == WHOLE) {
            readWhole(column);
        } else if (read != null) {
            read.forEach(f -> readField(column, f));
        }
    }

    /** The number of columns. */
    public int size() {
        return columns.length;
    }

    /** Adds everything {@code other} reads. */
    public void add(ReadFields other) {
        for (int c = 0; c < columns.length; c++) {
            addColumn(other, c, c);
        }
    }

    /** Whether the query reads anything of {@code column}. */
    public boolean reads(int column) {
        return columns[column] != null;
    }

    /** Whether the query reads {@code field} of the ROW column {@code column} (true when it reads the column whole). */
    public boolean readsField(int column, String field) {
        Set<String> read = columns[column];
        return read == WHOLE || read != null && read.contains(field);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int c = 0; c < columns.length; c++) {
            sb.append(c == 0 ? "" : ", ").append(columns[c] == null ? "-" : columns[c] == WHOLE ? "*" : columns[c].toString());
        }
        return sb.append(']').toString();
    }
}
