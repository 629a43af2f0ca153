package dev.weir.sql.tableapi;

import dev.weir.table.api.ValidationException;
import dev.weir.table.expressions.Expression;
import dev.weir.table.types.DataType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import java.util.Map;

/**
 * Renders Table API expressions as Flink SQL text, the simplest faithful translation onto Weir's planner: columns in
 * backquotes, literals typed as Flink types them ({@code lit(1L)} is a BIGINT), aggregates, group-window properties
 * ({@code $("w").start()} becomes {@code TUMBLE_START(..)}) and over aggregates ({@code .over($("w"))} becomes
 * {@code OVER (PARTITION BY ..)}) in the scope of the window they name.
 */
public final class SqlRendering {
    /** The group window in scope: its alias and the SQL arguments of its function (TUMBLE, HOP or SESSION). */
    private final String windowAlias;
    private final String windowFunction;
    private final String windowArgs;
    /** The over windows in scope: alias to the {@code OVER (..)} clause. */
    private final Map<String, String> overWindows;
    /** Columns rendered as other SQL: the fields of an aggregate function's flattened result, {@code (f(`a`)).`x`}. */
    private final Map<String, String> columnSql;
    private final FunctionNames functions;

    /** Names the user-defined functions passed as instances or classes to {@code call(..)}: registers them. */
    public interface FunctionNames {
        /** The SQL name under which {@code function} (a UserDefinedFunction instance) is callable. */
        String nameOf(Object function);
    }

    private SqlRendering(String windowAlias, String windowFunction, String windowArgs, Map<String, String> overWindows,
            Map<String, String> columnSql, FunctionNames functions) {
        this.windowAlias = windowAlias;
        this.windowFunction = windowFunction;
        this.windowArgs = windowArgs;
        this.overWindows = overWindows;
        this.columnSql = columnSql;
        this.functions = functions;
    }

    /** Renders expressions outside any window. */
    public static SqlRendering plain(FunctionNames functions) {
        return new SqlRendering(null, null, null, Map.of(), Map.of(), functions);
    }

    /** Renders the expressions of a group window's select: {@code alias} is TUMBLE(args), HOP(args) or SESSION(args). */
    public SqlRendering withGroupWindow(String alias, String function, String args) {
        return new SqlRendering(alias, function, args, overWindows, columnSql, functions);
    }

    /** Renders the expressions of an over window select. */
    public SqlRendering withOverWindows(Map<String, String> windows) {
        return new SqlRendering(windowAlias, windowFunction, windowArgs, windows, columnSql, functions);
    }

    /** Renders each column named in {@code sql} as its SQL text there (the fields of a flattened function result). */
    public SqlRendering withColumns(Map<String, String> sql) {
        return new SqlRendering(windowAlias, windowFunction, windowArgs, overWindows, Map.copyOf(sql), functions);
    }

    /** The group window's grouping call: {@code TUMBLE(`ts`, INTERVAL '10' MINUTE)}. */
    public String groupWindowCall() {
        return windowFunction + "(" + windowArgs + ")";
    }

    /** The node behind an expression of the DSL; ValidationException for an expression Weir did not make. */
    public static Node node(Expression expression) {
        if (expression instanceof Node) {
            return (Node) expression;
        }
        if (expression instanceof dev.weir.table.api.ApiExpression) {
            return (Node) ((dev.weir.table.api.ApiExpression) expression).toExpr();
        }
        throw new ValidationException("Unsupported expression " + expression + ": build expressions with "
                + "dev.weir.table.api.Expressions ($, lit, call, ...)");
    }

    /** An operand of the DSL: an expression as it is, any other value as a literal. */
    public static Node operand(Object value) {
        if (value instanceof Expression) {
            return node((Expression) value);
        }
        return literal(value);
    }

