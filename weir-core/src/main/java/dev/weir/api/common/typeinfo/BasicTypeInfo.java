package dev.weir.api.common.typeinfo;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Flink's type information of the basic value types, with its constants ({@code BasicTypeInfo.STRING_TYPE_INFO},
 * ...); {@code Types.STRING} and its siblings are the same objects. Accepted wherever Flink takes a type hint; Weir
 * passes records by reference and does not need it.
 */
public class BasicTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    public static final BasicTypeInfo<String> STRING_TYPE_INFO = new BasicTypeInfo<>(String.class);
    public static final BasicTypeInfo<Boolean> BOOLEAN_TYPE_INFO = new BasicTypeInfo<>(Boolean.class);
    public static final BasicTypeInfo<Byte> BYTE_TYPE_INFO = new BasicTypeInfo<>(Byte.class);
    public static final BasicTypeInfo<Short> SHORT_TYPE_INFO = new BasicTypeInfo<>(Short.class);
    public static final BasicTypeInfo<Integer> INT_TYPE_INFO = new BasicTypeInfo<>(Integer.class);
    public static final BasicTypeInfo<Long> LONG_TYPE_INFO = new BasicTypeInfo<>(Long.class);
    public static final BasicTypeInfo<Float> FLOAT_TYPE_INFO = new BasicTypeInfo<>(Float.class);
    public static final BasicTypeInfo<Double> DOUBLE_TYPE_INFO = new BasicTypeInfo<>(Double.class);
    public static final BasicTypeInfo<Character> CHAR_TYPE_INFO = new BasicTypeInfo<>(Character.class);
    public static final BasicTypeInfo<Date> DATE_TYPE_INFO = new BasicTypeInfo<>(Date.class);
    public static final BasicTypeInfo<Void> VOID_TYPE_INFO = new BasicTypeInfo<>(Void.class);
    public static final BasicTypeInfo<BigInteger> BIG_INT_TYPE_INFO = new BasicTypeInfo<>(BigInteger.class);
    public static final BasicTypeInfo<BigDecimal> BIG_DEC_TYPE_INFO = new BasicTypeInfo<>(BigDecimal.class);
    public static final BasicTypeInfo<Instant> INSTANT_TYPE_INFO = new BasicTypeInfo<>(Instant.class);

    private static final Map<Class<?>, BasicTypeInfo<?>> BY_CLASS = Map.ofEntries(
            entry(STRING_TYPE_INFO), entry(BOOLEAN_TYPE_INFO), entry(BYTE_TYPE_INFO), entry(SHORT_TYPE_INFO),
            entry(INT_TYPE_INFO), entry(LONG_TYPE_INFO), entry(FLOAT_TYPE_INFO), entry(DOUBLE_TYPE_INFO),
            entry(CHAR_TYPE_INFO), entry(DATE_TYPE_INFO), entry(VOID_TYPE_INFO), entry(BIG_INT_TYPE_INFO),
            entry(BIG_DEC_TYPE_INFO), entry(INSTANT_TYPE_INFO),
            Map.entry(boolean.class, BOOLEAN_TYPE_INFO), Map.entry(byte.class, BYTE_TYPE_INFO),
            Map.entry(short.class, SHORT_TYPE_INFO), Map.entry(int.class, INT_TYPE_INFO),
            Map.entry(long.class, LONG_TYPE_INFO), Map.entry(float.class, FLOAT_TYPE_INFO),
            Map.entry(double.class, DOUBLE_TYPE_INFO), Map.entry(char.class, CHAR_TYPE_INFO),
            Map.entry(void.class, VOID_TYPE_INFO));

    private final Class<T> typeClass;

    protected BasicTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "typeClass");
    }

    /** The constant for {@code type} (a primitive gives its boxed type's), or {@code null} when it is no basic type. */
    @SuppressWarnings("unchecked")
    public static <X> BasicTypeInfo<X> getInfoFor(Class<X> type) {
        Objects.requireNonNull(type, "type");
        return (BasicTypeInfo<X>) BY_CLASS.get(type);
    }

    private static Map.Entry<Class<?>, BasicTypeInfo<?>> entry(BasicTypeInfo<?> info) {
        return Map.entry(info.typeClass, info);
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isBasicType() {
        return true;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public List<TypeInformation<?>> getNestedTypes() {
        return List.of();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BasicTypeInfo<?> other && other.typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.hashCode();
    }

    @Override
    public String toString() {
        return typeClass.getSimpleName();
    }
}
