package dev.weir.sql.runtime.agg;

import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.types.Row;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The aggregate calls of an insert-only GROUP BY (a window aggregate, or an unbounded GROUP BY over an insert-only
 * input) when every one is COUNT, or SUM, AVG, MIN or MAX
 * of an integer column: the accumulator is one {@code long[]} holding two slots per call (value and count), updated
 * by one loop over operation codes. Compared with {@link SqlAggregate}'s object per call, an element costs no virtual
 * call and no pointer chase per call, and a key's slice one array. Results equal {@link SqlAggregate}'s: SUM and AVG
 * of no values and MIN/MAX of no values are NULL, COUNT of none is 0, SUM wraps to the result type, AVG divides in it.
 */
public final class LongAggregate implements AggregateFunction<Row, long[], Object[]> {
    private static final long serialVersionUID = 1L;

    private static final int COUNT = 0;
    private static final int SUM = 1;
    private static final int AVG = 2;
    private static final int MIN = 3;
    private static final int MAX = 4;

    private final int[] ops;
    private final int[] args;
    private final int[] filters;
    /** Whether any call has a FILTER clause; without one, no row is asked for a filter column. */
    private final boolean filtered;
    /** The Java type of each call's result, as a {@link SqlTypeName}. */
    private final SqlTypeName[] resultTypes;

    private LongAggregate(int[] ops, int[] args, int[] filters, SqlTypeName[] resultTypes) {
        this.ops = ops;
        this.args = args;
        this.filters = filters;
        this.filtered = Arrays.stream(filters).anyMatch(filter -> filter >= 0);
        this.resultTypes = resultTypes;
    }

    /** The aggregate for {@code calls} over rows of {@code inputType}, or null when a call needs {@link SqlAggregate}. */
    public static LongAggregate tryCreate(List<AggregateCall> calls, RelDataType inputType) {
        int n = calls.size();
        int[] ops = new int[n];
        int[] args = new int[n];
        int[] filters = new int[n];
        SqlTypeName[] resultTypes = new SqlTypeName[n];
        for (int i = 0; i < n; i++) {
            AggregateCall call = calls.get(i);
            if (call.isDistinct() || call.getArgList().size() > 1
                    || call.getAggregation() instanceof dev.weir.sql.udf.AggregateFunctionOperator) {
                return null;
            }
            args[i] = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
            filters[i] = call.filterArg;
            resultTypes[i] = call.getType().getSqlTypeName();
            switch (call.getAggregation().getKind()) {
                case COUNT:
                    ops[i] = COUNT;
                    continue;
                case SUM:
                case SUM0:
                    ops[i] = SUM;
                    break;
                case AVG:
                    ops[i] = AVG;
                    break;
                case MIN:
                    ops[i] = MIN;
                    break;
                case MAX:
                    ops[i] = MAX;
                    break;
                default:
                    return null;
            }
            if (!isInteger(inputType.getFieldList().get(args[i]).getType().getSqlTypeName()) || !isInteger(resultTypes[i])) {
                return null;
            }
        }
        return new LongAggregate(ops, args, filters, resultTypes);
    }

    private static boolean isInteger(SqlTypeName type) {
        return type == SqlTypeName.BIGINT || type == SqlTypeName.INTEGER || type == SqlTypeName.SMALLINT
                || type == SqlTypeName.TINYINT;
    }

    @Override
    public long[] createAccumulator() {
        long[] acc = new long[2 * ops.length];
        for (int i = 0; i < ops.length; i++) {
            acc[2 * i] = ops[i] == MIN ? Long.MAX_VALUE : ops[i] == MAX ? Long.MIN_VALUE : 0;
        }
        return acc;
    }

    @Override
    public long[] add(Row row, long[] acc) {
        addInto(row, acc, 0);
        return acc;
    }

    /**
     * Adds {@code row} to the accumulator held in {@code accumulators} from {@code offset} on ({@link #width()} slots),
     * so that a table of many accumulators can keep them in one array.
     */
    void addInto(Row row, long[] accumulators, int offset) {
        int[] ops = this.ops;
        int[] args = this.args;
        boolean filtered = this.filtered;
        for (int i = 0; i < ops.length; i++) {
            if (filtered) {
                int filter = filters[i];
                if (filter >= 0 && !Boolean.TRUE.equals(row.getField(filter))) {
                    continue;
                }
            }
            int at = offset + 2 * i;
            int arg = args[i];
            if (arg < 0) {
                accumulators[at + 1]++;
                continue;
            }
            Object value = row.getField(arg);
            if (value == null) {
                continue;
            }
            int op = ops[i];
            if (op == COUNT) {
                // COUNT(column) counts the column's non-null values, of any type.
                accumulators[at + 1]++;
                continue;
            }
            long v = value instanceof Long ? (Long) value : ((Number) value).longValue();
            switch (op) {
                case MIN:
                    accumulators[at] = Math.min(accumulators[at], v);
                    break;
                case MAX:
                    accumulators[at] = Math.max(accumulators[at], v);
                    break;
                default:
                    accumulators[at] += v;
            }
            accumulators[at + 1]++;
        }
    }

    /** The number of {@code long} slots of an accumulator. */
    int width() {
        return 2 * ops.length;
    }

    @Override
    public Object[] getResult(long[] acc) {
        return getResult(acc, null);
    }

    /**
     * The result, as {@link #getResult(long[])}, holding {@code previous}'s own value objects (null: none) where a BIGINT call's
     * result did not change: an unbounded GROUP BY that emits its key's old and new result per row boxes only the
     * changed columns.
     */
    public Object[] getResult(long[] acc, Object[] previous) {
        Object[] result = new Object[ops.length];
        for (int i = 0; i < ops.length; i++) {
            long value = acc[2 * i];
            long count = acc[2 * i + 1];
            Object old = previous == null ? null : previous[i];
            if (ops[i] == COUNT) {
                result[i] = AggCall.sameOrBoxed(count, old);
            } else if (count > 0) {
                long v = ops[i] == AVG ? value / count : value;
                result[i] = resultTypes[i] == SqlTypeName.BIGINT ? AggCall.sameOrBoxed(v, old) : as(v, resultTypes[i]);
            }
        }
        return result;
    }

    private static Object as(long value, SqlTypeName type) {
        switch (type) {
            case TINYINT:
                return (byte) value;
            case SMALLINT:
                return (short) value;
            case INTEGER:
                return (int) value;
            default:
                return value;
        }
    }

    /** Adds accumulator {@code from} into {@code into}, which it returns. */
    long[] mergeInto(long[] into, long[] from) {
        int[] ops = this.ops;
        for (int i = 0; i < ops.length; i++) {
            int at = 2 * i;
            int op = ops[i];
            into[at] = op == MIN ? Math.min(into[at], from[at]) : op == MAX ? Math.max(into[at], from[at]) : into[at] + from[at];
            into[at + 1] += from[at + 1];
        }
        return into;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
        long[] merged = new long[a.length];
        for (int i = 0; i < ops.length; i++) {
            int at = 2 * i;
            merged[at] = ops[i] == MIN ? Math.min(a[at], b[at]) : ops[i] == MAX ? Math.max(a[at], b[at]) : a[at] + b[at];
            merged[at + 1] = a[at + 1] + b[at + 1];
        }
        return merged;
    }
}
