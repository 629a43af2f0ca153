package dev.weir.sql.types;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
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

    /** Flink's rule: precision p1 + p2 + 1, scale s1 + s2, then fitted into 38 digits keeping at least 6 of scale. */
    @Override
    public RelDataType deriveDecimalMultiplyType(RelDataTypeFactory factory, RelDataType left, RelDataType right) {
        RelDataType l = asDecimal(factory, left);
        RelDataType r = asDecimal(factory, right);
        if (l == null || r == null || (left.getSqlTypeName() != SqlTypeName.DECIMAL && right.getSqlTypeName() != SqlTypeName.DECIMAL)) {
            return super.deriveDecimalMultiplyType(factory, left, right);
        }
        return fitted(factory, l.getPrecision() + r.getPrecision() + 1, l.getScale() + r.getScale(),
                left.isNullable() || right.isNullable());
    }

    /** Flink's rule: scale max(6, s1 + p2 + 1), precision p1 - s1 + s2 + scale, then fitted into 38 digits. */
    @Override
    public RelDataType deriveDecimalDivideType(RelDataTypeFactory factory, RelDataType left, RelDataType right) {
        RelDataType l = asDecimal(factory, left);
        RelDataType r = asDecimal(factory, right);
        if (l == null || r == null || (left.getSqlTypeName() != SqlTypeName.DECIMAL && right.getSqlTypeName() != SqlTypeName.DECIMAL)) {
            return super.deriveDecimalDivideType(factory, left, right);
        }
        int scale = Math.max(6, l.getScale() + r.getPrecision() + 1);
        return fitted(factory, l.getPrecision() - l.getScale() + r.getScale() + scale, scale, left.isNullable() || right.isNullable());
    }

    private static RelDataType asDecimal(RelDataTypeFactory factory, RelDataType type) {
        switch (type.getSqlTypeName()) {
            case DECIMAL:
                return type;
            case TINYINT:
                return factory.createSqlType(SqlTypeName.DECIMAL, 3, 0);
            case SMALLINT:
                return factory.createSqlType(SqlTypeName.DECIMAL, 5, 0);
            case INTEGER:
                return factory.createSqlType(SqlTypeName.DECIMAL, 10, 0);
            case BIGINT:
                return factory.createSqlType(SqlTypeName.DECIMAL, 19, 0);
            default:
                return null;
        }
    }

    private static RelDataType fitted(RelDataTypeFactory factory, int precision, int scale, boolean nullable) {
        if (precision > 38) {
            int integral = precision - scale;
            scale = Math.max(38 - integral, Math.min(scale, 6));
            precision = 38;
        }
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DECIMAL, precision, scale), nullable);
    }

    /** Flink's SUM of DECIMAL(p, s) is DECIMAL(38, s); other types keep their own. */
    @Override
    public RelDataType deriveSumType(RelDataTypeFactory factory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale()),
                    argumentType.isNullable());
        }
        return argumentType;
    }

    /** Flink's AVG of DECIMAL(p, s) is DECIMAL(38, max(6, s)); other types keep their own (integer AVG truncates). */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory factory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() == SqlTypeName.DECIMAL) {
            return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.DECIMAL, 38,
                    Math.max(6, argumentType.getScale())), argumentType.isNullable());
        }
        return argumentType;
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
