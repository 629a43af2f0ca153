package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Flink's ARRAY functions over Weir SQL's arrays ({@code Object[]} of internal values): the value constructor
 * {@code ARRAY[..]}, {@code a[i]} (1-based; NULL out of range), CARDINALITY, ELEMENT, ARRAY_APPEND, ARRAY_PREPEND,
 * ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_POSITION, ARRAY_REMOVE, ARRAY_REVERSE, ARRAY_SLICE, ARRAY_SORT, ARRAY_UNION,
 * ARRAY_CONCAT, ARRAY_EXCEPT, ARRAY_INTERSECT, ARRAY_MAX, ARRAY_MIN and ARRAY_JOIN. A NULL array gives NULL (and
 * ARRAY_POSITION of a NULL element too, while ARRAY_CONTAINS finds a NULL element); elements
 * compare by value (NULL equals NULL, numbers of different classes by their value), as Flink's do. Results are new
 * arrays: an array value is never changed in place, since a row may hold it twice.
 */
final class ArrayCalls extends Expr {
    private static final long serialVersionUID = 1L;
    private static final Object[] EMPTY = new Object[0];

    enum Fn {
        VALUE, ITEM, CARDINALITY, ELEMENT, ARRAY_APPEND, ARRAY_PREPEND, ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_POSITION,
        ARRAY_REMOVE, ARRAY_REVERSE, ARRAY_SLICE, ARRAY_SORT, ARRAY_UNION, ARRAY_CONCAT, ARRAY_EXCEPT, ARRAY_INTERSECT,
        ARRAY_MAX, ARRAY_MIN, ARRAY_JOIN
    }

    private final Fn fn;
    private final Expr[] args;

    ArrayCalls(Fn fn, Expr[] args) {
        this.fn = fn;
        this.args = args;
    }

