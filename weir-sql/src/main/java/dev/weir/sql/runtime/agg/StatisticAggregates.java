package dev.weir.sql.runtime.agg;

import dev.weir.types.Row;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's STDDEV_POP, STDDEV_SAMP, VAR_POP and VAR_SAMP (STDDEV and VARIANCE are the sample ones): the count, mean
 * and sum of squared differences kept by Welford's method in {@code double}s, which gives Flink 2.3's digits, then the
 * result converted to the call's type as Flink does (an INT column's STDDEV is an INT, cut toward zero; a DECIMAL's is
 * rounded half up to the result's scale). No value gives NULL, and so does one value's sample variance. A retracted
 * row is taken out by the same method run backwards. In window aggregates, partial statistics (a HOP's or CUMULATE's
 * slices) merge by Chan's formula, as Flink 2.3's {@code $WELFORD_M2} merges its local aggregates' partials; a merge with
 * an empty side is the other side unchanged, as in Flink. Flink's local aggregate also cuts a slice's rows into partials
 * where a watermark passes a slice end, so a DOUBLE result may still differ from Flink's in its last digit where Weir
 * took the same rows in one run.
 */
public final class StatisticAggregates extends AggCall {
    private static final long serialVersionUID = 1L;

    /** The running statistics of one group; primitives only, so a row allocates nothing. */
    static final class Moments implements Serializable {
        private static final long serialVersionUID = 1L;
        long count;
        double mean;
        double m2;
    }

    private final boolean sample;
    private final boolean root;
    private final SqlTypeName resultType;
    private final int scale;

    /** {@code sample}: VAR_SAMP/STDDEV_SAMP; {@code root}: a standard deviation rather than a variance. */
    public StatisticAggregates(int arg, int filterArg, boolean sample, boolean root, SqlTypeName resultType, int scale) {
        super(arg, filterArg);
        this.sample = sample;
        this.root = root;
        this.resultType = resultType;
        this.scale = scale;
    }

    @Override
    public Object createAccumulator() {
        return new Moments();
    }

    @Override
    public Object accumulate(Object acc, Row row) {
        Object v = row.getField(arg);
        if (v != null && applies(row)) {
            Moments m = (Moments) acc;
            double x = ((Number) v).doubleValue();
            m.count++;
            double delta = x - m.mean;
            m.mean += delta / m.count;
            m.m2 += delta * (x - m.mean);
        }
        return acc;
    }

    @Override
    public Object retract(Object acc, Row row) {
        Object v = row.getField(arg);
        if (v != null && applies(row)) {
            Moments m = (Moments) acc;
            double x = ((Number) v).doubleValue();
            if (m.count <= 1) {
                m.count = 0;
                m.mean = 0;
                m.m2 = 0;
                return acc;
            }
            m.count--;
            double delta = x - m.mean;
            m.mean -= delta / m.count;
            m.m2 -= delta * (x - m.mean);
        }
        return acc;
    }

    @Override
    public Object merge(Object a, Object b) {
        Moments x = (Moments) a;
        Moments y = (Moments) b;
        Moments merged = new Moments();
        if (x.count == 0 || y.count == 0) {
            Moments only = x.count == 0 ? y : x;
            merged.count = only.count;
            merged.mean = only.mean;
            merged.m2 = only.m2;
            return merged;
        }
        merged.count = x.count + y.count;
        double delta = y.mean - x.mean;
        merged.mean = x.mean + delta * y.count / merged.count;
        merged.m2 = x.m2 + y.m2 + delta * delta * x.count * y.count / merged.count;
        return merged;
    }

    @Override
    public Object result(Object acc) {
        Moments m = (Moments) acc;
        long n = sample ? m.count - 1 : m.count;
        if (m.count == 0 || n == 0) {
            return null;
        }
        double variance = m.m2 / n;
        double value = root ? Math.sqrt(variance) : variance;
        switch (resultType) {
            case TINYINT:
                return (byte) value;
            case SMALLINT:
                return (short) value;
            case INTEGER:
                return (int) value;
            case BIGINT:
                return (long) value;
            case FLOAT:
            case REAL:
                return (float) value;
            case DECIMAL:
                return new BigDecimal(Double.toString(value)).setScale(scale, RoundingMode.HALF_UP);
            default:
                return value;
        }
    }
}
