package dev.weir.sql.parse;

import dev.weir.table.api.SqlParserException;

/** Flink's parse failure message: what was found, where, and what was expected instead. */
final class SqlParseError extends SqlParserException {
    private static final long serialVersionUID = 1L;

    SqlParseError(String sql, Token found, String expected) {
        super("SQL parse failed. Encountered \"" + found.text() + "\" at " + Positions.describe(sql, found.start())
                + ". Was expecting " + expected + ".");
    }
}
