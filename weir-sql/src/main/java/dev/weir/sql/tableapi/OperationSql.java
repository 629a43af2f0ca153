package dev.weir.sql.tableapi;

import dev.weir.table.api.GroupWindow;
import dev.weir.table.api.OverWindow;
import dev.weir.table.api.SessionWithGapOnTimeWithAlias;
import dev.weir.table.api.SlideWithSizeAndSlideOnTimeWithAlias;
import dev.weir.table.api.TumbleWithSizeOnTimeWithAlias;
import dev.weir.table.api.ValidationException;
import dev.weir.table.expressions.Expression;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL text of each relational operation of the Table API over an input (a view name and its columns), with the
 * columns named as Flink's Table API names them ({@link ColumnNames}). The planner then plans the text as any query, so
 * a Table API program and the same SQL have one semantics.
 */
public final class OperationSql {
    private final String input;
    private final List<String> columns;
    private final SqlRendering rendering;

    /** Operations over the view {@code input} (already quoted) whose columns are {@code columns}. */
    public OperationSql(String input, List<String> columns, SqlRendering.FunctionNames functions) {
        this.input = input;
        this.columns = List.copyOf(columns);
        this.rendering = SqlRendering.plain(functions);
    }

    /** {@code select(fields)}: a projection, or a global aggregate when the fields aggregate. */
    public String select(Expression... fields) {
        List<Node> nodes = expand(fields);
        boolean aggregating = nodes.stream().anyMatch(ColumnNames::aggregates);
        return selectList(rendering, nodes, aggregating) + " FROM " + input;
    }

    /** {@code filter(predicate)}. */
    public String filter(Expression predicate) {
        return "SELECT * FROM " + input + " WHERE " + rendering.render(SqlRendering.node(predicate));
    }

    /** {@code groupBy(keys).select(fields)}. */
    public String groupBySelect(List<Expression> keys, Expression... fields) {
        return selectList(rendering, expand(fields), true) + " FROM " + input + groupBy(rendering, keys, null);
    }

    /**
     * {@code groupBy(keys).aggregate(f).select(fields)} (no keys: {@code aggregate(f).select(fields)}): {@code resultColumns}
     * are the names of the function's flattened result, each with its SQL ({@code (f(`a`)).`x`}); {@code *} is the keys,
     * then those columns. The planner computes one aggregate call for all of them.
     */
    public String aggregateSelect(List<Expression> keys, Map<String, String> resultColumns, Expression... fields) {
        List<Node> selected = expandAggregated(keys, resultColumns, null, fields);
        List<Node> withKeys = withKeys(keys, null, selected);
        String inner = selectList(rendering.withColumns(resultColumns), withKeys, namesWithKeys(withKeys, selected))
                + " FROM " + input + groupBy(rendering, keys, null);
        return outerSelect(selected, inner);
    }

    /** {@code window(w).groupBy(keys).aggregate(f).select(fields)}: {@link #aggregateSelect} within the group window. */
    public String windowAggregateSelect(GroupWindow window, List<Expression> keys, Map<String, String> resultColumns,
            Expression... fields) {
        Node alias = SqlRendering.node(window.getAlias());
        List<Node> selected = expandAggregated(keys, resultColumns, alias.name(), fields);
        List<Node> withKeys = withKeys(keys, alias.name(), selected);
        String inner = windowSelect(window, keys, rendering.withColumns(resultColumns), withKeys,
                namesWithKeys(withKeys, selected));
        return outerSelect(selected, inner);
    }

    /*
     * Calcite's type flattener fails on a ROW-valued aggregate whose group keys the select drops, so the aggregating
     * select holds the keys too, as hidden columns T$k0.., and an outer select picks the selected columns.
     */
    private static List<Node> withKeys(List<Expression> keys, String windowAlias, List<Node> selected) {
        List<Node> all = new ArrayList<>();
        for (Expression key : keys) {
            Node k = SqlRendering.node(key);
            if (!(k.kind() == Node.Kind.FIELD && k.name().equals(windowAlias))) {
                all.add(Node.alias(k, List.of("T$k" + all.size())));
            }
        }
        all.addAll(selected);
        return all;
    }

