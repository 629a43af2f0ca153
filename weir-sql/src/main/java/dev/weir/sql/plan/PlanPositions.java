package dev.weir.sql.plan;

import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Puts the place of a refused construct in front of a planning error, the way Calcite's validator does
 * ({@code "At line 3, column 10: ..."}): the SQL client draws its caret under that line and column.
 */
final class PlanPositions {
    private PlanPositions() {
    }

    /** {@code message} prefixed with the line and column of {@code pos}, or unchanged for an unknown position. */
    static String at(String message, SqlParserPos pos) {
        if (pos == null || pos.getLineNum() <= 0) {
            return message;
        }
        return "At line " + pos.getLineNum() + ", column " + pos.getColumnNum() + ": " + message;
    }
}
