package dev.weir.sql.match;

import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one key from the earliest row that may still start a match, in time order, with the pattern variable
 * each is mapped to while a match is searched: the buffer the matcher works on between two watermarks. One instance
 * per operator, refilled for each key; it grows only as far as a partial match reaches.
 */
final class MatchRows {
    private final List<Row> rows = new ArrayList<>();
    private int[] labels = new int[16];

    void clear() {
        rows.clear();
    }

    void add(Row row) {
        rows.add(row);
        if (rows.size() > labels.length) {
            labels = java.util.Arrays.copyOf(labels, labels.length * 2);
        }
    }

    int size() {
        return rows.size();
    }

    Row row(int index) {
        return rows.get(index);
    }

    int label(int index) {
        return labels[index];
    }

    void label(int index, int variable) {
        labels[index] = variable;
    }

    /** Drops the rows before {@code from}: no match can start at them any more. */
    void dropBefore(int from) {
        if (from <= 0) {
            return;
        }
        int kept = rows.size() - from;
        rows.subList(0, from).clear();
        System.arraycopy(labels, from, labels, 0, kept);
    }

    /** The index of the {@code n}-th last row of {@code variable} in {@code start..end}, or -1. */
    int nthLast(int start, int end, int variable, int n) {
        int seen = 0;
        for (int i = end; i >= start; i--) {
            if (variable == PatternReference.ANY_VARIABLE || labels[i] == variable) {
                if (seen++ == n) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The index of the {@code n}-th first row of {@code variable} in {@code start..end}, or -1. */
    int nthFirst(int start, int end, int variable, int n) {
        int seen = 0;
        for (int i = start; i <= end; i++) {
            if (variable == PatternReference.ANY_VARIABLE || labels[i] == variable) {
                if (seen++ == n) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** The rows as a list (for the key's state), from index 0. */
    List<Row> asList() {
        return rows;
    }
}