    private static List<String> namesWithKeys(List<Node> withKeys, List<Node> selected) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < withKeys.size() - selected.size(); i++) {
            names.add("T$k" + i);
        }
        names.addAll(ColumnNames.of(selected, true));
        return names;
    }

    private static String outerSelect(List<Node> selected, String inner) {
        StringBuilder sb = new StringBuilder("SELECT ");
        List<String> names = ColumnNames.of(selected, true);
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(SqlRendering.quote(names.get(i)));
        }
        return sb.append(" FROM (").append(inner).append(")").toString();
    }

    /**
     * {@code SELECT f(..) AS `T$result` FROM input [GROUP BY keys]}: validated, never planned, for the type of the function's result;
     * {@code grouped} for an aggregate function, whose keys leave out a group window's alias.
     */
    public String resultProbe(Node call, List<Expression> keys, String windowAlias, boolean grouped) {
        List<Expression> plainKeys = new ArrayList<>();
        for (Expression key : keys) {
            Node k = SqlRendering.node(key);
            if (!(k.kind() == Node.Kind.FIELD && k.name().equals(windowAlias))) {
                plainKeys.add(key);
            }
        }
        // The keys are selected too, as the query that reads the result's fields selects them (aggregateSelect).
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; grouped && i < plainKeys.size(); i++) {
            select.append(rendering.render(SqlRendering.node(plainKeys.get(i)))).append(" AS `T$k").append(i).append("`, ");
        }
        return select + rendering.render(call) + " AS `T$result` FROM " + input
                + (grouped ? groupBy(rendering, plainKeys, null) : "");
    }

    /** The SQL text of a function call. */
    public String callSql(Node call) {
        return rendering.render(call);
    }

    /** {@code map(f)}: each row's function result, flattened: {@code resultColumns} as in {@link #aggregateSelect}. */
    public String map(Map<String, String> resultColumns) {
        StringBuilder sb = new StringBuilder("SELECT ");
        int i = 0;
        for (Map.Entry<String, String> column : resultColumns.entrySet()) {
            sb.append(i++ > 0 ? ", " : "").append(column.getValue()).append(" AS ").append(SqlRendering.quote(column.getKey()));
        }
        return sb.append(" FROM ").append(input).toString();
    }

    /** The selected fields of an aggregated table, {@code *} expanded to the keys (not a window alias) and the result. */
    private static List<Node> expandAggregated(List<Expression> keys, Map<String, String> resultColumns, String windowAlias,
            Expression... fields) {
        List<Node> nodes = new ArrayList<>();
        for (Expression f : fields) {
            Node node = SqlRendering.node(f);
            if (node.kind() == Node.Kind.FIELD && node.name().equals("*")) {
                for (Expression key : keys) {
                    Node k = SqlRendering.node(key);
                    if (!(k.kind() == Node.Kind.FIELD && k.name().equals(windowAlias))) {
                        nodes.add(k);
                    }
                }
                for (String column : resultColumns.keySet()) {
                    nodes.add(Node.field(column));
                }
            } else {
                nodes.add(node);
            }
        }
        return nodes;
    }

    /** {@code distinct()}. */
    public String distinct() {
        return "SELECT DISTINCT * FROM " + input;
    }

    /** {@code as(names)}: renames the first columns in order. */
    public String as(List<String> names) {
        if (names.size() > columns.size()) {
            throw new ValidationException("Aliasing more fields than we actually have: " + names.size() + " names for "
                    + columns.size() + " columns " + columns);
        }
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String name = i < names.size() ? names.get(i) : columns.get(i);
            sb.append(i > 0 ? ", " : "").append(SqlRendering.quote(columns.get(i))).append(" AS ").append(SqlRendering.quote(name));
        }
        return sb.append(" FROM ").append(input).toString();
    }

    /** {@code addColumns} (replace false) or {@code addOrReplaceColumns} (replace true). */
    public String addColumns(boolean replace, Expression... fields) {
        List<Node> selected = new ArrayList<>();
        for (String c : columns) {
            selected.add(Node.field(c));
        }
        List<Node> added = expand(fields);
        List<Node> all = new ArrayList<>(selected);
        all.addAll(added);
        // An added column without a name is named by its position among all columns, as in Flink (_c5).
        List<String> names = ColumnNames.of(all, false);
        for (int i = 0; i < added.size(); i++) {
            Node node = added.get(i);
            String name = names.get(columns.size() + i);
            int existing = columns.indexOf(name);
            Node named = Node.alias(node.kind() == Node.Kind.ALIAS ? node.args().get(0) : node, List.of(name));
            if (replace && existing >= 0) {
                selected.set(existing, named);
            } else {
                selected.add(named);
            }
        }
        return selectList(rendering, selected, false) + " FROM " + input;
    }

    /** {@code renameColumns($("a").as("b"), ...)}. */
    public String renameColumns(Expression... fields) {
        Map<String, String> renames = new HashMap<>();
        for (Expression f : fields) {
            Node node = SqlRendering.node(f);
            if (node.kind() != Node.Kind.ALIAS || node.args().get(0).kind() != Node.Kind.FIELD) {
                throw new ValidationException("Invalid AS, parameters are: [" + node.asSummaryString() + "]: renameColumns "
                        + "takes columns with new names, $(\"a\").as(\"b\")");
            }
            String from = node.args().get(0).name();
            if (!columns.contains(from)) {
                throw new ValidationException("Field reference '" + from + "' is not found in " + columns);
            }
            renames.put(from, node.aliases().get(0));
        }
        List<Node> selected = new ArrayList<>();
        for (String c : columns) {
            selected.add(renames.containsKey(c) ? Node.alias(Node.field(c), List.of(renames.get(c))) : Node.field(c));
        }
        return selectList(rendering, selected, false) + " FROM " + input;
    }

    /** {@code dropColumns($("a"), ...)}. */
    public String dropColumns(Expression... fields) {
        Set<String> dropped = new HashSet<>();
        for (Expression f : fields) {
            Node node = SqlRendering.node(f);
            if (node.kind() != Node.Kind.FIELD || !columns.contains(node.name())) {
                throw new ValidationException("dropColumns takes columns of the table " + columns + "; not "
                        + node.asSummaryString());
            }
            dropped.add(node.name());
        }
        List<Node> selected = new ArrayList<>();
        for (String c : columns) {
            if (!dropped.contains(c)) {
                selected.add(Node.field(c));
            }
        }
        return selectList(rendering, selected, false) + " FROM " + input;
    }

    /**
     * A join of this input with {@code right} (a view with {@code rightColumns}): {@code type} is INNER, LEFT, RIGHT or
     * FULL; {@code condition} null means every pair (ON TRUE), as Flink's {@code join(right)} followed by {@code where}.
     */
    public String join(String type, String right, List<String> rightColumns, Expression condition) {
        List<String> ambiguous = new ArrayList<>();
        for (String c : columns) {
            if (rightColumns.contains(c)) {
                ambiguous.add(c);
            }
        }
        if (!ambiguous.isEmpty()) {
            throw new ValidationException("join relations with ambiguous names: " + ambiguous + "; rename the columns of one "
                    + "side first: right.renameColumns($(\"" + ambiguous.get(0) + "\").as(\"" + ambiguous.get(0) + "2\"))");
        }
        String on = condition == null ? "TRUE" : rendering.render(SqlRendering.node(condition));
        return "SELECT * FROM " + input + " " + type + " JOIN " + right + " ON " + on;
    }

    /**
     * A join with the rows a table function returns for each row: {@code call("split", $("c")).as("word")}; {@code left}
     * keeps rows for which it returns none (with nulls), as {@code leftOuterJoinLateral}.
     */
    public String joinLateral(Expression tableFunctionCall, Expression condition, boolean left) {
        String table = lateralTable(tableFunctionCall, "joinLateral");
        String on = condition == null ? "TRUE" : rendering.render(SqlRendering.node(condition));
        if (left) {
            return "SELECT * FROM " + input + " LEFT JOIN " + table + " ON " + on;
        }
        return "SELECT * FROM " + input + ", " + table + (condition == null ? "" : " WHERE " + on);
    }

    /** {@code flatMap(call("split", $("c")))}: the rows the table function returns for each row, its columns only. */
    public String flatMap(Expression tableFunctionCall) {
        return "SELECT `T$lateral`.* FROM " + input + ", " + lateralTable(tableFunctionCall, "flatMap");
    }

    /** {@code LATERAL TABLE(f(..)) AS T$lateral(names)} of a table function call, optionally aliased. */
    private String lateralTable(Expression tableFunctionCall, String call) {
        Node node = SqlRendering.node(tableFunctionCall);
        List<String> names = null;
        if (node.kind() == Node.Kind.ALIAS) {
            names = node.aliases();
            node = node.args().get(0);
        }
        if (node.kind() != Node.Kind.CALL) {
            throw new ValidationException("A " + call + " only accepts an expression which defines a table function call "
                    + "that might be followed by some alias; not " + node.asSummaryString());
        }
        StringBuilder table = new StringBuilder("LATERAL TABLE(").append(rendering.render(node)).append(") AS `T$lateral`");
        if (names != null) {
            table.append('(');
            for (int i = 0; i < names.size(); i++) {
                table.append(i > 0 ? ", " : "").append(SqlRendering.quote(names.get(i)));
            }
            table.append(')');
        }
        return table.toString();
    }

    /** {@code unionAll(right)}: both inputs' rows. */
    public String unionAll(String right) {
        return "SELECT * FROM " + input + " UNION ALL SELECT * FROM " + right;
    }

    /** The {@code ORDER BY} clause of {@code orderBy(fields)}: a field without asc() or desc() ascends. */
    public String orderBy(Expression... fields) {
        StringBuilder sb = new StringBuilder(" ORDER BY ");
        for (int i = 0; i < fields.length; i++) {
            Node node = SqlRendering.node(fields[i]);
            sb.append(i > 0 ? ", " : "").append(rendering.render(node)).append(node.kind() == Node.Kind.ORDER ? "" : " ASC");
        }
        return sb.toString();
    }

    /** {@code window(groupWindow).groupBy(keys).select(fields)}. */
    public String windowSelect(GroupWindow window, List<Expression> keys, Expression... fields) {
        return windowSelect(window, keys, rendering, expand(fields));
    }

    private String windowSelect(GroupWindow window, List<Expression> keys, SqlRendering scope, List<Node> selected) {
        return windowSelect(window, keys, scope, selected, ColumnNames.of(selected, true));
    }

    private String windowSelect(GroupWindow window, List<Expression> keys, SqlRendering scope, List<Node> selected,
            List<String> names) {
        Node alias = SqlRendering.node(window.getAlias());
        if (alias.kind() != Node.Kind.FIELD) {
            throw new ValidationException("A group window's alias must be a name: as(\"w\"); not " + alias.asSummaryString());
        }
        SqlRendering windowed = scope.withGroupWindow(alias.name(), windowFunction(window), windowArgs(window));
        int aliases = 0;
        for (Expression key : keys) {
            Node k = SqlRendering.node(key);
            if (k.kind() == Node.Kind.FIELD && k.name().equals(alias.name())) {
                aliases++;
            }
        }
        if (aliases != 1) {
            throw new ValidationException("GroupBy must contain exactly one window alias.");
        }
        return selectList(windowed, selected, names) + " FROM " + input + groupBy(windowed, keys, alias.name());
    }

    /** {@code window(overWindows).select(fields)}. */
    public String overSelect(List<OverWindow> windows, Expression... fields) {
        Map<String, String> clauses = new LinkedHashMap<>();
        for (OverWindow w : windows) {
            Node alias = SqlRendering.node(w.getAlias());
            clauses.put(alias.name(), overClause(w));
        }
        SqlRendering over = rendering.withOverWindows(clauses);
        return selectList(over, expand(fields), false) + " FROM " + input;
    }

    private String overClause(OverWindow window) {
        StringBuilder sb = new StringBuilder("(");
        if (!window.getPartitioning().isEmpty()) {
            sb.append("PARTITION BY ");
            for (int i = 0; i < window.getPartitioning().size(); i++) {
                sb.append(i > 0 ? ", " : "").append(rendering.render(SqlRendering.node(window.getPartitioning().get(i))));
            }
            sb.append(' ');
        }
        sb.append("ORDER BY ").append(rendering.render(SqlRendering.node(window.getOrder()))).append(' ');
        Node preceding = SqlRendering.node(window.getPreceding());
        switch (preceding.kind()) {
            case BOUND:
                sb.append(preceding.name().endsWith("_ROW") ? "ROWS" : "RANGE").append(" BETWEEN ")
                        .append(preceding.name().startsWith("UNBOUNDED") ? "UNBOUNDED PRECEDING" : "CURRENT ROW");
                break;
            case ROW_INTERVAL:
                sb.append("ROWS BETWEEN ").append(preceding.count()).append(" PRECEDING");
                break;
            default:
                sb.append("RANGE BETWEEN ").append(rendering.render(preceding)).append(" PRECEDING");
        }
        if (window.getFollowing().isPresent()) {
            Node following = SqlRendering.node(window.getFollowing().get());
            if (following.kind() != Node.Kind.BOUND || !following.name().startsWith("CURRENT")) {
                throw new ValidationException("An over window ends at the current row: following(CURRENT_ROW) or "
                        + "following(CURRENT_RANGE); not " + following.asSummaryString());
            }
        }
        return sb.append(" AND CURRENT ROW)").toString();
    }

    private static String windowFunction(GroupWindow window) {
        if (window instanceof TumbleWithSizeOnTimeWithAlias) {
            return "TUMBLE";
        }
        if (window instanceof SlideWithSizeAndSlideOnTimeWithAlias) {
            return "HOP";
        }
        return "SESSION";
    }

    private String windowArgs(GroupWindow window) {
        String time = rendering.render(SqlRendering.node(window.getTimeField()));
        if (window instanceof TumbleWithSizeOnTimeWithAlias) {
            return time + ", " + interval(((TumbleWithSizeOnTimeWithAlias) window).getSize());
        }
        if (window instanceof SlideWithSizeAndSlideOnTimeWithAlias) {
            SlideWithSizeAndSlideOnTimeWithAlias slide = (SlideWithSizeAndSlideOnTimeWithAlias) window;
            return time + ", " + interval(slide.getSlide()) + ", " + interval(slide.getSize());
        }
        return time + ", " + interval(((SessionWithGapOnTimeWithAlias) window).getGap());
    }

    private String interval(Expression size) {
        Node node = SqlRendering.node(size);
        if (node.kind() == Node.Kind.ROW_INTERVAL) {
            throw new ValidationException("Weir has no row-count group windows (" + node.asSummaryString() + "); use a time "
                    + "interval, lit(10).minutes(), or a DataStream countWindow");
        }
        return rendering.render(node);
    }

    private String groupBy(SqlRendering scope, List<Expression> keys, String windowAlias) {
        List<String> parts = new ArrayList<>();
        for (Expression key : keys) {
            Node k = SqlRendering.node(key);
            if (windowAlias != null && k.kind() == Node.Kind.FIELD && k.name().equals(windowAlias)) {
                parts.add(scope.groupWindowCall());
            } else {
                parts.add(scope.render(k));
            }
        }
        return parts.isEmpty() ? "" : " GROUP BY " + String.join(", ", parts);
    }

    /** {@code $("*")} expanded to the input's columns. */
    private List<Node> expand(Expression... fields) {
        List<Node> nodes = new ArrayList<>();
        for (Expression f : fields) {
            Node node = SqlRendering.node(f);
            if (node.kind() == Node.Kind.FIELD && node.name().equals("*")) {
                for (String c : columns) {
                    nodes.add(Node.field(c));
                }
            } else {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private static String selectList(SqlRendering scope, List<Node> nodes, boolean aggregating) {
        return selectList(scope, nodes, ColumnNames.of(nodes, aggregating));
    }

    private static String selectList(SqlRendering scope, List<Node> nodes, List<String> names) {
        Set<String> seen = new HashSet<>();
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < nodes.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new ValidationException("Ambiguous column name: " + names.get(i));
            }
            sb.append(i > 0 ? ", " : "").append(scope.render(nodes.get(i))).append(" AS ").append(SqlRendering.quote(names.get(i)));
        }
        return sb.toString();
    }
}
