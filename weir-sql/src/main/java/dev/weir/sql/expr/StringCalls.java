package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Flink's string functions beyond {@link Strings}: REPLACE, LPAD, RPAD, INITCAP, REVERSE, REPEAT, LEFT, RIGHT, LOCATE,
 * INSTR, REGEXP, REGEXP_REPLACE, ASCII, CHR, TO_BASE64, FROM_BASE64, MD5, SHA1, SHA256, OVERLAY and CONCAT_WS; LTRIM
 * and RTRIM compile to {@link Strings}' TRIM of spaces. A NULL argument gives NULL, except CONCAT_WS, which skips NULL
 * strings (NULL only for a NULL separator), as in Flink. A literal regular expression is compiled once; an invalid one gives NULL, as in Flink.
 */
final class StringCalls extends Expr {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    enum Fn {
        REPLACE, LPAD, RPAD, INITCAP, REVERSE, REPEAT, LEFT, RIGHT, LOCATE, INSTR, REGEXP, REGEXP_REPLACE,
        ASCII, CHR, TO_BASE64, FROM_BASE64, MD5, SHA1, SHA256, OVERLAY, CONCAT_WS
    }

    private final Fn fn;
    private final Expr[] args;
    private final Pattern constantPattern;

    private StringCalls(Fn fn, Expr[] args, Pattern constantPattern) {
        this.fn = fn;
        this.args = args;
        this.constantPattern = constantPattern;
    }

