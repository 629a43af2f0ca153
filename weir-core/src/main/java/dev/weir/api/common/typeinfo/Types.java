package dev.weir.api.common.typeinfo;

import dev.weir.api.common.typeinfo.TypeExtractor;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.api.java.typeutils.GenericTypeInfo;
import dev.weir.api.java.typeutils.ListTypeInfo;
import dev.weir.api.java.typeutils.MapTypeInfo;
import dev.weir.api.java.typeutils.TupleTypeInfo;
import dev.weir.api.common.typeinfo.ClassTypeInfo.Kind;

import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Flink's type constants and factories ({@code Types.STRING}, {@code Types.TUPLE(...)}, ...), accepted wherever
 * Flink takes a type hint. Weir does not need them to run a job.
 */
public final class Types {
    public static final TypeInformation<Void> VOID = BasicTypeInfo.VOID_TYPE_INFO;
    public static final TypeInformation<String> STRING = BasicTypeInfo.STRING_TYPE_INFO;
    public static final TypeInformation<Byte> BYTE = BasicTypeInfo.BYTE_TYPE_INFO;
    public static final TypeInformation<Boolean> BOOLEAN = BasicTypeInfo.BOOLEAN_TYPE_INFO;
    public static final TypeInformation<Short> SHORT = BasicTypeInfo.SHORT_TYPE_INFO;
    public static final TypeInformation<Integer> INT = BasicTypeInfo.INT_TYPE_INFO;
    public static final TypeInformation<Long> LONG = BasicTypeInfo.LONG_TYPE_INFO;
    public static final TypeInformation<Float> FLOAT = BasicTypeInfo.FLOAT_TYPE_INFO;
    public static final TypeInformation<Double> DOUBLE = BasicTypeInfo.DOUBLE_TYPE_INFO;
    public static final TypeInformation<Character> CHAR = BasicTypeInfo.CHAR_TYPE_INFO;
    public static final TypeInformation<BigInteger> BIG_INT = BasicTypeInfo.BIG_INT_TYPE_INFO;
    public static final TypeInformation<BigDecimal> BIG_DEC = BasicTypeInfo.BIG_DEC_TYPE_INFO;
    public static final TypeInformation<java.sql.Date> SQL_DATE = basic(java.sql.Date.class);
    public static final TypeInformation<java.sql.Time> SQL_TIME = basic(java.sql.Time.class);
    public static final TypeInformation<java.sql.Timestamp> SQL_TIMESTAMP = basic(java.sql.Timestamp.class);
    public static final TypeInformation<LocalDate> LOCAL_DATE = basic(LocalDate.class);
    public static final TypeInformation<LocalTime> LOCAL_TIME = basic(LocalTime.class);
    public static final TypeInformation<LocalDateTime> LOCAL_DATE_TIME = basic(LocalDateTime.class);
    public static final TypeInformation<Instant> INSTANT = BasicTypeInfo.INSTANT_TYPE_INFO;

    private Types() {
    }

    /**
     * A tuple of {@code types.length} fields, e.g. {@code TUPLE(Types.STRING, Types.INT)} for {@code Tuple2<String,
     * Integer>}.
     */
    @SuppressWarnings("unchecked")
    public static <T extends Tuple> TypeInformation<T> TUPLE(TypeInformation<?>... types) {
        for (int i = 0; i < types.length; i++) {
            Objects.requireNonNull(types[i], "TUPLE field type " + i + " must not be null");
        }
        Class<T> tupleClass = (Class<T>) Tuple.getTupleClass(types.length);
        return new TupleTypeInfo<>(tupleClass, types);
    }

    /**
     * A subclass of a tuple, e.g. {@code class WordCount extends Tuple2<String, Integer>}; field types come from its
     * superclass.
     */
    public static <T extends Tuple> TypeInformation<T> TUPLE(Class<T> tupleSubclass) {
        TypeInformation<T> info = TypeExtractor.forClass(tupleSubclass);
        if (!info.isTupleType()) {
            throw new IllegalArgumentException("Types.TUPLE(Class) needs a subclass of Tuple1..Tuple25, got "
                + tupleSubclass.getName());
        }
        return info;
    }

