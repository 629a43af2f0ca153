package dev.weir.cli.sql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Points at the place an error names: for a message with "line L, column C" (Calcite's and Weir's positions, counted
 * from the statement's start), the statement's line L and a caret under column C.
 */
public final class ErrorCaret {
    private static final Pattern POSITION = Pattern.compile("line (\\d+), column (\\d+)");

    private ErrorCaret() {
    }

    /** The line and caret, or an empty string when the message names no position inside {@code sql}. */
    public static String of(String sql, String message) {
        if (message == null) {
            return "";
        }
        Matcher m = POSITION.matcher(message);
        if (!m.find()) {
            return "";
        }
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String[] lines = sql.split("\n", -1);
        if (line < 1 || line > lines.length || column < 1) {
            return "";
        }
        String text = lines[line - 1];
        return text + "\n" + " ".repeat(Math.min(column - 1, text.length())) + "^\n";
    }
}
