package dev.weir.plan.aggregation;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.common.typeinfo.TypeInformation;
import dev.weir.api.java.functions.KeySelector;
import dev.weir.api.java.tuple.Tuple;
import dev.weir.api.java.tuple.Tuple1;
import dev.weir.api.java.tuple.Tuple2;
import dev.weir.api.java.tuple.Tuple3;
import java.util.Objects;

/**
 * The key selector behind Flink 1.x's {@code keyBy(int...)} and {@code keyBy(String...)}: the key is a tuple of the
 * addressed fields' values, in the order given ({@code Tuple1} for one field), as Flink's. Fields are tuple
 * positions, field expressions ({@code "f0"}, {@code "word"}, {@code "user.id"}) or position 0 / {@code "*"} for a
 * basic value, resolved by Flink's rules. {@link #validateFor} checks a known record type when the job is built;
 * otherwise a wrong field fails on the first record, with the same message.
 */
public final class FieldKeySelector<T> implements KeySelector<T, Tuple> {
    private static final long serialVersionUID = 1L;

    private final Field[] fields;
    private transient Class<?> boundClass;
    private transient FieldPath[] paths;

    private FieldKeySelector(Field[] fields) {
        this.fields = fields;
    }

    /** Keys by tuple positions ({@code keyBy(0, 2)}), or by the value itself with position 0 for basic values. */
    public static <T> FieldKeySelector<T> byPositions(int... positions) {
        Objects.requireNonNull(positions, "keyBy: the field positions must not be null");
        if (positions.length == 0) {
            throw new IllegalArgumentException("keyBy(int...) needs at least one field position, e.g. keyBy(0)");
        }
        Field[] fields = new Field[positions.length];
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] < 0) {
                throw new InvalidProgramException("keyBy(" + positions[i] + "): a field position must be 0 or more");
            }
            fields[i] = new Field(positions[i], null);
        }
        return new FieldKeySelector<>(fields);
    }

    /** Keys by field expressions ({@code keyBy("word")}, {@code keyBy("f0", "user.id")}). */
    public static <T> FieldKeySelector<T> byNames(String... expressions) {
        Objects.requireNonNull(expressions, "keyBy: the field expressions must not be null");
        if (expressions.length == 0) {
            throw new IllegalArgumentException("keyBy(String...) needs at least one field expression, e.g. keyBy(\"word\")");
        }
        Field[] fields = new Field[expressions.length];
        for (int i = 0; i < expressions.length; i++) {
            String e = expressions[i];
            if (e == null || e.isBlank()) {
                throw new InvalidProgramException("keyBy: field expression " + i + " is " + (e == null ? "null" : "blank")
                        + "; name a field such as \"word\" or \"f0\"");
            }
            fields[i] = new Field(-1, e.trim());
        }
        return new FieldKeySelector<>(fields);
    }

    /**
     * Checks now, before any record flows, that records of {@code recordType} have every field.
     *
     * @return this selector
     * @throws InvalidProgramException naming the field, the type and the fields it has
     */
    public FieldKeySelector<T> validateFor(TypeInformation<?> recordType) {
        Objects.requireNonNull(recordType, "recordType");
        for (Field f : fields) {
            FieldPathResolver.resolveStatically(f, recordType.getTypeClass(), recordType);
        }
        return this;
    }

    @Override
    public Tuple getKey(T value) {
        if (value.getClass() != boundClass) {
            bind(value);
        }
        FieldPath[] bound = paths;
        Tuple key = newKey(bound.length);
        for (int i = 0; i < bound.length; i++) {
            Object field = bound[i].get(value);
            if (field == null) {
                throw new NullPointerException(fields[i] + " on " + value.getClass().getName() + ": field "
                        + bound[i].expression() + " is null in a record; a key field needs a value in every record");
            }
            key.setField(field, i);
        }
        return key;
    }

    private void bind(Object record) {
        FieldPath[] resolved = new FieldPath[fields.length];
        for (int i = 0; i < fields.length; i++) {
            resolved[i] = FieldPathResolver.resolveForRecord(fields[i], record);
        }
        paths = resolved;
        boundClass = record.getClass();
    }

    private static Tuple newKey(int arity) {
        switch (arity) {
            case 1: return new Tuple1<>();
            case 2: return new Tuple2<>();
            case 3: return new Tuple3<>();
            default: return Tuple.newInstance(arity);
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("keyBy(");
        for (int i = 0; i < fields.length; i++) {
            out.append(i == 0 ? "" : ", ").append(fields[i].address());
        }
        return out.append(')').toString();
    }

    /** One key field: a position or a field expression. */
    private record Field(int position, String expression) implements FieldReference, java.io.Serializable {
        @Override
        public int fieldPosition() {
            return position;
        }

        @Override
        public String fieldExpression() {
            return expression;
        }

        @Override
        public String kindName() {
            return "keyBy";
        }

        @Override
        public AggregationType aggregationType() {
            return null;
        }

        String address() {
            return expression == null ? String.valueOf(position) : '"' + expression + '"';
        }

        @Override
        public String toString() {
            return "keyBy(" + address() + ")";
        }
    }
}