    /** The call of the array function {@code name}, or null when it is none of them. */
    static Expr of(String name, Expr[] args) {
        if (!name.startsWith("ARRAY_")) {
            return null;
        }
        try {
            return new ArrayCalls(Fn.valueOf(name), args);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Object eval(Row row) {
        if (fn == Fn.VALUE) {
            Object[] values = new Object[args.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = args[i].eval(row);
            }
            return values;
        }
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        if (fn == Fn.CARDINALITY && a instanceof java.util.Map) {
            return ((java.util.Map<?, ?>) a).size();
        }
        Object[] array = (Object[]) a;
        switch (fn) {
            case CARDINALITY:
                return array.length;
            case ELEMENT:
                if (array.length > 1) {
                    throw new IllegalArgumentException("ELEMENT of an array with more than one element: "
                            + Arrays.deepToString(array));
                }
                return array.length == 0 ? null : array[0];
            case ARRAY_DISTINCT:
                return distinct(array, EMPTY);
            case ARRAY_REVERSE: {
                Object[] out = new Object[array.length];
                for (int i = 0; i < array.length; i++) {
                    out[i] = array[array.length - 1 - i];
                }
                return out;
            }
            case ARRAY_MAX:
            case ARRAY_MIN:
                return extreme(array, fn == Fn.ARRAY_MAX);
            case ARRAY_CONCAT:
                return concat(array, row);
            case ARRAY_SORT:
                return sort(array, row);
            case ARRAY_SLICE:
                return slice(array, row);
            case ARRAY_JOIN:
                return join(array, row);
            default:
                break;
        }
        Object b = args[1].eval(row);
        switch (fn) {
            case ITEM: {
                if (b == null) {
                    return null;
                }
                long i = ((Number) b).longValue();
                return i >= 1 && i <= array.length ? array[(int) i - 1] : null;
            }
            case ARRAY_APPEND: {
                Object[] out = Arrays.copyOf(array, array.length + 1);
                out[array.length] = b;
                return out;
            }
            case ARRAY_PREPEND: {
                Object[] out = new Object[array.length + 1];
                out[0] = b;
                System.arraycopy(array, 0, out, 1, array.length);
                return out;
            }
            case ARRAY_CONTAINS:
                return indexOf(array, b) >= 0;
            case ARRAY_POSITION:
                return b == null ? null : indexOf(array, b) + 1;
            case ARRAY_REMOVE: {
                List<Object> kept = new ArrayList<>(array.length);
                for (Object e : array) {
                    if (!same(e, b)) {
                        kept.add(e);
                    }
                }
                return kept.toArray();
            }
            default:
                break;
        }
        if (b == null) {
            return null;
        }
        Object[] other = (Object[]) b;
        switch (fn) {
            case ARRAY_UNION: {
                Object[] both = Arrays.copyOf(array, array.length + other.length);
                System.arraycopy(other, 0, both, array.length, other.length);
                return distinct(both, EMPTY);
            }
            case ARRAY_EXCEPT:
                return distinct(array, other);
            default: {
                List<Object> common = new ArrayList<>();
                for (Object e : array) {
                    if (indexOf(other, e) >= 0 && indexOf(common, e) < 0) {
                        common.add(e);
                    }
                }
                return common.toArray();
            }
        }
    }

    /** Whether two elements are equal as SQL values, NULL equal to NULL. */
    static boolean same(Object x, Object y) {
        if (x == null || y == null) {
            return x == y;
        }
        if (x instanceof Object[] && y instanceof Object[]) {
            return Arrays.deepEquals((Object[]) x, (Object[]) y);
        }
        if (x.getClass() == y.getClass() || x instanceof Number && y instanceof Number) {
            return x.equals(y) || x instanceof Comparable && Comparison.compare(x, y) == 0;
        }
        return x.equals(y);
    }

    private static int indexOf(Object[] array, Object e) {
        return indexOf(Arrays.asList(array), e);
    }

    private static int indexOf(List<Object> list, Object e) {
        for (int i = 0; i < list.size(); i++) {
            if (same(list.get(i), e)) {
                return i;
            }
        }
        return -1;
    }

    // The elements of array not in excluded, each once, in their first places.
    private static Object[] distinct(Object[] array, Object[] excluded) {
        List<Object> kept = new ArrayList<>(array.length);
        for (Object e : array) {
            if (indexOf(kept, e) < 0 && indexOf(excluded, e) < 0) {
                kept.add(e);
            }
        }
        return kept.toArray();
    }

    private static Object extreme(Object[] array, boolean max) {
        Object best = null;
        for (Object e : array) {
            if (e != null && (best == null || (max ? Comparison.compare(e, best) > 0 : Comparison.compare(e, best) < 0))) {
                best = e;
            }
        }
        return best;
    }

    private Object concat(Object[] first, Row row) {
        List<Object> all = new ArrayList<>(Arrays.asList(first));
        for (int i = 1; i < args.length; i++) {
            Object next = args[i].eval(row);
            if (next == null) {
                return null;
            }
            all.addAll(Arrays.asList((Object[]) next));
        }
        return all.toArray();
    }

    // ARRAY_SORT(array [, ascending [, nullsFirst]]): NULLs first when ascending, last when descending, by default.
    private Object sort(Object[] array, Row row) {
        boolean ascending = true;
        if (args.length > 1) {
            Object asc = args[1].eval(row);
            if (asc == null) {
                return null;
            }
            ascending = (Boolean) asc;
        }
        boolean nullsFirst = ascending;
        if (args.length > 2) {
            Object first = args[2].eval(row);
            if (first == null) {
                return null;
            }
            nullsFirst = (Boolean) first;
        }
        Comparator<Object> order = ascending ? Comparison::compare : (x, y) -> Comparison.compare(y, x);
        Object[] out = array.clone();
        Arrays.sort(out, nullsFirst ? Comparator.nullsFirst(order) : Comparator.nullsLast(order));
        return out;
    }

    // ARRAY_SLICE(array, start [, end]): 1-based and inclusive, a negative offset counted from the end, 0 as 1.
    private Object slice(Object[] array, Row row) {
        Object start = args[1].eval(row);
        Object end = args.length > 2 ? args[2].eval(row) : Integer.valueOf(array.length);
        if (start == null || end == null) {
            return null;
        }
        if (array.length == 0) {
            return array;
        }
        long from = ((Number) start).longValue();
        long to = ((Number) end).longValue();
        from += from < 0 ? array.length + 1 : 0;
        to += to < 0 ? array.length + 1 : 0;
        from = Math.max(1, from);
        to = to == 0 ? 1 : Math.min(to, array.length);
        return to < from ? EMPTY : Arrays.copyOfRange(array, (int) from - 1, (int) to);
    }

    private Object join(Object[] array, Row row) {
        Object delimiter = args[1].eval(row);
        if (delimiter == null) {
            return null;
        }
        String nullReplacement = null;
        if (args.length > 2) {
            Object replacement = args[2].eval(row);
            if (replacement == null) {
                return null;
            }
            nullReplacement = replacement.toString();
        }
        StringBuilder sb = new StringBuilder();
        boolean first = true;
        for (Object e : array) {
            if (e == null && nullReplacement == null) {
                continue;
            }
            if (!first) {
                sb.append(delimiter);
            }
            sb.append(e == null ? nullReplacement : e);
            first = false;
        }
        return sb.toString();
    }
}
