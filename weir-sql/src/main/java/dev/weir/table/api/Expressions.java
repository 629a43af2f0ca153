package dev.weir.table.api;

import dev.weir.sql.tableapi.Node;
import dev.weir.sql.tableapi.SqlRendering;
import dev.weir.table.functions.UserDefinedFunction;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry points of the Table API's expression DSL, as in Flink: {@code import static
 * dev.weir.table.api.Expressions.*;} then {@code $("a")}, {@code lit(10).minutes()}, {@code call("f", $("a"))},
 * {@code UNBOUNDED_RANGE} and the rest.
 */
public final class Expressions {
    /** Over window bound: every row before the current one. */
    public static final ApiExpression UNBOUNDED_ROW = wrap(Node.bound("UNBOUNDED_ROW"));
    /** Over window bound: every row whose order value is before the current one's. */
    public static final ApiExpression UNBOUNDED_RANGE = wrap(Node.bound("UNBOUNDED_RANGE"));
    /** Over window bound: the current row. */
    public static final ApiExpression CURRENT_ROW = wrap(Node.bound("CURRENT_ROW"));
    /** Over window bound: the rows with the current row's order value. */
    public static final ApiExpression CURRENT_RANGE = wrap(Node.bound("CURRENT_RANGE"));

    private Expressions() {
    }

    /** The column {@code name}; {@code $("*")} is all columns. */
    public static ApiExpression $(String name) {
        return wrap(Node.field(name));
    }

    /** The same as {@link #$(String)}. */
    public static ApiExpression col(String name) {
        return $(name);
    }

    /** A literal, typed as Flink types it: {@code lit(1)} INT, {@code lit(1L)} BIGINT, {@code lit("a")} a string. */
    public static ApiExpression lit(Object v) {
        return wrap(SqlRendering.literal(v));
    }

    /** A literal of the given type. */
    public static ApiExpression lit(Object v, DataType dataType) {
        return wrap(Node.cast("cast", "CAST", SqlRendering.literal(v), dataType));
    }

    /** A typed null. */
    public static ApiExpression nullOf(DataType dataType) {
        return wrap(Node.literal("CAST(NULL AS " + SqlRendering.typeSql(dataType) + ")", "null", dataType));
    }

    /** The conjunction of the predicates. */
    public static ApiExpression and(Object predicate0, Object predicate1, Object... predicates) {
        return wrap(Node.call("and", joined(" AND ", 2 + predicates.length), operands(predicate0, predicate1, predicates)));
    }

    /** The disjunction of the predicates. */
    public static ApiExpression or(Object predicate0, Object predicate1, Object... predicates) {
        return wrap(Node.call("or", joined(" OR ", 2 + predicates.length), operands(predicate0, predicate1, predicates)));
    }

    /** The negation of the predicate. */
    public static ApiExpression not(Object expression) {
        return wrap(Node.call("not", "(NOT $0)", SqlRendering.operand(expression)));
    }

    /** {@code ifTrue} when {@code condition} holds, else {@code ifFalse}. */
    public static ApiExpression ifThenElse(Object condition, Object ifTrue, Object ifFalse) {
        return wrap(Node.call("ifThenElse", "(CASE WHEN $0 THEN $1 ELSE $2 END)", SqlRendering.operand(condition), SqlRendering.operand(ifTrue), SqlRendering.operand(ifFalse)));
    }

    /** A ROW of the values. */
    public static ApiExpression row(Object head, Object... tail) {
        return wrap(Node.call("row", "ROW($*)", operands(head, tail)));
    }

    /** An ARRAY of the values. */
    public static ApiExpression array(Object head, Object... tail) {
        return wrap(Node.call("array", "ARRAY[$*]", operands(head, tail)));
    }

    /** A MAP of alternating keys and values. */
    public static ApiExpression map(Object key, Object value, Object... tail) {
        return wrap(Node.call("map", "MAP[$*]", operands(key, value, tail)));
    }

    /** The strings concatenated; null if one is null. */
    public static ApiExpression concat(Object string, Object... strings) {
        return wrap(Node.call("concat", "CONCAT($*)", operands(string, strings)));
    }

    /** The strings joined with {@code separator}, skipping nulls. */
    public static ApiExpression concatWs(Object separator, Object string, Object... strings) {
        return wrap(Node.call("concat_ws", "CONCAT_WS($*)", operands(separator, string, strings)));
    }

    /** The first value that is not null. */
    public static ApiExpression coalesce(Object... args) {
        return wrap(Node.call("coalesce", "COALESCE($*)", operands(args)));
    }

    /** The negation of a number. */
    public static ApiExpression negative(Object v) {
        return wrap(Node.call("minusPrefix", "(- $0)", SqlRendering.operand(v)));
    }

    /** The current date in the session time zone. */
    public static ApiExpression currentDate() {
        return wrap(Node.call("currentDate", "CURRENT_DATE"));
    }

    /** The current time in the session time zone. */
    public static ApiExpression currentTime() {
        return wrap(Node.call("currentTime", "CURRENT_TIME"));
    }

