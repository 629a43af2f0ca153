package dev.weir.sql.types;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * A planned type as Flink's logical types print it, for {@code TYPEOF}: the summary string ({@code INT NOT NULL},
 * {@code STRING}, {@code TIMESTAMP_LTZ(3)}) or, forced, the serializable one ({@code VARCHAR(2147483647)},
 * {@code TIMESTAMP(3) WITH LOCAL TIME ZONE}), which the summary shortens.
 */
public final class FlinkTypeStrings {
    private static final int MAX_LENGTH = Integer.MAX_VALUE;

    private FlinkTypeStrings() {
    }

    /** Flink's summary string of {@code type}, or its serializable string when {@code serializable}. */
    public static String of(RelDataType type, boolean serializable) {
        String base = base(type, serializable);
        return type.isNullable() ? base : base + " NOT NULL";
    }

    private static String base(RelDataType type, boolean serializable) {
        switch (type.getSqlTypeName()) {
            case CHAR:
                return "CHAR(" + type.getPrecision() + ")";
            case VARCHAR:
                return type.getPrecision() == MAX_LENGTH && !serializable ? "STRING" : "VARCHAR(" + type.getPrecision() + ")";
            case BINARY:
                return "BINARY(" + type.getPrecision() + ")";
            case VARBINARY:
                return type.getPrecision() == MAX_LENGTH && !serializable ? "BYTES" : "VARBINARY(" + type.getPrecision() + ")";
            case DECIMAL:
                return "DECIMAL(" + type.getPrecision() + ", " + type.getScale() + ")";
            case INTEGER:
                return "INT";
            case OTHER:
                // Weir's planned form of Flink's BITMAP (SqlTypes).
                return "BITMAP";
            case REAL:
            case FLOAT:
                return "FLOAT";
            case TIME:
                return "TIME(" + type.getPrecision() + ")";
            case TIMESTAMP:
                return "TIMESTAMP(" + type.getPrecision() + ")";
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return serializable ? "TIMESTAMP(" + type.getPrecision() + ") WITH LOCAL TIME ZONE"
                        : "TIMESTAMP_LTZ(" + type.getPrecision() + ")";
            case INTERVAL_YEAR:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_MONTH:
                // Flink keeps every year-month interval in months and every day-time one in milliseconds.
                return "INTERVAL MONTH";
            case INTERVAL_DAY:
            case INTERVAL_DAY_HOUR:
            case INTERVAL_DAY_MINUTE:
            case INTERVAL_DAY_SECOND:
            case INTERVAL_HOUR:
            case INTERVAL_HOUR_MINUTE:
            case INTERVAL_HOUR_SECOND:
            case INTERVAL_MINUTE:
            case INTERVAL_MINUTE_SECOND:
            case INTERVAL_SECOND:
                return "INTERVAL SECOND(3)";
            case ARRAY:
                return "ARRAY<" + of(type.getComponentType(), serializable) + ">";
            case MULTISET:
                return "MULTISET<" + of(type.getComponentType(), serializable) + ">";
            case MAP:
                return "MAP<" + of(type.getKeyType(), serializable) + ", " + of(type.getValueType(), serializable) + ">";
            case ROW:
                return row(type.getFieldList(), serializable);
            default:
                // BOOLEAN, TINYINT, SMALLINT, BIGINT, DOUBLE, DATE and NULL print as their names.
                return type.getSqlTypeName().getName();
        }
    }

    private static String row(List<RelDataTypeField> fields, boolean serializable) {
        StringBuilder sb = new StringBuilder("ROW<");
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('`').append(fields.get(i).getName().replace("`", "``")).append("` ")
                    .append(of(fields.get(i).getType(), serializable));
        }
        return sb.append('>').toString();
    }
}
