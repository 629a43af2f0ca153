package dev.weir.plan.aggregation;

/**
 * A resolved field address inside records of one class: the steps from the record to the field, and the copiers
 * that let a result be written without touching the user's record. No steps means the record is the field.
 */
final class FieldPath {
    private final Class<?> rootClass;
    private final FieldStep[] steps;
    private final RecordCopier[] copiers;
    private final Class<?> leafType;
    private final String expression;

    /**
     * @param copiers  one per step, copying the object that step reads from; {@code null} for read-only paths
     * @param leafType the declared type of the field ({@code Object} when erased)
     */
    FieldPath(Class<?> rootClass, FieldStep[] steps, RecordCopier[] copiers, Class<?> leafType) {
        this.rootClass = rootClass;
        this.steps = steps;
        this.copiers = copiers;
        this.leafType = leafType;
        this.expression = expressionOf(steps);
    }

    Class<?> rootClass() {
        return rootClass;
    }

    Class<?> leafType() {
        return leafType;
    }

    /** How the field reads in messages: {@code f1}, {@code 'price'}, {@code 'order.amount'} or {@code the value}. */
    String expression() {
        return expression;
    }

    /** The field's value in {@code record}. */
    Object get(Object record) {
        Object current = record;
        FieldStep[] path = steps;
        int last = path.length - 1;
        for (int i = 0; i <= last; i++) {
            current = path[i].get(current);
            if (current == null && i < last) {
                throw new NullPointerException("field " + expressionOf(path, i + 1) + " of a " + rootClass.getName()
                    + " is null, so " + expression + " cannot be read: aggregations need every record to reach "
                    + "the field");
            }
        }
        return current;
    }

    /** A copy of {@code record} whose field is {@code fieldValue}; everything on the path to the field is copied. */
    Object copyWith(Object record, Object fieldValue) {
        FieldStep[] path = steps;
        if (path.length == 0) {
            return fieldValue;
        }
        Object root = copiers[0].copy(record);
        Object holder = root;
        int last = path.length - 1;
        for (int i = 0; i < last; i++) {
            Object child = copiers[i + 1].copy(path[i].get(holder));
            path[i].set(holder, child);
            holder = child;
        }
        path[last].set(holder, fieldValue);
        return root;
    }

    private static String expressionOf(FieldStep[] steps) {
        return expressionOf(steps, steps.length);
    }

    private static String expressionOf(FieldStep[] steps, int length) {
        if (length == 0) {
            return "the value";
        }
        if (length == 1 && steps[0] instanceof TupleFieldStep) {
            return steps[0].name();
        }
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < length; i++) {
            out.append(i == 0 ? "" : ".").append(steps[i].name());
        }
        return out.append('\'').toString();
    }
}
