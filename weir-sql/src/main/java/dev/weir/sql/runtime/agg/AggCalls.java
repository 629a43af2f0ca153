package dev.weir.sql.runtime.agg;

import dev.weir.table.api.ValidationException;
import java.util.List;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.fun.SqlJsonArrayAggAggFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectAggAggFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/** Builds the runtime {@link AggCall} for a planned Calcite aggregate call, or refuses it at planning time. */
public final class AggCalls {
    private AggCalls() {
    }

    /** The call for an input that may retract rows ({@code retracting}), or an insert-only one, which allows cheaper state. */
    public static AggCall of(AggregateCall call, RelDataType inputType, boolean retracting) {
        int arg = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
        int filter = call.filterArg;
        String name = call.getAggregation().getName();
        if (call.getAggregation() instanceof dev.weir.sql.udf.AggregateFunctionOperator) {
            return ((dev.weir.sql.udf.AggregateFunctionOperator) call.getAggregation()).create(call, inputType);
        }
        if (call.getAggregation() instanceof SqlJsonObjectAggAggFunction || call.getAggregation() instanceof SqlJsonArrayAggAggFunction) {
            return json(call, inputType);
        }
        AggCall bitmap = BitmapAggregates.of(name, arg, filter, retracting, call.isDistinct());
        if (bitmap != null) {
            return bitmap;
        }
        if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.LISTAGG) {
            return listAgg(call, arg, filter);
        }
        if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.ARRAY_AGG) {
            if (!call.collation.getFieldCollations().isEmpty()) {
                throw new ValidationException("ARRAY_AGG(... ORDER BY ...) is not supported, nor by Flink; aggregate the values "
                        + "unordered, e.g. ARRAY_AGG(v), and sort the array with ARRAY_SORT");
            }
            return new ListAggregates.ArrayAgg(arg, filter, call.isDistinct());
        }
        if (name.equals("PERCENTILE")) {
            List<Integer> args = call.getArgList();
            boolean array = inputType.getFieldList().get(args.get(1)).getType().getSqlTypeName() == SqlTypeName.ARRAY;
            return new Percentile(arg, filter, args.get(1), array, args.size() > 2 ? args.get(2) : -1);
        }
        if (call.getAggregation().getKind() == org.apache.calcite.sql.SqlKind.COLLECT) {
            return new Collect(arg, filter, call.isDistinct());
        }
        switch (call.getAggregation().getKind()) {
            case STDDEV_POP:
            case STDDEV_SAMP:
            case VAR_POP:
            case VAR_SAMP: {
                org.apache.calcite.sql.SqlKind kind = call.getAggregation().getKind();
                if (retracting) {
                    throw statisticRefused(name, "over an updating input (its changelog differs from Flink's yet)");
                }
                if (call.isDistinct()) {
                    throw new ValidationException(name + "(DISTINCT ...) is not supported yet; use a subquery with SELECT DISTINCT");
                }
                return new StatisticAggregates(arg, filter, kind == org.apache.calcite.sql.SqlKind.STDDEV_SAMP
                        || kind == org.apache.calcite.sql.SqlKind.VAR_SAMP, kind == org.apache.calcite.sql.SqlKind.STDDEV_POP
                        || kind == org.apache.calcite.sql.SqlKind.STDDEV_SAMP, call.getType().getSqlTypeName(),
                        Math.max(0, call.getType().getScale()));
            }
            default:
                break;
        }
        if (call.getArgList().size() > 1) {
            throw new ValidationException(name + " with " + call.getArgList().size() + " arguments is not supported yet; "
                    + "aggregate one column");
        }
        switch (call.getAggregation().getKind()) {
            case COUNT:
                if (!call.isDistinct()) {
                    return new Counts.Count(arg, filter);
                }
                return retracting ? new Counts.CountDistinct(arg, filter) : new InsertOnlyCountDistinct(arg, filter, isInteger(inputType, arg));
            case SUM:
            case SUM0:
                return sum(call, inputType, arg, filter, false);
            case AVG:
                return sum(call, inputType, arg, filter, true);
            case MIN:
                return retracting ? new Extremes.MinMax(arg, filter, false) : new Extremes.InsertOnlyMinMax(arg, filter, false);
            case MAX:
                return retracting ? new Extremes.MinMax(arg, filter, true) : new Extremes.InsertOnlyMinMax(arg, filter, true);
            default:
                throw new ValidationException("Aggregate function " + name + " is not supported by Weir SQL yet; supported are "
                        + "COUNT, COUNT(DISTINCT), SUM, AVG, MIN, MAX, STDDEV_POP, STDDEV_SAMP, VAR_POP, VAR_SAMP, LISTAGG, "
                        + "ARRAY_AGG, COLLECT, PERCENTILE, JSON_OBJECTAGG and JSON_ARRAYAGG");
        }
    }

    /**
     * Refuses the JSON aggregates among {@code calls} in a {@code window} (HOP, SESSION) aggregate, whose windows share
     * or merge partial aggregates: Flink's JSON aggregates cannot merge them, and Flink 2.3 refuses them with this
     * message while planning (in CUMULATE windows it runs them).
     */
    public static void refuseWithoutMerge(List<AggregateCall> calls, String window) {
        for (AggregateCall call : calls) {
            boolean object = call.getAggregation() instanceof SqlJsonObjectAggAggFunction;
            if (!object && !(call.getAggregation() instanceof SqlJsonArrayAggAggFunction)) {
                continue;
            }
            SqlJsonConstructorNullClause nulls = object ? ((SqlJsonObjectAggAggFunction) call.getAggregation()).getNullClause()
                    : ((SqlJsonArrayAggAggFunction) call.getAggregation()).getNullClause();
            String function = (object ? "JSON_OBJECTAGG_" : "JSON_ARRAYAGG_") + nulls.name();
            String type = "org.apache.flink.table.runtime.functions.aggregate." + (object ? "JsonObjectAggFunction" : "JsonArrayAggFunction");
            throw new ValidationException("Could not find an implementation method 'merge' in class '" + type + "' for function '"
                    + function + "' that matches the following signature:\nvoid merge(" + type + ".Accumulator, java.lang.Iterable)"
                    + "\n" + (object ? "JSON_OBJECTAGG" : "JSON_ARRAYAGG") + " runs in GROUP BY aggregates and in aggregates of "
                    + "the TUMBLE and CUMULATE window table functions, not of the " + window + " window table function (its "
                    + "windows share or merge partial aggregates), in Flink as in Weir; aggregate per TUMBLE or CUMULATE "
                    + "window instead");
        }
    }

    // JSON_OBJECTAGG(KEY k VALUE v ..) and JSON_ARRAYAGG(v ..), with their NULL clauses; JSON_ARRAYAGG's ORDER BY is refused.
    private static AggCall json(AggregateCall call, RelDataType inputType) {
        if (!call.collation.getFieldCollations().isEmpty()) {
            throw new ValidationException("JSON_ARRAYAGG(... ORDER BY ...) is not supported, nor by Flink; aggregate the values "
                    + "unordered, e.g. JSON_ARRAYAGG(v)");
        }
        if (call.isDistinct()) {
            throw new ValidationException(call.getAggregation().getName() + "(DISTINCT ...) is not supported, nor by Flink; "
                    + "use a subquery with SELECT DISTINCT");
        }
        List<Integer> args = call.getArgList();
        int value = args.get(args.size() - 1);
        boolean timestamp = inputType.getFieldList().get(value).getType().getSqlTypeName() == SqlTypeName.TIMESTAMP;
        boolean raw = call.getAggregation() instanceof JsonAggregates.RawValues;
        if (call.getAggregation() instanceof SqlJsonObjectAggAggFunction) {
            boolean absent = ((SqlJsonObjectAggAggFunction) call.getAggregation()).getNullClause()
                    == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
            return new JsonAggregates.ObjectAgg(args.get(0), value, call.filterArg, absent, timestamp, raw);
        }
        boolean absent = ((SqlJsonArrayAggAggFunction) call.getAggregation()).getNullClause()
                == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
        return new JsonAggregates.ArrayAgg(value, call.filterArg, absent, timestamp, raw);
    }

    private static ValidationException statisticRefused(String name, String where) {
        return new ValidationException(name + " " + where + " is not supported by Weir SQL yet; it runs in a GROUP BY "
                + "aggregate of an insert-only input, e.g. SELECT k, " + name + "(v) FROM t GROUP BY k");
    }

    // LISTAGG(v [, separator]); Flink refuses DISTINCT and WITHIN GROUP (ORDER BY ...) as well.
    private static AggCall listAgg(AggregateCall call, int arg, int filter) {
        if (call.isDistinct() || !call.collation.getFieldCollations().isEmpty()) {
            throw new ValidationException("LISTAGG(DISTINCT ...) and LISTAGG(...) WITHIN GROUP (ORDER BY ...) are not supported; "
                    + "aggregate the values in arrival order, e.g. LISTAGG(v, ',')");
        }
        return new ListAggregates.ListAgg(arg, call.getArgList().size() > 1 ? call.getArgList().get(1) : -1, filter);
    }

    private static boolean isInteger(RelDataType inputType, int arg) {
        SqlTypeName type = inputType.getFieldList().get(arg).getType().getSqlTypeName();
        return type == SqlTypeName.BIGINT || type == SqlTypeName.INTEGER || type == SqlTypeName.SMALLINT
                || type == SqlTypeName.TINYINT;
    }

    private static AggCall sum(AggregateCall call, RelDataType inputType, int arg, int filter, boolean average) {
        if (call.isDistinct()) {
            throw new ValidationException((average ? "AVG" : "SUM") + "(DISTINCT ...) is not supported yet; use a subquery "
                    + "with SELECT DISTINCT");
        }
        SqlTypeName argType = inputType.getFieldList().get(arg).getType().getSqlTypeName();
        Sums.Kind kind = argType == SqlTypeName.DECIMAL ? Sums.Kind.DECIMAL
                : argType == SqlTypeName.DOUBLE || argType == SqlTypeName.FLOAT || argType == SqlTypeName.REAL ? Sums.Kind.FLOATING
                : Sums.Kind.INTEGRAL;
        RelDataType resultType = call.getType();
        Sums.Sum.ResultType result;
        switch (resultType.getSqlTypeName()) {
            case TINYINT:
                result = Sums.Sum.ResultType.TINYINT;
                break;
            case SMALLINT:
                result = Sums.Sum.ResultType.SMALLINT;
                break;
            case INTEGER:
                result = Sums.Sum.ResultType.INT;
                break;
            case FLOAT:
            case REAL:
                result = Sums.Sum.ResultType.FLOAT;
                break;
            case DOUBLE:
                result = Sums.Sum.ResultType.DOUBLE;
                break;
            case DECIMAL:
                result = Sums.Sum.ResultType.DECIMAL;
                break;
            default:
                result = Sums.Sum.ResultType.BIGINT;
        }
        return new Sums.Sum(arg, filter, kind, result, Math.max(0, resultType.getScale()), average);
    }
}
