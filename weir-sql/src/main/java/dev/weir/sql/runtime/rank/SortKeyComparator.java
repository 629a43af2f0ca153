package dev.weir.sql.runtime.rank;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import java.io.Serializable;
import java.util.Comparator;

/**
 * Orders rows by an ORDER BY's keys: each key ascending or descending, with NULL first or last (Flink's default:
 * NULLs first when ascending, last when descending).
 */
public final class SortKeyComparator implements Comparator<Row>, Serializable {
    private static final long serialVersionUID = 1L;

    private final Expr[] keys;
    private final boolean[] descending;
    private final boolean[] nullsFirst;

    public SortKeyComparator(Expr[] keys, boolean[] descending, boolean[] nullsFirst) {
        this.keys = keys.clone();
        this.descending = descending.clone();
        this.nullsFirst = nullsFirst.clone();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int compare(Row a, Row b) {
        for (int i = 0; i < keys.length; i++) {
            Object x = keys[i].eval(a);
            Object y = keys[i].eval(b);
            int c;
            if (x == null || y == null) {
                c = x == y ? 0 : (x == null) == nullsFirst[i] ? -1 : 1;
            } else {
                c = ((Comparable) x).compareTo(y);
                if (descending[i]) {
                    c = -c;
                }
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