    /**
     * The call of the string function {@code name}, or null when {@code name} is not one; {@code regex} is the
     * literal pattern of REGEXP or REGEXP_REPLACE, when it is one.
     */
    static Expr of(String name, Expr[] args, String regex) {
        if (name.equals("LTRIM") || name.equals("RTRIM")) {
            // TRIM(LEADING | TRAILING ' ' FROM s), which Strings already runs.
            return new Strings(name.equals("LTRIM") ? Strings.Fn.TRIM_LEADING : Strings.Fn.TRIM_TRAILING,
                    new Expr[] {new Leaf.Constant(" "), args[0]}, null);
        }
        Fn fn;
        try {
            fn = Fn.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // An invalid literal pattern is compiled again per row, where it gives NULL, as Flink's does.
        Pattern p = regex != null && (fn == Fn.REGEXP || fn == Fn.REGEXP_REPLACE) ? compiled(regex) : null;
        return new StringCalls(fn, args, p);
    }

    @Override
    public Object eval(Row row) {
        if (fn == Fn.CONCAT_WS) {
            return concatWs(row);
        }
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        Object b = null;
        Object c = null;
        if (args.length > 1 && (b = args[1].eval(row)) == null) {
            return null;
        }
        if (args.length > 2 && (c = args[2].eval(row)) == null) {
            return null;
        }
        switch (fn) {
            case ASCII: {
                // Flink's ASCII is the first UTF-8 byte, signed: -26 for '日'.
                String s = a.toString();
                return s.isEmpty() ? 0 : (int) s.substring(0, Character.charCount(s.codePointAt(0)))
                        .getBytes(StandardCharsets.UTF_8)[0];
            }
            case CHR: {
                int code = ((Number) a).intValue();
                return code < 0 ? "" : String.valueOf((char) (code & 0xFF));
            }
            default:
                return text(a.toString(), b, c, row);
        }
    }

    private Object text(String s, Object b, Object c, Row row) {
        switch (fn) {
            case REPLACE: {
                String search = b.toString();
                return search.isEmpty() ? s : s.replace(search, c.toString());
            }
            case LPAD:
            case RPAD:
                return pad(s, ((Number) b).intValue(), c.toString());
            case INITCAP:
                return initCap(s);
            case REVERSE:
                return new StringBuilder(s).reverse().toString();
            case REPEAT: {
                int n = ((Number) b).intValue();
                return n <= 0 ? "" : s.repeat(n);
            }
            case LEFT: {
                int n = ((Number) b).intValue();
                return n <= 0 ? "" : s.substring(0, Math.min(n, s.length()));
            }
            case RIGHT: {
                int n = ((Number) b).intValue();
                return n <= 0 ? "" : s.substring(Math.max(0, s.length() - n));
            }
            case LOCATE: {
                // LOCATE(needle, haystack [, from]): 1-based, 0 when absent.
                int from = c == null ? 1 : ((Number) c).intValue();
                if (from < 1) {
                    return 0;
                }
                return b.toString().indexOf(s, from - 1) + 1;
            }
            case INSTR:
                return s.indexOf(b.toString()) + 1;
            case REGEXP: {
                Pattern p = pattern(b.toString());
                return p == null ? null : p.matcher(s).find();
            }
            case REGEXP_REPLACE: {
                Pattern p = pattern(b.toString());
                if (p == null) {
                    return null;
                }
                // The replacement is literal text in Flink ('$1' stays '$1').
                return p.matcher(s).replaceAll(Matcher.quoteReplacement(c.toString()));
            }
            case TO_BASE64:
                return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
            case FROM_BASE64:
                try {
                    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            case MD5:
                return digest("MD5", s);
            case SHA1:
                return digest("SHA-1", s);
            case SHA256:
                return digest("SHA-256", s);
            case OVERLAY:
                return overlay(s, b.toString(), ((Number) c).intValue(), row);
            default:
                throw new IllegalStateException(fn.name());
        }
    }

    private Pattern pattern(String regex) {
        return constantPattern != null ? constantPattern : compiled(regex);
    }

    /** The compiled regular expression, or null when it is invalid (Flink's regular-expression functions give NULL). */
    static Pattern compiled(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private Object pad(String s, int length, String padding) {
        if (length < 0 || (padding.isEmpty() && length > s.length())) {
            return null;
        }
        if (length <= s.length()) {
            return s.substring(0, length);
        }
        StringBuilder fill = new StringBuilder(length);
        int missing = length - s.length();
        for (int i = 0; i < missing; i++) {
            fill.append(padding.charAt(i % padding.length()));
        }
        return fn == Fn.LPAD ? fill.append(s).toString() : s + fill;
    }

    // The first letter of each word upper case, the rest lower case, as Flink's INITCAP: only ASCII letters and digits
    // make words (and only ASCII letters change case); any other character ends a word.
    private static String initCap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean lower = ch >= 'a' && ch <= 'z';
            boolean upper = ch >= 'A' && ch <= 'Z';
            boolean wordChar = lower || upper || (ch >= '0' && ch <= '9');
            if (start && lower) {
                ch = (char) (ch - 32);
            } else if (!start && upper) {
                ch = (char) (ch + 32);
            }
            start = !wordChar;
            sb.append(ch);
        }
        return sb.toString();
    }

    // OVERLAY(s PLACING r FROM start [FOR length]), length defaulting to r's length, as Flink 2.3 runs it: a start
    // outside s (below 1 or past its last character) leaves s unchanged, and a length of 0 or less drops the rest of s.
    private Object overlay(String s, String replacement, int start, Row row) {
        int length = replacement.length();
        if (args.length > 3) {
            Object l = args[3].eval(row);
            if (l == null) {
                return null;
            }
            length = ((Number) l).intValue();
        }
        if (start < 1 || start > s.length()) {
            return s;
        }
        String rest = length <= 0 ? "" : s.substring((int) Math.min(s.length(), (long) start - 1 + length));
        return s.substring(0, start - 1) + replacement + rest;
    }

    private Object concatWs(Row row) {
        Object separator = args[0].eval(row);
        if (separator == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (int i = 1; i < args.length; i++) {
            Object v = args[i].eval(row);
            if (v != null) {
                if (!first) {
                    sb.append(separator);
                }
                sb.append(v);
                first = false;
            }
        }
        return sb.toString();
    }

    /** The digest of s's UTF-8 bytes by {@code algorithm}, as lower-case hex. */
    static String digest(String algorithm, String s) {
        try {
            byte[] hash = MessageDigest.getInstance(algorithm).digest(s.getBytes(StandardCharsets.UTF_8));
            char[] out = new char[hash.length * 2];
            for (int i = 0; i < hash.length; i++) {
                out[2 * i] = HEX[(hash[i] >> 4) & 0xF];
                out[2 * i + 1] = HEX[hash[i] & 0xF];
            }
            return new String(out);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