    /** The current timestamp, a TIMESTAMP_LTZ(3). */
    public static ApiExpression currentTimestamp() {
        return wrap(Node.call("currentTimestamp", "CURRENT_TIMESTAMP"));
    }

    /** The local time. */
    public static ApiExpression localTime() {
        return wrap(Node.call("localTime", "LOCALTIME"));
    }

    /** The local timestamp. */
    public static ApiExpression localTimestamp() {
        return wrap(Node.call("localTimestamp", "LOCALTIMESTAMP"));
    }

    /** The current watermark of the rowtime column. */
    public static ApiExpression currentWatermark(Object rowtimeAttribute) {
        return wrap(Node.call("currentWatermark", "CURRENT_WATERMARK($0)", SqlRendering.operand(rowtimeAttribute)));
    }

    /** Epoch seconds or milliseconds as a TIMESTAMP_LTZ of {@code precision} 0 or 3. */
    public static ApiExpression toTimestampLtz(Object numericEpochTime, Object precision) {
        return wrap(Node.call("toTimestampLtz", "TO_TIMESTAMP_LTZ($0, $1)", SqlRendering.operand(numericEpochTime), SqlRendering.operand(precision)));
    }

    /** A timestamp formatted by {@code format}. */
    public static ApiExpression dateFormat(Object timestamp, Object format) {
        return wrap(Node.call("dateFormat", "DATE_FORMAT($0, $1)", SqlRendering.operand(timestamp), SqlRendering.operand(format)));
    }

    /** Epoch seconds as a timestamp string. */
    public static ApiExpression fromUnixtime(Object unixtime) {
        return wrap(Node.call("fromUnixtime", "FROM_UNIXTIME($0)", SqlRendering.operand(unixtime)));
    }

    /** The current epoch seconds. */
    public static ApiExpression unixTimestamp() {
        return wrap(Node.call("unixTimestamp", "UNIX_TIMESTAMP()"));
    }

    /** A random UUID string. */
    public static ApiExpression uuid() {
        return wrap(Node.call("uuid", "UUID()"));
    }

    /** A random double in [0, 1). */
    public static ApiExpression rand() {
        return wrap(Node.call("rand", "RAND()"));
    }

    /** The constant pi. */
    public static ApiExpression pi() {
        return wrap(Node.call("pi", "PI()"));
    }

    /** The constant e. */
    public static ApiExpression e() {
        return wrap(Node.call("e", "E()"));
    }

    /** The watermark of the source (Flink's {@code SOURCE_WATERMARK()}). */
    public static ApiExpression sourceWatermark() {
        return wrap(Node.call("sourceWatermark", "SOURCE_WATERMARK()"));
    }

    /** A count of rows for an over window's bound. */
    public static ApiExpression rowInterval(Long rows) {
        return wrap(Node.rowInterval(rows));
    }

    /** A call of the function registered (or built in) under {@code path}. */
    public static ApiExpression call(String path, Object... arguments) {
        return wrap(Node.call(path, path + "($*)", operands(arguments)));
    }

    /** A call of a user-defined function instance, registered in the table's environment when used. */
    public static ApiExpression call(UserDefinedFunction function, Object... arguments) {
        return wrap(Node.functionCall(function, operands(arguments)));
    }

    /** A call of a user-defined function class, made with its public no-argument constructor. */
    public static ApiExpression call(Class<? extends UserDefinedFunction> function, Object... arguments) {
        return call(instantiate(function), arguments);
    }

    /** A SQL expression, as in Flink: {@code callSql("UPPER(name)")}. */
    public static ApiExpression callSql(String sqlExpression) {
        return wrap(Node.literal("(" + sqlExpression + ")", "[" + sqlExpression + "]"));
    }

    private static ApiExpression wrap(Node node) {
        return new ApiExpression(node);
    }

    private static List<Node> operands(Object... values) {
        List<Node> nodes = new ArrayList<>();
        for (Object v : values) {
            nodes.add(SqlRendering.operand(v));
        }
        return nodes;
    }

    private static List<Node> operands(Object first, Object[] rest) {
        List<Node> nodes = operands(rest);
        nodes.add(0, SqlRendering.operand(first));
        return nodes;
    }

    private static List<Node> operands(Object first, Object second, Object[] rest) {
        List<Node> nodes = operands(second, rest);
        nodes.add(0, SqlRendering.operand(first));
        return nodes;
    }

    /** {@code ($0 op $1 op ...)} over {@code count} arguments. */
    private static String joined(String op, int count) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < count; i++) {
            sb.append(i > 0 ? op : "").append('$').append(i);
        }
        return sb.append(')').toString();
    }

    private static UserDefinedFunction instantiate(Class<? extends UserDefinedFunction> function) {
        try {
            return function.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ValidationException("Cannot instantiate " + function.getName() + ": a function class passed to call(..) "
                    + "needs a public no-argument constructor", e);
        }
    }
}
