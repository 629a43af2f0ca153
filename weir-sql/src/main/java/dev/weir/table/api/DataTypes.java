package dev.weir.table.api;

import dev.weir.table.types.DataType;
import dev.weir.table.types.UnresolvedDataType;
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

    /** Flink 2.3's BITMAP: a set of 32-bit integers, ordered as unsigned, held as a Roaring bitmap. */
    public static DataType BITMAP() {
        return of(LogicalTypeRoot.BITMAP, 0, 0);
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

    /** A MAP of {@code keyType} to {@code valueType}; its values are {@code java.util.Map}s. */
    public static DataType MAP(DataType keyType, DataType valueType) {
        return new DataType(LogicalTypeRoot.MAP, 0, 0, true, List.of(), List.of(Objects.requireNonNull(keyType, "keyType"),
                Objects.requireNonNull(valueType, "valueType")));
    }

    /** A MULTISET of {@code elementType}: a {@code java.util.Map} of each element to its count. */
    public static DataType MULTISET(DataType elementType) {
        return new DataType(LogicalTypeRoot.MULTISET, 0, 0, true, List.of(), List.of(Objects.requireNonNull(elementType, "elementType")));
    }

    /** The type of the untyped NULL literal. */
    public static DataType NULL() {
        return of(LogicalTypeRoot.NULL, 0, 0);
    }

    /** TIMESTAMP(6) WITH TIME ZONE. */
    public static DataType TIMESTAMP_WITH_TIME_ZONE() {
        return TIMESTAMP_WITH_TIME_ZONE(6);
    }

    public static DataType TIMESTAMP_WITH_TIME_ZONE(int precision) {
        return of(LogicalTypeRoot.TIMESTAMP_WITH_TIME_ZONE, precision, 0);
    }

    /** TIMESTAMP_LTZ(6). */
    public static DataType TIMESTAMP_WITH_LOCAL_TIME_ZONE() {
        return TIMESTAMP_LTZ(6);
    }

    /** An interval of one unit, e.g. {@code INTERVAL(SECOND(3))} or {@code INTERVAL(MONTH())}. */
    public static DataType INTERVAL(Resolution resolution) {
        return interval(resolution.unit, resolution, resolution);
    }

    /** An interval from a unit to a smaller one, e.g. {@code INTERVAL(DAY(2), SECOND(3))} or {@code INTERVAL(YEAR(), MONTH())}. */
    public static DataType INTERVAL(Resolution upperResolution, Resolution lowerResolution) {
        return interval(upperResolution.unit + "_TO_" + lowerResolution.unit, upperResolution, lowerResolution);
    }

    private static DataType interval(String qualifier, Resolution upper, Resolution lower) {
        boolean yearMonth = upper.unit.equals("YEAR") || upper.unit.equals("MONTH");
        if (yearMonth != (lower.unit.equals("YEAR") || lower.unit.equals("MONTH")) || upper.order > lower.order
                || !INTERVAL_QUALIFIERS.contains(qualifier)) {
            throw new ValidationException("Unsupported interval INTERVAL " + upper.unit + (upper == lower ? "" : " TO " + lower.unit)
                    + "; the intervals are YEAR, YEAR TO MONTH, MONTH, DAY, DAY TO HOUR/MINUTE/SECOND, HOUR, HOUR TO "
                    + "MINUTE/SECOND, MINUTE, MINUTE TO SECOND and SECOND");
        }
        int leading = upper.precision >= 0 ? upper.precision : 2;
        int fractional = lower.unit.equals("SECOND") && lower.precision >= 0 ? lower.precision : 6;
        return new DataType(yearMonth ? LogicalTypeRoot.INTERVAL_YEAR_MONTH : LogicalTypeRoot.INTERVAL_DAY_TIME, leading, fractional,
                true, List.of(qualifier), List.of());
    }

    private static final List<String> INTERVAL_QUALIFIERS = List.of("YEAR", "YEAR_TO_MONTH", "MONTH", "DAY", "DAY_TO_HOUR",
            "DAY_TO_MINUTE", "DAY_TO_SECOND", "HOUR", "HOUR_TO_MINUTE", "HOUR_TO_SECOND", "MINUTE", "MINUTE_TO_SECOND", "SECOND");

    /** Years, precision 2. */
    public static Resolution YEAR() {
        return new Resolution("YEAR", 0, -1);
    }

    public static Resolution YEAR(int precision) {
        return new Resolution("YEAR", 0, precision);
    }

    public static Resolution MONTH() {
        return new Resolution("MONTH", 1, -1);
    }

    /** Days, precision 2. */
    public static Resolution DAY() {
        return new Resolution("DAY", 2, -1);
    }

    public static Resolution DAY(int precision) {
        return new Resolution("DAY", 2, precision);
    }

    public static Resolution HOUR() {
        return new Resolution("HOUR", 3, -1);
    }

    public static Resolution MINUTE() {
        return new Resolution("MINUTE", 4, -1);
    }

    /** Seconds with fractional precision 6. */
    public static Resolution SECOND() {
        return new Resolution("SECOND", 5, -1);
    }

    public static Resolution SECOND(int precision) {
        return new Resolution("SECOND", 5, precision);
    }

    /** The type of instances of {@code unresolvedClass}, resolved where it is used (e.g. {@code toDataStream}). */
    public static UnresolvedDataType of(Class<?> unresolvedClass) {
        return UnresolvedDataType.ofClass(unresolvedClass);
    }

    /** The type SQL text {@code unresolvedName} names, e.g. {@code "DECIMAL(10, 2)"}, resolved where it is used. */
    public static UnresolvedDataType of(String unresolvedName) {
        return UnresolvedDataType.ofString(unresolvedName);
    }

    /** A ROW of unnamed fields, named {@code f0}, {@code f1}... as in Flink. */
    public static DataType ROW(DataType... fieldDataTypes) {
        Field[] fields = new Field[fieldDataTypes.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = FIELD("f" + i, fieldDataTypes[i]);
        }
        return ROW(fields);
    }

    /** A field with a description, which Weir does not keep. */
    public static Field FIELD(String name, DataType dataType, String description) {
        return FIELD(name, dataType);
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

    /** The unit of an interval type and its precision, as in Flink's {@code DataTypes.SECOND(3)}. */
    public static final class Resolution {
        private final String unit;
        private final int order;
        private final int precision;

        private Resolution(String unit, int order, int precision) {
            this.unit = unit;
            this.order = order;
            this.precision = precision;
        }

        @Override
        public String toString() {
            return precision < 0 ? unit : unit + "(" + precision + ")";
        }
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
