package dev.weir.table.api;

import dev.weir.table.types.DataType;
import dev.weir.table.types.logical.LogicalTypeRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Flink's factory of SQL data types for the Table API: {@code DataTypes.STRING()}, {@code DataTypes.TIMESTAMP(3)}. */
public final class DataTypes {
    private DataTypes() {
    }

    public static DataType CHAR(int n) {
        return of(LogicalTypeRoot.CHAR, n, 0);
    }

    public static DataType VARCHAR(int n) {
        return of(LogicalTypeRoot.VARCHAR, n, 0);
    }

    /** VARCHAR of the maximum length. */
    public static DataType STRING() {
        return VARCHAR(DataType.MAX_LENGTH);
    }

    public static DataType BOOLEAN() {
        return of(LogicalTypeRoot.BOOLEAN, 0, 0);
    }

    public static DataType BINARY(int n) {
        return of(LogicalTypeRoot.BINARY, n, 0);
    }

    public static DataType VARBINARY(int n) {
        return of(LogicalTypeRoot.VARBINARY, n, 0);
    }

    /** VARBINARY of the maximum length. */
    public static DataType BYTES() {
        return VARBINARY(DataType.MAX_LENGTH);
    }

    public static DataType DECIMAL(int precision, int scale) {
        if (precision < 1 || precision > 38 || scale < 0 || scale > precision) {
            throw new ValidationException("DECIMAL(" + precision + ", " + scale + ") is not valid: the precision must be 1 "
                    + "to 38 and the scale 0 to the precision");
        }
        return of(LogicalTypeRoot.DECIMAL, precision, scale);
    }

    public static DataType TINYINT() {
        return of(LogicalTypeRoot.TINYINT, 0, 0);
    }

    public static DataType SMALLINT() {
        return of(LogicalTypeRoot.SMALLINT, 0, 0);
    }

    public static DataType INT() {
        return of(LogicalTypeRoot.INTEGER, 0, 0);
    }

    public static DataType BIGINT() {
        return of(LogicalTypeRoot.BIGINT, 0, 0);
    }

    public static DataType FLOAT() {
        return of(LogicalTypeRoot.FLOAT, 0, 0);
    }

    public static DataType DOUBLE() {
        return of(LogicalTypeRoot.DOUBLE, 0, 0);
    }

    public static DataType DATE() {
        return of(LogicalTypeRoot.DATE, 0, 0);
    }

    public static DataType TIME() {
        return TIME(0);
    }

    public static DataType TIME(int precision) {
        return of(LogicalTypeRoot.TIME_WITHOUT_TIME_ZONE, precision, 0);
    }

    /** TIMESTAMP(6), Flink's default precision. */
    public static DataType TIMESTAMP() {
        return TIMESTAMP(6);
    }

    public static DataType TIMESTAMP(int precision) {
        return of(LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, precision, 0);
    }

    /** TIMESTAMP_LTZ(6), Flink's default precision. */
    public static DataType TIMESTAMP_LTZ() {
        return TIMESTAMP_LTZ(6);
    }

    public static DataType TIMESTAMP_LTZ(int precision) {
        return of(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision, 0);
    }

    public static DataType TIMESTAMP_WITH_LOCAL_TIME_ZONE(int precision) {
        return TIMESTAMP_LTZ(precision);
    }

    public static DataType ARRAY(DataType elementType) {
        Objects.requireNonNull(elementType, "elementType");
        return new DataType(LogicalTypeRoot.ARRAY, 0, 0, true, List.of(), List.of(elementType));
    }

    public static DataType ROW(Field... fields) {
        List<String> names = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        for (Field f : fields) {
            names.add(f.getName());
            types.add(f.getDataType());
        }
        return new DataType(LogicalTypeRoot.ROW, 0, 0, true, names, types);
    }

    public static Field FIELD(String name, DataType dataType) {
        return new Field(name, dataType);
    }

    private static DataType of(LogicalTypeRoot root, int precision, int scale) {
        return new DataType(root, precision, scale, true, List.of(), List.of());
    }

    /** A named field of a ROW type. */
    public static final class Field {
        private final String name;
        private final DataType dataType;

        Field(String name, DataType dataType) {
            this.name = Objects.requireNonNull(name, "name");
            this.dataType = Objects.requireNonNull(dataType, "dataType");
        }

        public String getName() {
            return name;
        }

        public DataType getDataType() {
            return dataType;
        }
    }
}
