package dev.weir.plan.aggregation;

import dev.weir.api.common.InvalidProgramException;
import dev.weir.api.java.tuple.Tuple;
import dev.weir.api.common.typeinfo.TypeInformation;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the field an aggregation or a key addresses in a record type, following Flink's rules (tuple positions or
 * {@code fN}, POJO field names with dots for nesting, position 0 or {@code *} for a basic value), and checks
 * that the aggregation can work on it. Failures name the aggregation, the type, the field and the fields there are.
 */
final class FieldPathResolver {
    private final FieldReference aggregation;
    private final Class<?> rootClass;
    private final boolean writes;
    private final List<FieldStep> steps = new ArrayList<>();
    private final List<RecordCopier> copiers = new ArrayList<>();

    private FieldPathResolver(FieldReference aggregation, Class<?> rootClass) {
        this.aggregation = aggregation;
        this.rootClass = rootClass;
        AggregationType type = aggregation.aggregationType();
        this.writes = type == AggregationType.SUM || type == AggregationType.MIN || type == AggregationType.MAX;
    }

    /**
     * Resolves against a known type before any record flows.
     *
     * @return the path, or {@code null} when the type leaves the field's class open (erased tuple fields)
     * @throws InvalidProgramException when the field does not exist or the aggregation cannot work on it
     */
    static FieldPath resolveStatically(FieldReference aggregation, Class<?> type, TypeInformation<?> info) {
        return new FieldPathResolver(aggregation, type).resolve(type, info, null);
    }

    /**
     * Resolves against the first record of a class, which also shows the classes of erased fields.
     *
     * @throws InvalidProgramException when the field does not exist or the aggregation cannot work on it
     */
    static FieldPath resolveForRecord(FieldReference aggregation, Object record) {
        return new FieldPathResolver(aggregation, record.getClass()).resolve(record.getClass(), null, record);
    }

