package dev.weir.sql.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The Java representation of a numeric result, chosen from its SQL type: arithmetic converts both operands to it,
 * so {@code INT + BIGINT} computes in {@code long} and yields a {@code Long}, as Flink's generated code does.
 * Timestamps, dates and day-time intervals compute as {@code LONG} or {@code INT} of their internal units.
 */
enum NumericKind {
    TINYINT, SMALLINT, INT, LONG, FLOAT, DOUBLE, DECIMAL;

    static NumericKind of(RelDataType type) {
        switch (type.getSqlTypeName()) {
            case TINYINT:
                return TINYINT;
            case SMALLINT:
                return SMALLINT;
            case INTEGER:
            case DATE:
            case TIME:
            case INTERVAL_YEAR:
            case INTERVAL_YEAR_MONTH:
            case INTERVAL_MONTH:
                return INT;
            case FLOAT:
            case REAL:
                return FLOAT;
            case DOUBLE:
                return DOUBLE;
            case DECIMAL:
                return DECIMAL;
            default:
                return LONG;
        }
    }

    Object box(long v) {
        switch (this) {
            case TINYINT:
                return (byte) v;
            case SMALLINT:
                return (short) v;
            case INT:
                return (int) v;
            default:
                return v;
        }
    }

    /** {@code v} cut to this integral kind's width, as {@link #box(long)} would box it. */
    long narrow(long v) {
        switch (this) {
            case TINYINT:
                return (byte) v;
            case SMALLINT:
                return (short) v;
            case INT:
                return (int) v;
            default:
                return v;
        }
    }

    Object boxDouble(double v) {
        return this == FLOAT ? (Object) (float) v : (Object) v;
    }

    boolean isIntegral() {
        return this == TINYINT || this == SMALLINT || this == INT || this == LONG;
    }

    static BigDecimal decimal(Object v) {
        if (v instanceof BigDecimal) {
            return (BigDecimal) v;
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    static BigDecimal scaled(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP);
    }

    static final MathContext DIVISION = new MathContext(38, RoundingMode.HALF_UP);
}
