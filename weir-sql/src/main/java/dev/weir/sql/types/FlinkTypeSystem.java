package dev.weir.sql.types;

import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system set to Flink's limits: strings and bytes up to {@code Integer.MAX_VALUE} long, DECIMAL up to
 * 38 digits, TIMESTAMP precision 0 to 9 (default 6), and a CASE of string literals of different lengths typed
 * VARCHAR rather than blank-padded CHAR.
 */
public final class FlinkTypeSystem extends RelDataTypeSystemImpl {
    public static final FlinkTypeSystem INSTANCE = new FlinkTypeSystem();

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case VARCHAR:
            case CHAR:
            case VARBINARY:
            case BINARY:
                return Integer.MAX_VALUE;
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIME:
                return 9;
            case DECIMAL:
                return 38;
            default:
                return super.getMaxPrecision(typeName);
        }
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxScale(typeName);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return 6;
            case VARCHAR:
            case VARBINARY:
                return Integer.MAX_VALUE;
            default:
                return super.getDefaultPrecision(typeName);
        }
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
