package dev.weir.sql.parse;

import dev.weir.table.api.SqlParserException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a statement into tokens the way Flink's SQL lexer does for DDL: bare words, backquoted identifiers
 * ({@code ``} escapes a backquote), single-quoted strings ({@code ''} escapes a quote), numbers and symbols;
 * {@code --} and {@code /* *}{@code /} comments are skipped.
 */
final class Tokenizer {
    private Tokenizer() {
    }

    static List<Token> tokenize(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    throw new SqlParserException("SQL parse failed. Unclosed comment starting at " + Positions.describe(sql, i)
                            + "; close it with */");
                }
                i = close + 2;
            } else if (c == '`' || c == '\'') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new SqlParserException("SQL parse failed. Unclosed " + (c == '`' ? "identifier" : "string literal")
                                + " starting at " + Positions.describe(sql, start) + "; close it with " + c);
                    }
                    char d = sql.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(d);
                    i++;
                }
                tokens.add(new Token(c == '`' ? Token.Kind.QUOTED_IDENTIFIER : Token.Kind.STRING, text.toString(), start, i));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, sql.substring(start, i), start, i));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, sql.substring(start, i), start, i));
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        tokens.add(new Token(Token.Kind.END, "<EOF>", n, n));
        return tokens;
    }
}