    /**
     * A POJO whose fields are found by reflection (non-static, non-transient fields of the class and its
     * superclasses).
     */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass) {
        return TypeExtractor.pojo(pojoClass);
    }

    /** A POJO with the given field types; every name must be a field of the class. */
    public static <T> TypeInformation<T> POJO(Class<T> pojoClass, Map<String, TypeInformation<?>> fields) {
        Objects.requireNonNull(pojoClass, "pojoClass");
        List<String> existing = TypeExtractor.fieldNames(pojoClass);
        TreeMap<String, TypeInformation<?>> sorted = new TreeMap<>(fields);
        for (Map.Entry<String, TypeInformation<?>> field : sorted.entrySet()) {
            if (!existing.contains(field.getKey())) {
                throw new IllegalArgumentException("Types.POJO: " + pojoClass.getName() + " has no field '"
                    + field.getKey() + "'; its fields are " + existing);
            }
            Objects.requireNonNull(field.getValue(), "type of POJO field '" + field.getKey() + "'");
        }
        return new ClassTypeInfo<>(Kind.POJO, pojoClass, new ArrayList<>(sorted.values()),
            new ArrayList<>(sorted.keySet()));
    }

    /**
     * Flink's hint for a stream of {@link dev.weir.types.Row}s with the given field types. Accepted and never needed:
     * a table made from the stream takes its columns from the {@code Schema} given to {@code fromDataStream}.
     */
    public static TypeInformation<dev.weir.types.Row> ROW(TypeInformation<?>... types) {
        return GENERIC(dev.weir.types.Row.class);
    }

    /** Flink's hint for a stream of named {@link dev.weir.types.Row}s; accepted and never needed, as {@link #ROW}. */
    public static TypeInformation<dev.weir.types.Row> ROW_NAMED(String[] fieldNames, TypeInformation<?>... types) {
        if (fieldNames.length != types.length) {
            throw new IllegalArgumentException("Types.ROW_NAMED: " + fieldNames.length + " field names but " + types.length
                    + " types; give one type per name");
        }
        return GENERIC(dev.weir.types.Row.class);
    }

    /** A type Weir treats as opaque (Flink would serialize it with Kryo). */
    public static <T> TypeInformation<T> GENERIC(Class<T> genericClass) {
        return new GenericTypeInfo<>(Objects.requireNonNull(genericClass, "genericClass"));
    }

    /** A {@code java.util.List} of the given element type. */
    public static <E> TypeInformation<List<E>> LIST(TypeInformation<E> elementType) {
        Objects.requireNonNull(elementType, "elementType");
        return new ListTypeInfo<>(elementType);
    }

    /** A {@code java.util.Map} of the given key and value types. */
    public static <K, V> TypeInformation<Map<K, V>> MAP(TypeInformation<K> keyType, TypeInformation<V> valueType) {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        return new MapTypeInfo<>(keyType, valueType);
    }

    /** An array of objects, e.g. {@code OBJECT_ARRAY(Types.STRING)} for {@code String[]}. */
    @SuppressWarnings("unchecked")
    public static <E> TypeInformation<E[]> OBJECT_ARRAY(TypeInformation<E> elementType) {
        Objects.requireNonNull(elementType, "elementType");
        Class<E[]> arrayClass = (Class<E[]>) Array.newInstance(elementType.getTypeClass(), 0).getClass();
        return ClassTypeInfo.of(Kind.OBJECT_ARRAY, arrayClass, elementType);
    }

    /** An array of primitives, e.g. {@code PRIMITIVE_ARRAY(Types.INT)} for {@code int[]}. */
    public static TypeInformation<?> PRIMITIVE_ARRAY(TypeInformation<?> elementType) {
        Objects.requireNonNull(elementType, "elementType");
        Class<?> primitive = MethodType.methodType(elementType.getTypeClass()).unwrap().returnType();
        if (!primitive.isPrimitive() || primitive == void.class) {
            throw new IllegalArgumentException("Types.PRIMITIVE_ARRAY needs a primitive element type such as "
                + "Types.INT or Types.BYTE, got " + elementType + ": use Types.OBJECT_ARRAY for arrays of objects");
        }
        return ClassTypeInfo.of(Kind.PRIMITIVE_ARRAY, Array.newInstance(primitive, 0).getClass(), elementType);
    }

    /** An enum type. */
    public static <E extends Enum<E>> TypeInformation<E> ENUM(Class<E> enumType) {
        return ClassTypeInfo.of(Kind.ENUM, Objects.requireNonNull(enumType, "enumType"));
    }

    private static <T> TypeInformation<T> basic(Class<T> type) {
        return ClassTypeInfo.of(Kind.BASIC, type);
    }
}
