package dev.weir.sql.expr;

import dev.weir.types.Row;

/**
 * Flink's JSON_QUOTE(s) and JSON_UNQUOTE(s). JSON_QUOTE writes s as a JSON string literal: in double quotes, with
 * {@code "}, {@code \}, {@code /}, backspace, form feed, newline, carriage return and tab escaped by a backslash, and
 * every other character outside printable ASCII as {@code \}{@code uXXXX} (so {@code é} is {@code "\}{@code u00e9"}).
 * JSON_UNQUOTE reads such a literal back; a text that is not one (no quotes at both ends, a bad escape) is returned
 * as it is. NULL gives NULL.
 */
final class JsonQuoting extends Expr {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean quote;
    private final Expr text;

    private JsonQuoting(boolean quote, Expr text) {
        this.quote = quote;
        this.text = text;
    }

    /** The call of JSON_QUOTE or JSON_UNQUOTE, or null when {@code name} is neither. */
    static Expr of(String name, Expr[] args) {
        if (!name.equals("JSON_QUOTE") && !name.equals("JSON_UNQUOTE")) {
            return null;
        }
        return new JsonQuoting(name.equals("JSON_QUOTE"), args[0]);
    }

    @Override
    public Object eval(Row row) {
        Object v = text.eval(row);
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return quote ? quoted(s) : unquoted(s);
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append(c);
                    } else {
                        out.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                                .append(HEX[c & 15]);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String unquoted(String s) {
        if (s.length() < 2 || s.charAt(0) != '"' || s.charAt(s.length() - 1) != '"') {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int end = s.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return s; // an unescaped quote inside: no JSON string literal
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= end) {
                return s;
            }
            char e = s.charAt(i);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    int code = 0;
                    for (int k = 1; k <= 4; k++) {
                        int digit = i + k < end ? Character.digit(s.charAt(i + k), 16) : -1;
                        if (digit < 0) {
                            return s;
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> {
                    return s;
                }
            }
        }
        return out.toString();
    }
}
