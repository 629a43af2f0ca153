package dev.weir.table.types;

import dev.weir.types.Row;
import java.lang.reflect.Array;

/** The class of a type's values in user code when none was bridged, Flink's default conversion classes. */
final class DefaultConversions {
    private DefaultConversions() {
    }

    static Class<?> of(DataType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return String.class;
            case BOOLEAN:
                return Boolean.class;
            case BINARY:
            case VARBINARY:
                return byte[].class;
            case DECIMAL:
                return java.math.BigDecimal.class;
            case TINYINT:
                return Byte.class;
            case SMALLINT:
                return Short.class;
            case INTEGER:
                return Integer.class;
            case BIGINT:
                return Long.class;
            case FLOAT:
                return Float.class;
            case DOUBLE:
                return Double.class;
            case DATE:
                return java.time.LocalDate.class;
            case TIME_WITHOUT_TIME_ZONE:
                return java.time.LocalTime.class;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return java.time.LocalDateTime.class;
            case TIMESTAMP_WITH_TIME_ZONE:
                return java.time.OffsetDateTime.class;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return java.time.Instant.class;
            case INTERVAL_YEAR_MONTH:
                return java.time.Period.class;
            case INTERVAL_DAY_TIME:
                return java.time.Duration.class;
            case ARRAY:
                return Array.newInstance(type.getChildren().get(0).getConversionClass(), 0).getClass();
            case MULTISET:
            case MAP:
                return java.util.Map.class;
            case ROW:
                return Row.class;
            default:
                return Object.class;
        }
    }
}
