package dev.weir.sql.parse;

import java.util.List;
import java.util.Set;

/**
 * Words Calcite's parser reserves but Flink's does not, so that Flink SQL may use them as bare identifiers: Calcite
 * 1.42 reserves {@code DATETIME}, which Nexmark's tables use as a column name ({@code bid.dateTime}). Before Calcite
 * parses a statement, each bare occurrence becomes a backquoted identifier of the same spelling, which means the same
 * (Weir keeps unquoted identifiers as written). Positions after such a word shift by two columns.
 */
public final class FlinkNonReservedWords {
    private static final Set<String> WORDS = Set.of("DATETIME");

    private FlinkNonReservedWords() {
    }

    /** {@code sql} with every bare non-reserved word that Calcite reserves backquoted. */
    public static String quote(String sql) {
        if (!mayContain(sql)) {
            return sql;
        }
        List<Token> tokens = Tokenizer.tokenize(sql);
        StringBuilder out = null;
        int copied = 0;
        for (Token t : tokens) {
            if (t.kind() == Token.Kind.WORD && WORDS.contains(t.text().toUpperCase())) {
                if (out == null) {
                    out = new StringBuilder(sql.length() + 16);
                }
                out.append(sql, copied, t.start()).append('`').append(t.text()).append('`');
                copied = t.end();
            }
        }
        return out == null ? sql : out.append(sql, copied, sql.length()).toString();
    }

    private static boolean mayContain(String sql) {
        String upper = sql.toUpperCase();
        for (String word : WORDS) {
            if (upper.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
