package dev.weir.sql.expr;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;

/**
 * The formatter of the last date-time pattern an expression was asked for. A query's pattern is almost always a literal,
 * so it is parsed once per task instead of once per row; a pattern read from a column is parsed again only when it
 * changes. Holds one entry, so it never grows; the entry is replaced as a whole, so a reader never pairs one pattern
 * with another's formatter.
 */
final class DateTimePatterns implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Flink's default {@code yyyy-MM-dd HH:mm:ss}. */
    static final DateTimeFormatter DEFAULT = DateTimeFormatter.ofPattern(Temporal.DEFAULT_PATTERN);

    private record Entry(String pattern, DateTimeFormatter formatter) {
    }

    // DateTimeFormatter is not serializable: each task parses its pattern again after deserialization.
    private transient Entry last;

    DateTimeFormatter of(String pattern) {
        Entry e = last;
        if (e == null || !e.pattern.equals(pattern)) {
            e = new Entry(pattern, DateTimeFormatter.ofPattern(pattern));
            last = e;
        }
        return e.formatter;
    }
}
