package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.util.regex.Pattern;

/** Flink's string functions: UPPER, LOWER, CHAR_LENGTH, SUBSTRING, TRIM, CONCAT ({@code ||}), POSITION, LIKE. */
final class Strings extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn { UPPER, LOWER, CHAR_LENGTH, SUBSTRING, TRIM_BOTH, TRIM_LEADING, TRIM_TRAILING, CONCAT, POSITION, LIKE, NOT_LIKE }

    private final Fn fn;
    private final Expr[] args;
    private final Pattern likePattern;

    Strings(Fn fn, Expr[] args, Pattern likePattern) {
        this.fn = fn;
        this.args = args;
        this.likePattern = likePattern;
    }

    @Override
    public Object eval(Row row) {
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        String s = a.toString();
        switch (fn) {
            case UPPER:
                return s.toUpperCase();
            case LOWER:
                return s.toLowerCase();
            case CHAR_LENGTH:
                return s.length();
            case SUBSTRING: {
                Object from = args[1].eval(row);
                if (from == null) {
                    return null;
                }
                int start = ((Number) from).intValue();
                int begin = start > 0 ? start - 1 : start < 0 ? Math.max(0, s.length() + start) : 0;
                int end = s.length();
                if (args.length > 2) {
                    Object len = args[2].eval(row);
                    // A negative length gives NULL, as in Flink.
                    if (len == null || ((Number) len).intValue() < 0) {
                        return null;
                    }
                    end = (int) Math.min(s.length(), (long) begin + ((Number) len).intValue());
                }
                return begin >= s.length() || begin >= end ? "" : s.substring(begin, end);
            }
            case TRIM_BOTH:
            case TRIM_LEADING:
            case TRIM_TRAILING:
                return trim(row, s);
            case CONCAT: {
                StringBuilder sb = new StringBuilder(s);
                for (int i = 1; i < args.length; i++) {
                    Object v = args[i].eval(row);
                    if (v == null) {
                        return null;
                    }
                    sb.append(v);
                }
                return sb.toString();
            }
            case POSITION: {
                Object in = args[1].eval(row);
                return in == null ? null : in.toString().indexOf(s) + 1;
            }
            case LIKE:
            case NOT_LIKE: {
                Pattern p = likePattern;
                if (p == null) {
                    Object pattern = args[1].eval(row);
                    if (pattern == null) {
                        return null;
                    }
                    p = likeToRegex(pattern.toString());
                }
                boolean matches = p.matcher(s).matches();
                return fn == Fn.LIKE ? matches : !matches;
            }
            default:
                throw new IllegalStateException(fn.name());
        }
    }

    // TRIM(BOTH chars FROM s): Calcite passes the flag, then the characters, then the string.
    private Object trim(Row row, String chars) {
        Object target = args[1].eval(row);
        if (target == null) {
            return null;
        }
        String s = target.toString();
        int begin = 0;
        int end = s.length();
        if (fn != Fn.TRIM_TRAILING) {
            while (begin < end && chars.indexOf(s.charAt(begin)) >= 0) {
                begin++;
            }
        }
        if (fn != Fn.TRIM_LEADING) {
            while (end > begin && chars.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(begin, end);
    }

    /** SQL LIKE with {@code %} and {@code _} as a Java regular expression. */
    static Pattern likeToRegex(String like) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
