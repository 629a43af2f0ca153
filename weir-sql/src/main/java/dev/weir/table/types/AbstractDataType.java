package dev.weir.table.types;

/**
 * A data type, resolved ({@link DataType}) or not yet ({@link UnresolvedDataType}, e.g. {@code DataTypes.of(MyPojo.class)}),
 * as in Flink: what the Table API accepts where a type is declared.
 */
public interface AbstractDataType<T extends AbstractDataType<T>> {
    /** This type, not accepting null. */
    T notNull();

    /** This type, accepting null. */
    T nullable();

    /** This type, its values handed to and taken from user code as instances of {@code newConversionClass}. */
    T bridgedTo(Class<?> newConversionClass);
}
