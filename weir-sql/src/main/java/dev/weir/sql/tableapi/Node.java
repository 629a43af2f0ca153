package dev.weir.sql.tableapi;

import dev.weir.table.expressions.Expression;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One node of a Table API expression tree: what {@code ApiExpression} wraps. Immutable. {@link SqlRendering} turns it
 * into Flink SQL text, which Weir's planner plans as it plans any query; {@link #asSummaryString()} is Flink's form.
 */
public final class Node implements Expression {
    /** What a node is; the rendering and Flink's column naming depend on it. */
    public enum Kind {
        /** A column: {@code $("a")}; {@code *} for {@code $("*")}. */
        FIELD,
        /** A literal, already rendered as SQL. */
        LITERAL,
        /** A scalar call rendered by a template: {@code $0}, {@code $1}... the arguments, {@code $*} all of them. */
        CALL,
        /** An aggregate call: {@code SUM(b)}, {@code COUNT(DISTINCT c)}. */
        AGGREGATE,
        /** {@code expr.as("name")}: a column name (several for a table function's columns). */
        ALIAS,
        /** {@code agg.over($("w"))}. */
        OVER,
        /** {@code $("w").start()}, {@code end()}, {@code rowtime()}, {@code proctime()} of a group window. */
        WINDOW_PROPERTY,
        /** {@code lit(10).rows()} or {@code rowInterval(10L)}: a count of rows for an over window's range. */
        ROW_INTERVAL,
        /** {@code UNBOUNDED_ROW}, {@code UNBOUNDED_RANGE}, {@code CURRENT_ROW}, {@code CURRENT_RANGE}. */
        BOUND,
        /** {@code asc()} or {@code desc()} in {@code orderBy}. */
        ORDER,
        /** {@code distinct()} on an aggregate or its argument. */
        DISTINCT
    }

    private final Kind kind;
    private final String name;
    private final String sql;
    private final List<Node> args;
    private final DataType type;
    private final long count;
    private final Object function;

    private Node(Kind kind, String name, String sql, List<Node> args, DataType type, long count) {
        this(kind, name, sql, args, type, count, null);
    }

    private Node(Kind kind, String name, String sql, List<Node> args, DataType type, long count, Object function) {
        this.function = function;
        this.kind = kind;
        this.name = name;
        this.sql = sql;
        this.args = List.copyOf(args);
        this.type = type;
        this.count = count;
    }

    public static Node field(String name) {
        return new Node(Kind.FIELD, Objects.requireNonNull(name, "name"), null, List.of(), null, 0);
    }

    /** A literal: its SQL text and Flink's summary of it ({@code 'FRANCE'}, {@code 10}). */
    public static Node literal(String sql, String summary) {
        return new Node(Kind.LITERAL, summary, sql, List.of(), null, 0);
    }

    /** A literal of a known SQL type (a {@code CAST} to it is in {@code sql}). */
    public static Node literal(String sql, String summary, DataType type) {
        return new Node(Kind.LITERAL, summary, sql, List.of(), type, 0);
    }

    /** A scalar call: Flink's function name for the summary and a SQL template over the arguments. */
    public static Node call(String flinkName, String template, Node... args) {
        return new Node(Kind.CALL, flinkName, template, List.of(args), null, 0);
    }

    /** A scalar call over a list of arguments. */
    public static Node call(String flinkName, String template, List<Node> args) {
        return new Node(Kind.CALL, flinkName, template, args, null, 0);
    }

    /** A call of a user-defined function given as an instance, which the rendering registers under a name. */
    public static Node functionCall(Object function, List<Node> args) {
        return new Node(Kind.CALL, function.getClass().getSimpleName(), null, args, null, 0, function);
    }

    /** {@code CAST(arg AS type)} (or {@code TRY_CAST}). */
    public static Node cast(String flinkName, String sqlFunction, Node arg, DataType type) {
        return new Node(Kind.CALL, flinkName, sqlFunction + "($0 AS " + SqlRendering.typeSql(type) + ")", List.of(arg), type, 0);
    }

    /** An aggregate: Flink's name for the summary, the SQL function; no arguments means {@code COUNT(*)}. */
    public static Node aggregate(String flinkName, String sqlFunction, Node... args) {
        return new Node(Kind.AGGREGATE, flinkName, sqlFunction, List.of(args), null, 0);
    }

    public static Node alias(Node expr, List<String> names) {
        List<Node> args = new ArrayList<>();
        args.add(expr);
        for (String n : names) {
            args.add(literal("'" + n + "'", "'" + n + "'"));
        }
        return new Node(Kind.ALIAS, String.join(",", names), null, args, null, 0);
    }

    public static Node over(Node aggregate, Node window) {
        return new Node(Kind.OVER, "over", null, List.of(aggregate, window), null, 0);
    }

    /** A group window's property; {@code property} is start, end, rowtime or proctime. */
    public static Node windowProperty(String property, Node window) {
        return new Node(Kind.WINDOW_PROPERTY, property, null, List.of(window), null, 0);
    }

    public static Node rowInterval(long rows) {
        return new Node(Kind.ROW_INTERVAL, Long.toString(rows), null, List.of(), null, rows);
    }

    /** An over window's bound: {@code UNBOUNDED_ROW} and its three siblings. */
    public static Node bound(String name) {
        return new Node(Kind.BOUND, name, null, List.of(), null, 0);
    }

    public static Node order(boolean ascending, Node expr) {
        return new Node(Kind.ORDER, ascending ? "asc" : "desc", null, List.of(expr), null, 0);
    }

    public static Node distinct(Node expr) {
        return new Node(Kind.DISTINCT, "distinct", null, List.of(expr), null, 0);
    }

    public Kind kind() {
        return kind;
    }

    /** The field name, alias names (comma-separated), Flink's function name, or bound name. */
    public String name() {
        return name;
    }

    /** The SQL text of a literal, the template of a call, the SQL function of an aggregate. */
    public String sql() {
        return sql;
    }

    public List<Node> args() {
        return args;
    }

    /** The target type of a cast or typed literal; null otherwise. */
    public DataType type() {
        return type;
    }

    /** The rows of a {@link Kind#ROW_INTERVAL}. */
    public long count() {
        return count;
    }

    /** The user-defined function instance of a call of one; null otherwise. */
    public Object function() {
        return function;
    }

    /** The alias names of an {@link Kind#ALIAS}. */
    public List<String> aliases() {
        return List.of(name.split(","));
    }

    @Override
    public List<Expression> getChildren() {
        return List.copyOf(args);
    }

    @Override
    public String asSummaryString() {
        switch (kind) {
            case FIELD:
            case LITERAL:
            case BOUND:
            case ROW_INTERVAL:
                return name;
            default:
                StringBuilder sb = new StringBuilder(kind == Kind.ALIAS ? "as" : name).append('(');
                for (int i = 0; i < args.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(args.get(i).asSummaryString());
                }
                if (type != null && kind == Kind.CALL) {
                    sb.append(", ").append(type);
                }
                return sb.append(')').toString();
        }
    }

    @Override
    public String toString() {
        return asSummaryString();
    }
}
