package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * SUM and AVG. The sum is kept as a long, a double or a BigDecimal by the argument's type, with the count of
 * non-null values: SUM of no values is NULL, AVG is the sum divided by the count in the result type (integer division
 * for integer types, as in Flink).
 */
final class Sums {
    private Sums() {
    }

    enum Kind { INTEGRAL, FLOATING, DECIMAL }

    /** A running sum and count, mutated in place. */
    static final class SumAcc implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long longSum;
        double doubleSum;
        BigDecimal decimalSum = BigDecimal.ZERO;
        long count;
    }

    static final class Sum extends AggCall {
        private static final long serialVersionUID = 1L;
        private final Kind kind;
        private final ResultType resultType;
        private final boolean average;

        /** The Java type of the result: the column type's. */
        enum ResultType { TINYINT, SMALLINT, INT, BIGINT, FLOAT, DOUBLE, DECIMAL }

        private final int scale;

        Sum(int arg, int filterArg, Kind kind, ResultType resultType, int scale, boolean average) {
            super(arg, filterArg);
            this.kind = kind;
            this.resultType = resultType;
            this.scale = scale;
            this.average = average;
        }

        @Override
        public Object createAccumulator() {
            return new SumAcc();
        }

        @Override
        public Object accumulate(Object acc, Row row) {
            Object v = row.getField(arg);
            if (v != null && applies(row)) {
                add((SumAcc) acc, (Number) v, 1);
            }
            return acc;
        }

        @Override
        public Object retract(Object acc, Row row) {
            Object v = row.getField(arg);
            if (v != null && applies(row)) {
                add((SumAcc) acc, (Number) v, -1);
            }
            return acc;
        }

        private void add(SumAcc s, Number v, int sign) {
            switch (kind) {
                case INTEGRAL:
                    s.longSum += sign * v.longValue();
                    break;
                case FLOATING:
                    s.doubleSum += sign * v.doubleValue();
                    break;
                default:
                    BigDecimal d = v instanceof BigDecimal ? (BigDecimal) v : BigDecimal.valueOf(v.doubleValue());
                    s.decimalSum = sign > 0 ? s.decimalSum.add(d) : s.decimalSum.subtract(d);
            }
            s.count += sign;
        }

        @Override
        public Object merge(Object a, Object b) {
            SumAcc x = (SumAcc) a;
            SumAcc y = (SumAcc) b;
            SumAcc m = new SumAcc();
            m.longSum = x.longSum + y.longSum;
            m.doubleSum = x.doubleSum + y.doubleSum;
            m.decimalSum = x.decimalSum.add(y.decimalSum);
            m.count = x.count + y.count;
            return m;
        }

        @Override
        public Object result(Object acc, Object previous) {
            SumAcc s = (SumAcc) acc;
            if (kind == Kind.INTEGRAL && resultType == ResultType.BIGINT && s.count != 0) {
                return sameOrBoxed(average ? s.longSum / s.count : s.longSum, previous);
            }
            return result(acc);
        }

        @Override
        public Object result(Object acc) {
            SumAcc s = (SumAcc) acc;
            if (s.count == 0) {
                return null;
            }
            switch (kind) {
                case INTEGRAL: {
                    long v = average ? s.longSum / s.count : s.longSum;
                    switch (resultType) {
                        case TINYINT:
                            return (byte) v;
                        case SMALLINT:
                            return (short) v;
                        case INT:
                            return (int) v;
                        case DOUBLE:
                            return (double) v;
                        case DECIMAL:
                            return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP);
                        default:
                            return v;
                    }
                }
                case FLOATING: {
                    double v = average ? s.doubleSum / s.count : s.doubleSum;
                    return resultType == ResultType.FLOAT ? (Object) (float) v : (Object) v;
                }
                default: {
                    BigDecimal v = average ? s.decimalSum.divide(BigDecimal.valueOf(s.count), MathContext.DECIMAL128) : s.decimalSum;
                    return v.setScale(scale, RoundingMode.HALF_UP);
                }
            }
        }
    }
}