    /** A literal typed as Flink types {@code lit(value)}. */
    public static Node literal(Object value) {
        if (value == null) {
            return Node.literal("NULL", "null");
        }
        if (value instanceof String) {
            String quoted = "'" + ((String) value).replace("'", "''") + "'";
            return Node.literal(quoted, quoted);
        }
        if (value instanceof Integer) {
            return Node.literal(value.toString(), value.toString());
        }
        if (value instanceof Long) {
            return Node.literal("CAST(" + value + " AS BIGINT)", value.toString());
        }
        if (value instanceof Short) {
            return Node.literal("CAST(" + value + " AS SMALLINT)", value.toString());
        }
        if (value instanceof Byte) {
            return Node.literal("CAST(" + value + " AS TINYINT)", value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            String type = value instanceof Double ? "DOUBLE" : "FLOAT";
            double d = ((Number) value).doubleValue();
            String text = Double.isFinite(d) ? Double.toString(d) : "'" + value + "'";
            return Node.literal("CAST(" + text + " AS " + type + ")", value.toString());
        }
        if (value instanceof BigDecimal) {
            String text = ((BigDecimal) value).toPlainString();
            return Node.literal(text, text);
        }
        if (value instanceof Boolean) {
            return Node.literal(((Boolean) value) ? "TRUE" : "FALSE", value.toString());
        }
        if (value instanceof LocalDate) {
            return Node.literal("DATE '" + value + "'", value.toString());
        }
        if (value instanceof LocalTime) {
            return Node.literal("TIME '" + value + "'", value.toString());
        }
        if (value instanceof LocalDateTime) {
            return Node.literal("TIMESTAMP '" + value.toString().replace('T', ' ') + "'", value.toString());
        }
        if (value instanceof Instant) {
            return Node.literal("TO_TIMESTAMP_LTZ(" + ((Instant) value).toEpochMilli() + ", 3)", value.toString());
        }
        if (value instanceof Duration) {
            return interval(((Duration) value).toMillis(), false);
        }
        if (value instanceof Period) {
            return interval(((Period) value).toTotalMonths(), true);
        }
        if (value instanceof byte[]) {
            StringBuilder hex = new StringBuilder("X'");
            for (byte b : (byte[]) value) {
                hex.append(String.format("%02X", b));
            }
            return Node.literal(hex.append('\'').toString(), hex.toString());
        }
        throw new ValidationException("Unsupported literal " + value + " of class " + value.getClass().getName()
                + ": lit(..) takes strings, numbers, booleans, java.time values and byte arrays");
    }

    /**
     * An interval literal of {@code amount} milliseconds or months, in the largest unit that holds it exactly, with a
     * leading precision wide enough for its digits (SQL's default of 2 would refuse {@code INTERVAL '600' SECOND}).
     */
    public static Node interval(long amount, boolean months) {
        String summary = Long.toString(amount);
        if (months) {
            return amount % 12 == 0 ? Node.literal(unitInterval(amount / 12, "YEAR"), summary)
                    : Node.literal(unitInterval(amount, "MONTH"), summary);
        }
        if (amount % 86_400_000L == 0) {
            return Node.literal(unitInterval(amount / 86_400_000L, "DAY"), summary);
        }
        if (amount % 3_600_000L == 0) {
            return Node.literal(unitInterval(amount / 3_600_000L, "HOUR"), summary);
        }
        if (amount % 60_000L == 0) {
            return Node.literal(unitInterval(amount / 60_000L, "MINUTE"), summary);
        }
        if (amount % 1000 == 0) {
            return Node.literal(unitInterval(amount / 1000, "SECOND"), summary);
        }
        String seconds = BigDecimal.valueOf(amount, 3).toPlainString();
        int digits = Math.max(2, Long.toString(Math.abs(amount / 1000)).length());
        return Node.literal("INTERVAL '" + seconds + "' SECOND(" + digits + ", 3)", summary);
    }

    private static String unitInterval(long value, String unit) {
        int digits = Long.toString(Math.abs(value)).length();
        return "INTERVAL '" + value + "' " + unit + (digits > 2 ? "(" + digits + ")" : "");
    }

    /** A data type as SQL's CAST takes it: Flink's summary string without NOT NULL. */
    public static String typeSql(DataType type) {
        return type.nullable().toString();
    }

    /** A column name in backquotes. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** The SQL text of {@code node}. */
    public String render(Node node) {
        switch (node.kind()) {
            case FIELD:
                if (node.name().equals("*")) {
                    return "*";
                }
                if (columnSql.containsKey(node.name())) {
                    return columnSql.get(node.name());
                }
                if (node.name().equals(windowAlias)) {
                    throw new ValidationException("The window alias '" + node.name() + "' is no column; select its "
                            + "properties: $(\"" + node.name() + "\").start(), end(), rowtime() or proctime()");
                }
                return quote(node.name());
            case LITERAL:
                return node.sql();
            case CALL:
                return callSql(node);
            case AGGREGATE:
                return aggregate(node, false);
            case DISTINCT: {
                Node inner = node.args().get(0);
                if (inner.kind() != Node.Kind.AGGREGATE) {
                    throw new ValidationException("distinct() applies to an aggregate: write $(\"a\").count().distinct(), "
                            + "not " + node.asSummaryString());
                }
                return aggregate(inner, true);
            }
            case ALIAS:
                return render(node.args().get(0));
            case OVER:
                return over(node);
            case WINDOW_PROPERTY:
                return windowProperty(node);
            case ORDER:
                return render(node.args().get(0)) + (node.name().equals("asc") ? " ASC" : " DESC");
            case ROW_INTERVAL:
            case BOUND:
            default:
                throw new ValidationException(node.asSummaryString() + " is valid only as the preceding or following "
                        + "bound of an over window: Over.partitionBy(..).orderBy(..).preceding(" + node.asSummaryString() + ")");
        }
    }

    private String callSql(Node node) {
        List<Node> args = node.args();
        String template = node.function() == null ? node.sql() : functions.nameOf(node.function()) + "($*)";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '$' && i + 1 < template.length()) {
                char next = template.charAt(i + 1);
                if (next == '*' || next == '+') {
                    // $* all arguments, $+ all but the first.
                    for (int a = next == '*' ? 0 : 1; a < args.size(); a++) {
                        sb.append(a > (next == '*' ? 0 : 1) ? ", " : "").append(render(args.get(a)));
                    }
                    i++;
                    continue;
                }
                if (Character.isDigit(next)) {
                    int end = i + 1;
                    while (end < template.length() && Character.isDigit(template.charAt(end))) {
                        end++;
                    }
                    sb.append(render(args.get(Integer.parseInt(template.substring(i + 1, end)))));
                    i = end - 1;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private String aggregate(Node node, boolean distinct) {
        StringBuilder sb = new StringBuilder(node.sql()).append('(');
        List<Node> args = node.args();
        if (args.isEmpty()) {
            return sb.append("*)").toString();
        }
        for (int i = 0; i < args.size(); i++) {
            Node arg = args.get(i);
            if (i == 0 && arg.kind() == Node.Kind.DISTINCT) {
                distinct = true;
                arg = arg.args().get(0);
            }
            sb.append(i > 0 ? ", " : distinct ? "DISTINCT " : "").append(render(arg));
        }
        return sb.append(')').toString();
    }

    private String over(Node node) {
        Node aggregate = node.args().get(0);
        Node window = node.args().get(1);
        if (aggregate.kind() != Node.Kind.AGGREGATE && aggregate.kind() != Node.Kind.DISTINCT) {
            throw new ValidationException("over(..) applies to an aggregate: write $(\"b\").sum().over($(\"w\")), not "
                    + node.asSummaryString());
        }
        String clause = window.kind() == Node.Kind.FIELD ? overWindows.get(window.name()) : null;
        if (clause == null) {
            throw new ValidationException("Over window alias " + window.asSummaryString() + " is not defined; define it "
                    + "with table.window(Over.partitionBy(..).orderBy(..).preceding(..).as(\"" + window.asSummaryString()
                    + "\"))");
        }
        return render(aggregate) + " OVER " + clause;
    }

    private String windowProperty(Node node) {
        Node window = node.args().get(0);
        if (windowAlias == null || window.kind() != Node.Kind.FIELD || !window.name().equals(windowAlias)) {
            throw new ValidationException(node.asSummaryString() + " needs a group window aliased " + window.asSummaryString()
                    + ": table.window(Tumble.over(..).on(..).as(\"" + window.asSummaryString() + "\")).groupBy(..).select(..)");
        }
        return windowFunction + "_" + node.name().toUpperCase(java.util.Locale.ROOT) + "(" + windowArgs + ")";
    }
}
