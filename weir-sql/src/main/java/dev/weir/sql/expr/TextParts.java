package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Flink's functions that take a part out of a string: {@code REGEXP_EXTRACT(s, regex [, group])} (the group of the
 * first match, 0 for the whole match, the default; NULL without a match or for a group that did not take part) and
 * {@code SPLIT_INDEX(s, separator, index)} (the index-th piece, from 0, of {@code s} split at every occurrence of
 * {@code separator}, empty pieces kept; NULL past the last piece). NULL arguments give NULL. A literal regex is
 * compiled once.
 */
final class TextParts extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn { REGEXP_EXTRACT, SPLIT_INDEX }

    private final Fn fn;
    private final Expr[] args;
    private final Pattern constantPattern;

    TextParts(Fn fn, Expr[] args, Pattern constantPattern) {
        this.fn = fn;
        this.args = args;
        this.constantPattern = constantPattern;
    }

    @Override
    public Object eval(Row row) {
        Object s = args[0].eval(row);
        Object second = args[1].eval(row);
        if (s == null || second == null) {
            return null;
        }
        Object third = args.length > 2 ? args[2].eval(row) : Integer.valueOf(0);
        if (third == null) {
            return null;
        }
        int index = ((Number) third).intValue();
        return fn == Fn.REGEXP_EXTRACT ? extract(s.toString(), second.toString(), index)
                : splitIndex(s.toString(), second.toString(), index);
    }

    private Object extract(String s, String regex, int group) {
        Pattern p = constantPattern;
        try {
            if (p == null) {
                p = Pattern.compile(regex);
            }
            Matcher m = p.matcher(s);
            return m.find() && group >= 0 && group <= m.groupCount() ? m.group(group) : null;
        } catch (PatternSyntaxException e) {
            return null; // as Flink: an invalid pattern gives NULL
        }
    }

    static String splitIndex(String s, String separator, int index) {
        if (index < 0 || separator.isEmpty()) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (true) {
            int at = s.indexOf(separator, from);
            if (at < 0) {
                pieces.add(s.substring(from));
                break;
            }
            pieces.add(s.substring(from, at));
            from = at + separator.length();
        }
        return index < pieces.size() ? pieces.get(index) : null;
    }
}