    private FieldPath resolve(Class<?> type, TypeInformation<?> info, Object record) {
        String expression = aggregation.fieldExpression();
        String[] segments = expression == null ? new String[] {null} : expression.split("\\.", -1);
        Class<?> holderClass = type;
        TypeInformation<?> holderInfo = info;
        Object holder = record;
        Class<?> leafType = type;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (isOpen(holderClass)) {
                if (record == null) {
                    return null;
                }
                throw fail("field " + pathSoFar() + " is null in the first record, so Weir cannot tell its fields: "
                    + "give every record a value there");
            }
            if (isBasic(holderClass, holderInfo)) {
                if (i > 0) {
                    throw fail("field " + pathSoFar() + " is a " + holderClass.getName() + ", which has no field '"
                        + segment + "'");
                }
                checkWholeValue(segment, segments.length);
                break;
            }
            if (Tuple.class.isAssignableFrom(holderClass)) {
                int arity = tupleArity(holderClass);
                int position = segment == null ? aggregation.fieldPosition() : tuplePosition(segment);
                if (position < 0 || position >= arity) {
                    throw fail((segment == null ? "no field at position " + position : "no field '" + segment + "'")
                        + where(i, holderClass) + "; the fields are " + tupleFields(arity, holderInfo, holder)
                        + ". Address one of them, or use " + alternative() + " for anything else");
                }
                TypeInformation<?> fieldInfo = holderInfo != null && holderInfo.isTupleType()
                    && holderInfo.getNestedTypes().size() == arity ? holderInfo.getNestedTypes().get(position) : null;
                addStep(new TupleFieldStep(position), holderClass);
                leafType = fieldInfo != null ? fieldInfo.getTypeClass() : Object.class;
                holder = holder == null ? null : ((Tuple) holder).getField(position);
                holderInfo = fieldInfo;
            } else {
                PojoFieldStep step = pojoStep(segment, i, holderClass);
                addStep(step, holderClass);
                leafType = step.declaredType();
                holder = holder == null ? null : step.get(holder);
                holderInfo = null;
            }
            holderClass = holder != null ? holder.getClass() : leafType;
        }
        checkLeaf(leafType, record == null ? null : holder, record != null);
        return new FieldPath(type, steps.toArray(new FieldStep[0]),
            writes ? copiers.toArray(new RecordCopier[0]) : null, leafType);
    }

    private void checkWholeValue(String segment, int segments) {
        if (segment == null && aggregation.fieldPosition() != 0) {
            throw fail("a value of a basic type has only position 0, the value itself; use "
                + aggregation.kindName() + "(0)");
        }
        if (segment != null && (segments > 1 || !(segment.equals("*") || segment.equals("_")))) {
            throw fail("a value of a basic type has no field '" + aggregation.fieldExpression() + "'; use position 0 "
                + "or \"*\" for the value itself");
        }
    }

    private PojoFieldStep pojoStep(String segment, int index, Class<?> holderClass) {
        if (segment == null) {
            throw fail("a POJO's fields are addressed by name, not by position: use " + aggregation.kindName()
                + "(\"name\") with one of the fields " + pojoFields(holderClass));
        }
        PojoFieldStep step;
        try {
            step = PojoFieldStep.find(holderClass, segment);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        if (step == null) {
            throw fail("no field '" + segment + "'" + where(index, holderClass) + "; the fields are "
                + pojoFields(holderClass) + " (public fields, or getters with setters). Name one of them, or use "
                + alternative() + " for anything else");
        }
        if (writes && step.readOnlyReason() != null) {
            throw fail("field '" + segment + "' cannot be written: " + step.readOnlyReason() + ". "
                + aggregation.kindName() + " writes its result into a copy of the record; add a setter, or use "
                + "minBy/maxBy or reduce(...)");
        }
        return step;
    }

    private void addStep(FieldStep step, Class<?> holderClass) {
        if (writes) {
            try {
                copiers.add(RecordCopier.forClass(holderClass));
            } catch (IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
        }
        steps.add(step);
    }

    private void checkLeaf(Class<?> declared, Object firstValue, boolean atRuntime) {
        Class<?> actual = firstValue != null ? firstValue.getClass() : declared;
        String field = describeLeaf();
        if (aggregation.aggregationType() == null) {
            // A key is only read and compared for equality: any value will do.
            return;
        }
        if (aggregation.aggregationType() == AggregationType.SUM) {
            boolean fits = atRuntime
                ? NumericAdder.forType(declared) != null || NumericAdder.forType(actual) != null
                : NumericAdder.mayHoldNumber(declared);
            if (!fits && atRuntime && firstValue == null) {
                throw fail("field " + field + " is null in the first record; sum needs a number in every record");
            }
            if (!fits) {
                throw fail("field " + field + " is a " + actual.getName() + ", not a number; sum adds "
                    + NumericAdder.SUPPORTED + " fields. Choose a numeric field, or use reduce(...)");
            }
            return;
        }
        boolean comparable = firstValue != null
            ? firstValue instanceof Comparable
            : mayBeComparable(declared);
        if (!comparable) {
            throw fail("field " + field + " is a " + actual.getName() + ", which is not Comparable; "
                + aggregation.kindName() + " needs a Comparable field such as a number or a String");
        }
    }

    /** The adder for a resolved sum: by the declared field type, else by the class of the first record's value. */
    static NumericAdder adderFor(FieldPath path, Object firstValue) {
        NumericAdder declared = NumericAdder.forType(path.leafType());
        return declared != null || firstValue == null ? declared : NumericAdder.forType(firstValue.getClass());
    }

    /** What to use instead when the field cannot be addressed. */
    private String alternative() {
        return aggregation.aggregationType() == null ? "keyBy(KeySelector)" : "reduce(...)";
    }

    private InvalidProgramException fail(String problem) {
        return new InvalidProgramException(aggregation + " on " + rootClass.getName() + ": " + problem);
    }

    private String where(int index, Class<?> holderClass) {
        return index == 0 ? "" : " in " + holderClass.getName() + " (at " + pathSoFar() + ")";
    }

    private String pathSoFar() {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < steps.size(); i++) {
            out.append(i == 0 ? "" : ".").append(steps.get(i).name());
        }
        return out.append('\'').toString();
    }

    private String describeLeaf() {
        if (steps.size() == 1 && steps.get(0) instanceof TupleFieldStep) {
            return steps.get(0).name();
        }
        return steps.isEmpty() ? "(the value itself)" : pathSoFar();
    }

    private static String tupleFields(int arity, TypeInformation<?> info, Object tuple) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < arity; i++) {
            out.append(i == 0 ? "" : ", ").append('f').append(i);
            Class<?> fieldClass = null;
            if (info != null && info.isTupleType() && info.getNestedTypes().size() == arity) {
                fieldClass = info.getNestedTypes().get(i).getTypeClass();
            } else if (tuple != null && ((Tuple) tuple).getField(i) != null) {
                fieldClass = ((Tuple) tuple).getField(i).getClass();
            }
            if (fieldClass != null && fieldClass != Object.class) {
                out.append(": ").append(fieldClass.getSimpleName());
            }
        }
        return out.append(']').toString();
    }

    private static String pojoFields(Class<?> type) {
        StringBuilder out = new StringBuilder("[");
        for (Map.Entry<String, Class<?>> field : PojoFieldStep.fieldsOf(type).entrySet()) {
            out.append(out.length() == 1 ? "" : ", ").append(field.getKey()).append(": ")
                .append(field.getValue().getSimpleName());
        }
        return out.append(']').toString();
    }

    private static boolean isBasic(Class<?> type, TypeInformation<?> info) {
        if (Tuple.class.isAssignableFrom(type)) {
            return false;
        }
        return (info != null && info.isBasicType()) || type.isPrimitive() || type.isEnum()
            || type.getName().startsWith("java.");
    }

    // A holder class that does not say which fields its values have: only a record can tell.
    private static boolean isOpen(Class<?> type) {
        return type == Object.class || !Tuple.class.isAssignableFrom(type) && !type.isPrimitive()
            && (type.isInterface() || Modifier.isAbstract(type.getModifiers()));
    }

    private static boolean mayBeComparable(Class<?> type) {
        return type.isPrimitive() || Comparable.class.isAssignableFrom(type) || type == Object.class
            || type.isInterface() || Modifier.isAbstract(type.getModifiers());
    }

    private static int tupleArity(Class<?> tupleClass) {
        Class<?> plain = tupleClass;
        while (plain.getSuperclass() != Tuple.class) {
            plain = plain.getSuperclass();
        }
        return plain.getTypeParameters().length;
    }

    /** {@code f3} or {@code 3} is position 3; anything else is no position. */
    private static int tuplePosition(String segment) {
        String digits = segment.startsWith("f") ? segment.substring(1) : segment;
        if (digits.isEmpty() || digits.length() > 2) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }
}
