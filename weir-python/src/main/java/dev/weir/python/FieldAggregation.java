package dev.weir.python;

import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.java.tuple.Tuple;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sum}, {@code min}, {@code max}, {@code min_by} and {@code max_by} of one field of a Python stream's tuples,
 * lists or {@code Row}s, in the JVM, with Flink's semantics: {@code sum}/{@code min}/{@code max} give the first record
 * of the key (or window) with the aggregated field replaced; {@code min_by}/{@code max_by} give the whole record with
 * the smallest/largest field, the first of equal ones. The field is a position, or a name for rows with named fields
 * (a position there counts the names).
 */
final class FieldAggregation implements ReduceFunction<Object> {
    private static final long serialVersionUID = 1L;

    /** The aggregate. */
    enum Kind { SUM, MIN, MAX, MIN_BY, MAX_BY }

    private final Kind kind;
    private final int position;
    /** The field's name, or null where the field is given by position. */
    private final String fieldName;
    private final String call;

    FieldAggregation(Kind kind, int position, String fieldName, String call) {
        this.kind = kind;
        this.position = position;
        this.fieldName = fieldName;
        this.call = call;
    }

    @Override
    public Object reduce(Object accumulated, Object value) {
        Keyed a = (Keyed) accumulated;
        Object left = field(a.value());
        Object right = field(((Keyed) value).value());
        if (kind == Kind.MIN_BY) {
            return compare(left, right) > 0 ? value : accumulated;
        }
        if (kind == Kind.MAX_BY) {
            return compare(left, right) < 0 ? value : accumulated;
        }
        return new Keyed(a.key(), withField(a.value(), combine(left, right)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Object left, Object right) {
        if (left instanceof Long l && right instanceof Long r) {
            return Long.compare(l, r);
        }
        if (left instanceof Number l && right instanceof Number r) {
            return Double.compare(l.doubleValue(), r.doubleValue());
        }
        if (left instanceof Comparable c && right != null && left.getClass() == right.getClass()) {
            return c.compareTo(right);
        }
        throw new IllegalArgumentException(call + " compares " + where() + " of the records, but got " + left + " and "
                + right + "; compare numbers or values of one type (str with str), or use reduce(...)");
    }

    private Object combine(Object left, Object right) {
        if (left instanceof Long l && right instanceof Long r) {
            switch (kind) {
                case SUM: return l + r;
                case MIN: return Math.min(l, r);
                default: return Math.max(l, r);
            }
        }
        if (left instanceof Number l && right instanceof Number r) {
            double x = l.doubleValue();
            double y = r.doubleValue();
            switch (kind) {
                case SUM: return x + y;
                case MIN: return Math.min(x, y);
                default: return Math.max(x, y);
            }
        }
        throw new IllegalArgumentException(call + " needs numbers at " + where() + ", but got " + left + " and "
                + right + "; aggregate a numeric field, or use reduce(...) for other values");
    }

    private String where() {
        return fieldName != null ? "the field '" + fieldName + "'" : "position " + position;
    }

    /** The name of the field a name-based row aggregates, or null where it has none. */
    private String nameIn(Row row) {
        List<String> names = new ArrayList<>(row.getFieldNames(false));
        if (fieldName != null) {
            return names.contains(fieldName) ? fieldName : null;
        }
        return position < names.size() ? names.get(position) : null;
    }

    private Object field(Object record) {
        if (record instanceof Row row) {
            if (row.getFieldNames(false) != null) {
                String name = nameIn(row);
                if (name != null) {
                    return row.getField(name);
                }
            } else if (fieldName == null && position < row.getArity()) {
                return row.getField(position);
            }
            throw new IllegalArgumentException(call + " reads " + where() + " of each record, but the row " + record
                    + " has no such field; name a field the rows have (named fields need Row(name=...) records)");
        }
        if (fieldName != null) {
            throw new IllegalArgumentException(call + " reads the field '" + fieldName + "' of each record, but the "
                    + "record " + record + " is not a Row with named fields; aggregate by position, or emit Row(" + fieldName
                    + "=...) records");
        }
        if (record instanceof Tuple t && position < t.getArity()) {
            return t.getField(position);
        }
        if (record instanceof List<?> list && position < list.size()) {
            return list.get(position);
        }
        throw new IllegalArgumentException(call + " reads position " + position + " of each record, but the record "
                + record + " has no such position; aggregate tuples or lists, e.g. map each record to (key, count)");
    }

    @SuppressWarnings("unchecked")
    private Object withField(Object record, Object field) {
        if (record instanceof Row row) {
            Row copy = Row.copy(row);
            if (row.getFieldNames(false) != null) {
                copy.setField(nameIn(row), field);
            } else {
                copy.setField(position, field);
            }
            return copy;
        }
        if (record instanceof Tuple t) {
            Tuple copy = t.copy();
            copy.setField(field, position);
            return copy;
        }
        List<Object> copy = new java.util.ArrayList<>((List<Object>) record);
        copy.set(position, field);
        return copy;
    }
}
