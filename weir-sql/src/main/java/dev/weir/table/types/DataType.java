package dev.weir.table.types;

import dev.weir.table.types.logical.LogicalTypeRoot;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A SQL data type as the Table API declares it ({@code DataTypes.INT()}, {@code DataTypes.TIMESTAMP(3).notNull()}):
 * its root, length or precision, scale, nullability and, for ROW and ARRAY, its children. Immutable; its
 * {@link #toString()} is Flink's summary string ({@code INT}, {@code STRING}, {@code BIGINT NOT NULL},
 * {@code DECIMAL(10, 2)}).
 */
public class DataType implements AbstractDataType<DataType>, Serializable {
    private static final long serialVersionUID = 1L;
    public static final int MAX_LENGTH = Integer.MAX_VALUE;

    private final LogicalTypeRoot root;
    private final int precision;
    private final int scale;
    private final boolean nullable;
    private final List<String> fieldNames;
    private final List<DataType> children;
    /** The class values are bridged to ({@link #bridgedTo}), or null for the root's default. */
    private final Class<?> conversionClass;

    /** A type of {@code root}; precision is the length of character and binary types. Weir's DataTypes builds these. */
    public DataType(LogicalTypeRoot root, int precision, int scale, boolean nullable, List<String> fieldNames, List<DataType> children) {
        this(root, precision, scale, nullable, fieldNames, children, null);
    }

    private DataType(LogicalTypeRoot root, int precision, int scale, boolean nullable, List<String> fieldNames, List<DataType> children,
            Class<?> conversionClass) {
        this.root = Objects.requireNonNull(root, "root");
        this.precision = precision;
        this.scale = scale;
        this.nullable = nullable;
        this.fieldNames = List.copyOf(fieldNames);
        this.children = List.copyOf(children);
        this.conversionClass = conversionClass;
    }

    public LogicalTypeRoot getTypeRoot() {
        return root;
    }

    /** The precision of DECIMAL and time types, the length of CHAR, VARCHAR, BINARY and VARBINARY. */
    public int getPrecision() {
        return precision;
    }

    public int getScale() {
        return scale;
    }

    public boolean isNullable() {
        return nullable;
    }

    /** The field names of a ROW, empty otherwise. */
    public List<String> getFieldNames() {
        return root == LogicalTypeRoot.ROW ? fieldNames : List.of();
    }

    /** The field types of a ROW or the element type of an ARRAY. */
    public List<DataType> getChildren() {
        return children;
    }

    /** This type, not accepting null. */
    @Override
    public DataType notNull() {
        return new DataType(root, precision, scale, false, fieldNames, children, conversionClass);
    }

    /** This type, accepting null. */
    @Override
    public DataType nullable() {
        return new DataType(root, precision, scale, true, fieldNames, children, conversionClass);
    }

    /** This type with its values handed to and taken from user code as {@code newConversionClass}, e.g. {@code int.class}. */
    @Override
    public DataType bridgedTo(Class<?> newConversionClass) {
        return new DataType(root, precision, scale, nullable, fieldNames, children, Objects.requireNonNull(newConversionClass,
                "newConversionClass"));
    }

    /** The class of this type's values in user code: {@link #bridgedTo}'s, else Flink's default for the root. */
    public Class<?> getConversionClass() {
        return conversionClass != null ? conversionClass : DefaultConversions.of(this);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DataType)) {
            return false;
        }
        DataType other = (DataType) o;
        return root == other.root && precision == other.precision && scale == other.scale && nullable == other.nullable
                && fieldNames.equals(other.fieldNames) && children.equals(other.children)
                && getConversionClass().equals(other.getConversionClass());
    }

    @Override
    public int hashCode() {
        return Objects.hash(root, precision, scale, nullable, fieldNames, children);
    }

    @Override
    public String toString() {
        String s = baseString();
        return nullable ? s : s + " NOT NULL";
    }

    private String baseString() {
        switch (root) {
            case CHAR:
                return "CHAR(" + precision + ")";
            case VARCHAR:
                return precision == MAX_LENGTH ? "STRING" : "VARCHAR(" + precision + ")";
            case BINARY:
                return "BINARY(" + precision + ")";
            case VARBINARY:
                return precision == MAX_LENGTH ? "BYTES" : "VARBINARY(" + precision + ")";
            case DECIMAL:
                return "DECIMAL(" + precision + ", " + scale + ")";
            case INTEGER:
                return "INT";
            case TIME_WITHOUT_TIME_ZONE:
                return "TIME(" + precision + ")";
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return "TIMESTAMP(" + precision + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return "TIMESTAMP_LTZ(" + precision + ")";
            case TIMESTAMP_WITH_TIME_ZONE:
                return "TIMESTAMP(" + precision + ") WITH TIME ZONE";
            case ARRAY:
                return "ARRAY<" + children.get(0) + ">";
            case MULTISET:
                return "MULTISET<" + children.get(0) + ">";
            case MAP:
                return "MAP<" + children.get(0) + ", " + children.get(1) + ">";
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_DAY_TIME:
                return IntervalQualifier.summary(fieldNames.get(0), precision, scale);
            case ROW: {
                StringBuilder sb = new StringBuilder("ROW<");
                for (int i = 0; i < children.size(); i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    sb.append('`').append(fieldNames.get(i)).append("` ").append(children.get(i));
                }
                return sb.append('>').toString();
            }
            default:
                return root.name();
        }
    }
}
