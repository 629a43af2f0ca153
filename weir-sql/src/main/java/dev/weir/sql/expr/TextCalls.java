package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flink's text functions beyond {@link StringCalls}: TRANSLATE(s, from, to), ELT(n, e1, ...), PRINTF(format, ...),
 * REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR and REGEXP_EXTRACT_ALL (an invalid regular expression gives NULL),
 * PARSE_URL(url, part [, key]) (HOST, PATH, QUERY, REF, PROTOCOL, FILE, AUTHORITY, USERINFO), STARTSWITH, ENDSWITH,
 * BTRIM(s [, characters]) and SPLIT(s, delimiter). A NULL argument gives NULL, except ELT's and PRINTF's values. A
 * literal regular expression is compiled once.
 */
final class TextCalls extends Expr {
    private static final long serialVersionUID = 1L;
    private static final String[] NO_STRINGS = new String[0];

    enum Fn {
        TRANSLATE, ELT, PRINTF, REGEXP_COUNT, REGEXP_INSTR, REGEXP_SUBSTR, REGEXP_EXTRACT_ALL, PARSE_URL, STARTSWITH,
        ENDSWITH, BTRIM, SPLIT
    }

    private final Fn fn;
    private final Expr[] args;
    private final Pattern constantPattern; // the literal second argument as a pattern, when it is one and compiles
    private transient QueryKey lastKey; // PARSE_URL's last query parameter

    private TextCalls(Fn fn, Expr[] args, Pattern constantPattern) {
        this.fn = fn;
        this.args = args;
        this.constantPattern = constantPattern;
    }

    /** The call of {@code name}, or null when it is not one of these; {@code second}: the literal second argument. */
    static Expr of(String name, Expr[] args, Object second) {
        Fn fn;
        try {
            fn = Fn.valueOf(name.equals("TRANSLATE3") ? "TRANSLATE" : name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Pattern p = second instanceof String && fn.name().startsWith("REGEXP") ? StringCalls.compiled((String) second) : null;
        return new TextCalls(fn, args, p);
    }

    @Override
    public Object eval(Row row) {
        if (fn == Fn.ELT) {
            return elt(row);
        }
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        if (fn == Fn.PRINTF) {
            return printf(a.toString(), row);
        }
        String s = a.toString();
        if (fn == Fn.BTRIM && args.length == 1) {
            return trim(s, " ");
        }
        Object b = args[1].eval(row);
        if (b == null) {
            return null;
        }
        switch (fn) {
            case STARTSWITH:
                return s.startsWith(b.toString());
            case ENDSWITH:
                return s.endsWith(b.toString());
            case BTRIM:
                return trim(s, b.toString());
            case SPLIT:
                return split(s, b.toString());
            case PARSE_URL:
                return parseUrl(s, b.toString(), row);
            default:
                break;
        }
        Object c = args.length > 2 ? args[2].eval(row) : null;
        if (args.length > 2 && c == null) {
            return null;
        }
        if (fn == Fn.TRANSLATE) {
            return translate(s, b.toString(), c.toString());
        }
        Pattern p = pattern(b.toString());
        if (p == null) {
            return null;
        }
        switch (fn) {
            case REGEXP_COUNT: {
                Matcher m = p.matcher(s);
                int n = 0;
                while (m.find()) {
                    n++;
                }
                return n;
            }
            case REGEXP_INSTR: {
                Matcher m = p.matcher(s);
                return m.find() ? m.start() + 1 : 0;
            }
            case REGEXP_SUBSTR: {
                Matcher m = p.matcher(s);
                return m.find() ? m.group() : null;
            }
            default:
                return extractAll(s, p, c == null ? 1 : ((Number) c).intValue());
        }
    }

    private Pattern pattern(String regex) {
        return constantPattern != null ? constantPattern : StringCalls.compiled(regex);
    }

    private Object elt(Row row) {
        Object index = args[0].eval(row);
        if (index == null) {
            return null;
        }
        long n = ((Number) index).longValue();
        return n < 1 || n >= args.length ? null : args[(int) n].eval(row);
    }

    private Object printf(String format, Row row) {
        Object[] values = new Object[args.length - 1];
        for (int i = 1; i < args.length; i++) {
            values[i - 1] = args[i].eval(row);
        }
        try {
            return String.format(format, values);
        } catch (IllegalFormatException e) {
            return null;
        }
    }

    // Each character of s found in from becomes the character at the same place in to, or goes when to is shorter.
    private static String translate(String s, String from, String to) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            int at = from.indexOf(ch);
            if (at < 0) {
                sb.append(ch);
            } else if (at < to.length()) {
                sb.append(to.charAt(at));
            }
        }
        return sb.toString();
    }

    private static String trim(String s, String characters) {
        int begin = 0;
        int end = s.length();
        while (begin < end && characters.indexOf(s.charAt(begin)) >= 0) {
            begin++;
        }
        while (end > begin && characters.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(begin, end);
    }

    private static String[] split(String s, String delimiter) {
        if (s.isEmpty()) {
            return NO_STRINGS;
        }
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            for (int i = 0; i < s.length(); i++) {
                parts.add(String.valueOf(s.charAt(i)));
            }
        } else {
            int from = 0;
            for (int at = s.indexOf(delimiter); at >= 0; at = s.indexOf(delimiter, from)) {
                parts.add(s.substring(from, at));
                from = at + delimiter.length();
            }
            parts.add(s.substring(from));
        }
        return parts.toArray(NO_STRINGS);
    }

    private static String[] extractAll(String s, Pattern p, int group) {
        Matcher m = p.matcher(s);
        if (group < 0 || group > m.groupCount()) {
            return null;
        }
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(group));
        }
        return found.toArray(NO_STRINGS);
    }

    // The pattern of a query parameter, kept for the next row (the key is most often a literal).
    private Pattern keyPattern(String key) {
        QueryKey last = lastKey;
        if (last == null || !last.key.equals(key)) {
            last = new QueryKey(key, Pattern.compile("(&|^)" + Pattern.quote(key) + "=([^&]*)"));
            lastKey = last;
        }
        return last.pattern;
    }

    /** A query parameter's name and the pattern that finds its value (immutable, swapped whole). */
    private record QueryKey(String key, Pattern pattern) {
    }

    private Object parseUrl(String s, String part, Row row) {
        URL url;
        try {
            url = new URL(s);
        } catch (MalformedURLException e) {
            return null;
        }
        switch (part) {
            case "HOST":
                return url.getHost();
            case "PATH":
                return url.getPath();
            case "QUERY": {
                String query = url.getQuery();
                if (args.length < 3 || query == null) {
                    return query;
                }
                Object key = args[2].eval(row);
                if (key == null) {
                    return null;
                }
                Matcher m = keyPattern(key.toString()).matcher(query);
                return m.find() ? m.group(2) : null;
            }
            case "REF":
                return url.getRef();
            case "PROTOCOL":
                return url.getProtocol();
            case "FILE":
                return url.getFile();
            case "AUTHORITY":
                return url.getAuthority();
            case "USERINFO":
                return url.getUserInfo();
            default:
                return null;
        }
    }
}
