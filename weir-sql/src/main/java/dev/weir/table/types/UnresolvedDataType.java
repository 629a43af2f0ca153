package dev.weir.table.types;

import java.util.Objects;

/**
 * A data type named by a class or by SQL text that the Table API resolves where it is used, as Flink's
 * {@code DataTypes.of(MyPojo.class)} and {@code DataTypes.of("INT")}.
 */
public final class UnresolvedDataType implements AbstractDataType<UnresolvedDataType> {
    private final Class<?> typeClass;
    private final String typeString;
    private final Boolean nullable;
    private final Class<?> conversionClass;

    private UnresolvedDataType(Class<?> typeClass, String typeString, Boolean nullable, Class<?> conversionClass) {
        this.typeClass = typeClass;
        this.typeString = typeString;
        this.nullable = nullable;
        this.conversionClass = conversionClass;
    }

    /** The type of instances of {@code typeClass}: an atomic type, or a structured type of a POJO's fields. */
    public static UnresolvedDataType ofClass(Class<?> typeClass) {
        return new UnresolvedDataType(Objects.requireNonNull(typeClass, "typeClass"), null, null, null);
    }

    /** The type SQL text {@code typeString} names, e.g. {@code DECIMAL(10, 2)}. */
    public static UnresolvedDataType ofString(String typeString) {
        return new UnresolvedDataType(null, Objects.requireNonNull(typeString, "typeString"), null, null);
    }

    /** The class this type was named by, or null. */
    public Class<?> getTypeClass() {
        return typeClass;
    }

    /** The SQL text this type was named by, or null. */
    public String getTypeString() {
        return typeString;
    }

    /** The class values are bridged to: {@link #bridgedTo}'s, else the naming class; null for SQL text. */
    public Class<?> getConversionClass() {
        return conversionClass != null ? conversionClass : typeClass;
    }

    @Override
    public UnresolvedDataType notNull() {
        return new UnresolvedDataType(typeClass, typeString, false, conversionClass);
    }

    @Override
    public UnresolvedDataType nullable() {
        return new UnresolvedDataType(typeClass, typeString, true, conversionClass);
    }

    @Override
    public UnresolvedDataType bridgedTo(Class<?> newConversionClass) {
        return new UnresolvedDataType(typeClass, typeString, nullable, Objects.requireNonNull(newConversionClass, "newConversionClass"));
    }

    /** As Flink prints it: {@code [MyPojo]} or {@code [INT]}. */
    @Override
    public String toString() {
        String name = typeClass != null ? typeClass.getName() : typeString;
        return "[" + name + "]" + (Boolean.FALSE.equals(nullable) ? " NOT NULL" : "");
    }
}
