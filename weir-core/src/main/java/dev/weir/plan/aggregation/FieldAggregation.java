package dev.weir.plan.aggregation;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.functions.ReduceFunction;
import dev.weir.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/**
 * The reduce behind {@code KeyedStream.sum/min/max/minBy/maxBy}, with Flink's semantics. The field is a tuple
 * position ({@code sum(1)}), a field expression ({@code sum("f1")}, {@code sum("price")}, {@code sum("order.amount")}),
 * or position 0 / {@code "*"} when the records are basic values such as {@code Integer}.
 * <ul>
 *   <li>{@code sum}: adds the field (Integer, Long, Short, Byte, Float, Double, BigInteger, BigDecimal); every other
 *       field is the accumulated element's, i.e. the first element's of the key.</li>
 *   <li>{@code min}/{@code max}: like {@code sum}, but keeps the smallest/largest value of the field.</li>
 *   <li>{@code minBy}/{@code maxBy}: the whole element with the smallest/largest value; on a tie the earlier
 *       element when {@code first} is true (the default), else the later one.</li>
 * </ul>
 * User records are never modified: a result with a changed field is written into a shallow copy (a tuple's
 * {@code copy()}, or a POJO made by its no-argument constructor). The field is looked up once per record class and
 * read through cached method handles. {@link #validateFor(Class)} checks a known record type up front; otherwise
 * a wrong field fails on the first record, with a message naming the field, the type and the fields it has.
 */
public final class FieldAggregation<T> implements ReduceFunction<T>, FieldReference {
    private static final long serialVersionUID = 1L;

    private final AggregationType type;
    private final int position;
    private final String field;
    private final boolean first;
    private transient Binding binding;

    private FieldAggregation(AggregationType type, int position, String field, boolean first) {
        this.type = type;
        this.position = position;
        this.field = field;
        this.first = first;
    }

    /** Sums the tuple field at {@code position} (or the value itself at position 0 for basic values). */
    public static <T> FieldAggregation<T> sum(int position) {
        return byPosition(AggregationType.SUM, position, true);
    }

    /** Sums the field named by a field expression ({@code "f1"}, {@code "price"}, {@code "order.amount"}). */
    public static <T> FieldAggregation<T> sum(String field) {
        return byName(AggregationType.SUM, field, true);
    }

    /** Keeps the smallest value of the tuple field at {@code position}. */
    public static <T> FieldAggregation<T> min(int position) {
        return byPosition(AggregationType.MIN, position, true);
    }

    /** Keeps the smallest value of the named field. */
    public static <T> FieldAggregation<T> min(String field) {
        return byName(AggregationType.MIN, field, true);
    }

    /** Keeps the largest value of the tuple field at {@code position}. */
    public static <T> FieldAggregation<T> max(int position) {
        return byPosition(AggregationType.MAX, position, true);
    }

    /** Keeps the largest value of the named field. */
    public static <T> FieldAggregation<T> max(String field) {
        return byName(AggregationType.MAX, field, true);
    }

    /** Keeps the element with the smallest value at {@code position}, the earliest one on ties. */
    public static <T> FieldAggregation<T> minBy(int position) {
        return minBy(position, true);
    }

    /**
     * Keeps the element with the smallest value at {@code position}; on ties the earliest if {@code first}, else the
     * latest.
     */
    public static <T> FieldAggregation<T> minBy(int position, boolean first) {
        return byPosition(AggregationType.MINBY, position, first);
    }

    /** Keeps the element with the smallest value of the named field, the earliest one on ties. */
    public static <T> FieldAggregation<T> minBy(String field) {
        return minBy(field, true);
    }

    /**
     * Keeps the element with the smallest value of the named field; on ties the earliest if {@code first}, else the
     * latest.
     */
    public static <T> FieldAggregation<T> minBy(String field, boolean first) {
        return byName(AggregationType.MINBY, field, first);
    }

    /** Keeps the element with the largest value at {@code position}, the earliest one on ties. */
    public static <T> FieldAggregation<T> maxBy(int position) {
        return maxBy(position, true);
    }

    /**
     * Keeps the element with the largest value at {@code position}; on ties the earliest if {@code first}, else the
     * latest.
     */
    public static <T> FieldAggregation<T> maxBy(int position, boolean first) {
        return byPosition(AggregationType.MAXBY, position, first);
    }

    /** Keeps the element with the largest value of the named field, the earliest one on ties. */
    public static <T> FieldAggregation<T> maxBy(String field) {
        return maxBy(field, true);
    }

    /**
     * Keeps the element with the largest value of the named field; on ties the earliest if {@code first}, else the
     * latest.
     */
    public static <T> FieldAggregation<T> maxBy(String field, boolean first) {
        return byName(AggregationType.MAXBY, field, first);
    }

