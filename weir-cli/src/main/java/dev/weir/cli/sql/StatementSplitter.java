package dev.weir.cli.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects input lines into statements, as Flink's SQL client does: a statement ends with a {@code ;} outside
 * quotes, backquotes and comments, and may span lines. Remembers the line each statement started on, for errors.
 */
public final class StatementSplitter {
    private final StringBuilder pending = new StringBuilder();
    private boolean inString;
    private boolean inIdentifier;
    private boolean inBlockComment;
    private int lineNumber;
    private int startLine = 1;

    /** A complete statement (without its {@code ;}) and the input line it began on (from 1). */
    public record Complete(String sql, int firstLine) {
    }

    /** Adds one input line; returns the statements it completed (usually none or one). */
    public List<Complete> add(String line) {
        lineNumber++;
        List<Complete> done = new ArrayList<>();
        if (pending.toString().isBlank()) {
            pending.setLength(0);
            startLine = lineNumber;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (inBlockComment) {
                if (c == '*' && next == '/') {
                    inBlockComment = false;
                    i++;
                }
                continue;
            }
            if (!inString && !inIdentifier) {
                if (c == '-' && next == '-') {
                    break;
                }
                if (c == '/' && next == '*') {
                    inBlockComment = true;
                    i++;
                    continue;
                }
                if (c == ';') {
                    String sql = pending.toString().strip();
                    if (!sql.isEmpty()) {
                        done.add(new Complete(sql, startLine));
                    }
                    pending.setLength(0);
                    startLine = lineNumber;
                    continue;
                }
            }
            if (c == '\'' && !inIdentifier) {
                inString = !inString;
            } else if (c == '`' && !inString) {
                inIdentifier = !inIdentifier;
            }
            pending.append(c);
        }
        if (!pending.toString().isBlank()) {
            pending.append('\n');
        }
        return done;
    }

    /** Whether a statement is begun and not yet ended. */
    public boolean hasPending() {
        return !pending.toString().isBlank();
    }

    /** The unfinished rest, if any (at the end of a script). */
    public String pending() {
        return pending.toString().strip();
    }
}
