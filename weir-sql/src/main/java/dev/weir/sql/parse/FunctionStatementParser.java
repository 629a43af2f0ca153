package dev.weir.sql.parse;

import dev.weir.table.api.SqlParserException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses Flink's function statements: {@code CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name AS 'class'
 * [LANGUAGE JAVA]}, {@code DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name} and {@code SHOW [USER] FUNCTIONS}.
 * Other statements are left to {@link StatementParser}.
 */
final class FunctionStatementParser {
    private static final Pattern CREATE = Pattern.compile("(?is)\\s*CREATE\\s+(?:TEMPORARY\\s+(?:SYSTEM\\s+)?)?FUNCTION\\s+"
            + "(IF\\s+NOT\\s+EXISTS\\s+)?(`[^`]+`|[A-Za-z_][\\w.]*)\\s+AS\\s+'([^']+)'(?:\\s+LANGUAGE\\s+(\\w+))?\\s*;?\\s*");
    private static final Pattern DROP = Pattern.compile("(?is)\\s*DROP\\s+(?:TEMPORARY\\s+(?:SYSTEM\\s+)?)?FUNCTION\\s+"
            + "(IF\\s+EXISTS\\s+)?(`[^`]+`|[A-Za-z_][\\w.]*)\\s*;?\\s*");
    private static final Pattern SHOW = Pattern.compile("(?is)\\s*SHOW\\s+(USER\\s+)?FUNCTIONS\\s*;?\\s*");
    private static final Pattern IS_FUNCTION_STATEMENT = Pattern.compile("(?is)\\s*(CREATE|DROP)\\s+(TEMPORARY\\s+)?(SYSTEM\\s+)?FUNCTION\\b.*");

    private FunctionStatementParser() {
    }

    /** The statement, or null if {@code sql} is no function statement. */
    static Statement tryParse(String sql) {
        Matcher m = CREATE.matcher(sql);
        if (m.matches()) {
            if (m.group(4) != null && !m.group(4).equalsIgnoreCase("JAVA")) {
                throw new SqlParserException("SQL parse failed. Weir runs functions in LANGUAGE JAVA only, not "
                        + m.group(4).toUpperCase(Locale.ROOT) + "; implement the function as a Java class");
            }
            return new Statement.CreateFunction(name(m.group(2)), m.group(3), m.group(1) != null);
        }
        m = DROP.matcher(sql);
        if (m.matches()) {
            return new Statement.DropFunction(name(m.group(2)), m.group(1) != null);
        }
        m = SHOW.matcher(sql);
        if (m.matches()) {
            return new Statement.ShowFunctions(m.group(1) != null);
        }
        if (IS_FUNCTION_STATEMENT.matcher(sql).matches()) {
            throw new SqlParserException("SQL parse failed. Expected CREATE [TEMPORARY [SYSTEM]] FUNCTION [IF NOT EXISTS] name "
                    + "AS 'fully.qualified.ClassName' [LANGUAGE JAVA], or DROP [TEMPORARY [SYSTEM]] FUNCTION [IF EXISTS] name");
        }
        return null;
    }

    private static String name(String identifier) {
        String bare = identifier.startsWith("`") ? identifier.substring(1, identifier.length() - 1) : identifier;
        int dot = bare.lastIndexOf('.');
        return dot >= 0 ? bare.substring(dot + 1) : bare;
    }
}