    /**
     * Checks now, before any record flows, that records of {@code recordType} have the field and that this
     * aggregation can work on it. Erased tuple fields are checked on the first record instead.
     *
     * @return this aggregation
     * @throws InvalidProgramException naming the field, the type and the fields it has
     */
    public FieldAggregation<T> validateFor(Class<?> recordType) {
        Objects.requireNonNull(recordType, "recordType");
        return validateFor(TypeInformation.of(recordType));
    }

    /**
     * Like {@link #validateFor(Class)}, with tuple field types taken from the type information, e.g.
     * {@code Types.TUPLE(Types.STRING, Types.INT)}.
     */
    public FieldAggregation<T> validateFor(TypeInformation<?> recordType) {
        Objects.requireNonNull(recordType, "recordType");
        FieldPathResolver.resolveStatically(this, recordType.getTypeClass(), recordType);
        return this;
    }

    public AggregationType getAggregationType() {
        return type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T reduce(T accumulated, T value) {
        Binding bound = binding;
        if (bound == null || accumulated.getClass() != bound.path.rootClass()) {
            bound = bind(accumulated);
        }
        FieldPath path = bound.path;
        Object a = path.get(accumulated);
        Object b = path.get(value);
        if (a == null || b == null) {
            throw new InvalidProgramException(this + " on " + accumulated.getClass().getName() + ": field "
                + path.expression() + " is null in a record; " + kindName() + " needs a value in every record");
        }
        try {
            switch (type) {
                case SUM:
                    return (T) path.copyWith(accumulated, bound.adder.add(a, b));
                case MIN:
                    return compare(a, b) <= 0 ? accumulated : (T) path.copyWith(accumulated, b);
                case MAX:
                    return compare(a, b) >= 0 ? accumulated : (T) path.copyWith(accumulated, b);
                case MINBY: {
                    int c = compare(a, b);
                    return c < 0 || (c == 0 && first) ? accumulated : value;
                }
                default: {
                    int c = compare(a, b);
                    return c > 0 || (c == 0 && first) ? accumulated : value;
                }
            }
        } catch (ClassCastException e) {
            throw new InvalidProgramException(this + " on " + accumulated.getClass().getName() + ": field "
                + path.expression() + " holds a " + a.getClass().getName() + " in one record and a "
                + b.getClass().getName() + " in another, which cannot be " + (type == AggregationType.SUM
                ? "added" : "compared") + " (" + e.getMessage() + "); keep one type per field", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    private Binding bind(Object record) {
        FieldPath path = FieldPathResolver.resolveForRecord(this, record);
        NumericAdder adder = type == AggregationType.SUM ? FieldPathResolver.adderFor(path, path.get(record)) : null;
        Binding bound = new Binding(path, adder);
        binding = bound;
        return bound;
    }

    @Override
    public AggregationType aggregationType() {
        return type;
    }

    /** The position addressed, or -1 when the field is named. */
    @Override
    public int fieldPosition() {
        return position;
    }

    @Override
    public String fieldExpression() {
        return field;
    }

    @Override
    public String kindName() {
        switch (type) {
            case SUM: return "sum";
            case MIN: return "min";
            case MAX: return "max";
            case MINBY: return "minBy";
            default: return "maxBy";
        }
    }

    /** The call as the user wrote it, e.g. {@code sum(1)}, {@code maxBy("price")} or {@code minBy(2, false)}. */
    @Override
    public String toString() {
        String address = field == null ? String.valueOf(position) : '"' + field + '"';
        boolean byElement = type == AggregationType.MINBY || type == AggregationType.MAXBY;
        return kindName() + "(" + address + (byElement && !first ? ", false" : "") + ")";
    }

    private static <T> FieldAggregation<T> byPosition(AggregationType type, int position, boolean first) {
        if (position < 0) {
            throw new IllegalArgumentException("field position must be 0 or more, got " + position);
        }
        return new FieldAggregation<>(type, position, null, first);
    }

    private static <T> FieldAggregation<T> byName(AggregationType type, String field, boolean first) {
        Objects.requireNonNull(field, "field expression");
        if (field.isBlank()) {
            throw new IllegalArgumentException("field expression must name a field, e.g. \"price\" or \"f1\"");
        }
        return new FieldAggregation<>(type, -1, field.trim(), first);
    }

    // One immutable object, so that a binding published by a racing thread is always complete.
    private static final class Binding {
        final FieldPath path;
        final NumericAdder adder;

        Binding(FieldPath path, NumericAdder adder) {
            this.path = path;
            this.adder = adder;
        }
    }
}
