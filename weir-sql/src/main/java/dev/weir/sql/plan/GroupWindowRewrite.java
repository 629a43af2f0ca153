package dev.weir.sql.plan;

import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Rewrites Flink's deprecated group-window aggregation, {@code GROUP BY k, TUMBLE(ts, size)} (or {@code HOP(ts, slide,
 * size)}, {@code SESSION(ts, gap)}) with the auxiliary functions {@code TUMBLE_START}, {@code TUMBLE_END},
 * {@code TUMBLE_ROWTIME}, {@code TUMBLE_PROCTIME} (and their HOP_ and SESSION_ twins), into the window table function
 * aggregation Flink recommends instead, which has the same semantics and runs on the same window operators:
 * {@code FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), size)) GROUP BY k, window_start, window_end}, selecting
 * {@code window_start}, {@code window_end} and {@code window_time}. A SESSION is partitioned by the other grouping
 * columns, since legacy session windows are per group key. The rewrite is on the parse tree, before validation, and
 * keeps the result's column names.
 */
final class GroupWindowRewrite extends SqlShuttle {
    private GroupWindowRewrite() {
    }

    static SqlNode apply(SqlNode parsed) {
        return parsed.accept(new GroupWindowRewrite());
    }

    /**
     * A view's query as Calcite can expand it: with its group windows (and Flink 1.19's SESSION PARTITION BY) rewritten,
     * unparsed again; the query itself when it has neither. Calcite parses a view's text where it is used, past
     * {@link SqlPlanner}'s rewrites.
     */
    static String rewriteView(String query) {
        try {
            SqlNode parsed = org.apache.calcite.sql.parser.SqlParser.create(query, SqlPlanner.PARSER_CONFIG).parseQuery();
            String before = unparse(parsed);
            String after = unparse(FlinkNullOrder.apply(SessionPartitionRewrite.apply(apply(parsed))));
            return before.equals(after) ? query : after;
        } catch (org.apache.calcite.sql.parser.SqlParseException e) {
            return query; // the view parsed when it was created; let its expansion report any error
        }
    }

    private static String unparse(SqlNode node) {
        org.apache.calcite.sql.SqlDialect dialect = new org.apache.calcite.sql.SqlDialect(
                org.apache.calcite.sql.SqlDialect.EMPTY_CONTEXT.withIdentifierQuoteString("`"));
        return node.toSqlString(c -> c.withDialect(dialect).withAlwaysUseParentheses(false)
                .withSelectListItemsOnSeparateLines(false).withIndentation(0)).getSql();
    }

    @Override
    public SqlNode visit(SqlCall call) {
        SqlNode visited = super.visit(call);
        if (visited instanceof SqlSelect) {
            rewrite((SqlSelect) visited);
        }
        return visited;
    }

    /** The group window call found in a GROUP BY: its kind (TUMBLE, HOP, SESSION) and operands. */
    private record GroupWindow(String kind, SqlCall call, SqlIdentifier time, List<SqlNode> intervals) {
    }

    private static void rewrite(SqlSelect select) {
        SqlNodeList group = select.getGroup();
        if (group == null) {
            return;
        }
        GroupWindow window = null;
        List<SqlNode> others = new ArrayList<>();
        for (SqlNode item : group) {
            String kind = groupWindowKind(item);
            if (kind == null) {
                others.add(item);
                continue;
            }
            if (window != null) {
                throw refusal("Only a single window group function may be used in GROUP BY", item.getParserPosition());
            }
            window = groupWindow(kind, (SqlCall) item);
        }
        if (window == null) {
            return;
        }
        SqlParserPos pos = window.call().getParserPosition();
        String alias = fromAlias(select.getFrom(), pos);
        List<SqlNode> operands = new ArrayList<>();
        operands.add(tableOperand(select.getFrom()));
        operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(pos, new SqlIdentifier(window.time().names.get(
                window.time().names.size() - 1), window.time().getParserPosition())));
        if (window.kind().equals("SESSION")) {
            List<SqlNode> keys = new ArrayList<>();
            for (SqlNode key : others) {
                if (!(key instanceof SqlIdentifier)) {
                    throw refusal("A SESSION group window groups by columns only, since each key has its own sessions; "
                            + "compute the expression in a subquery and group by its column", key.getParserPosition());
                }
                SqlIdentifier id = (SqlIdentifier) key;
                keys.add(new SqlIdentifier(id.names.get(id.names.size() - 1), id.getParserPosition()));
            }
            if (!keys.isEmpty()) {
                operands.add(SqlStdOperatorTable.DESCRIPTOR.createCall(pos, keys));
            }
        }
        operands.addAll(window.intervals());
        WindowTableFunction function = switch (window.kind()) {
            case "TUMBLE" -> WindowTableFunction.TUMBLE;
            case "HOP" -> WindowTableFunction.HOP;
            default -> WindowTableFunction.SESSION;
        };
        SqlNode table = SqlStdOperatorTable.COLLECTION_TABLE.createCall(pos, function.createCall(pos, operands));
        select.setFrom(SqlStdOperatorTable.AS.createCall(pos, table, new SqlIdentifier(alias, pos)));
        List<SqlNode> newGroup = new ArrayList<>(others);
        newGroup.add(windowColumn(alias, "window_start", pos));
        newGroup.add(windowColumn(alias, "window_end", pos));
        AuxiliaryCalls auxiliary = new AuxiliaryCalls(window, alias);
        SqlNodeList items = select.getSelectList();
        List<SqlNode> newItems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SqlNode item = items.get(i);
            SqlNode replaced = item.accept(auxiliary);
            if (replaced != item && auxiliaryKind(item) != null) {
                // An unaliased TUMBLE_START(...) is named EXPR$i, as Flink names it; window_start would name itself.
                replaced = SqlStdOperatorTable.AS.createCall(item.getParserPosition(), replaced,
                        new SqlIdentifier("EXPR$" + i, item.getParserPosition()));
            }
            newItems.add(replaced);
        }
        select.setSelectList(new SqlNodeList(newItems, items.getParserPosition()));
        if (select.getHaving() != null) {
            select.setHaving(select.getHaving().accept(auxiliary));
        }
        if (select.getOrderList() != null) {
            select.setOrderBy((SqlNodeList) select.getOrderList().accept(auxiliary));
        }
        if (auxiliary.selectsTime) {
            newGroup.add(windowColumn(alias, "window_time", pos));
        }
        select.setGroupBy(new SqlNodeList(newGroup, group.getParserPosition()));
    }

    private static SqlIdentifier windowColumn(String alias, String column, SqlParserPos pos) {
        return new SqlIdentifier(List.of(alias, column), pos);
    }

    /** TUMBLE, HOP or SESSION when {@code node} is a group window call in a GROUP BY, else null. */
    private static String groupWindowKind(SqlNode node) {
        if (!(node instanceof SqlBasicCall)) {
            return null;
        }
        SqlKind kind = node.getKind();
        if (kind == SqlKind.TUMBLE || kind == SqlKind.HOP || kind == SqlKind.SESSION) {
            String name = ((SqlCall) node).getOperator().getName().toUpperCase(Locale.ROOT);
            return name.startsWith("$") ? name.substring(1) : name;
        }
        return null;
    }

    private static GroupWindow groupWindow(String kind, SqlCall call) {
        List<SqlNode> operands = call.getOperandList();
        int intervals = kind.equals("HOP") ? 2 : 1;
        if (operands.size() != intervals + 1) {
            String form = switch (kind) {
                case "HOP" -> "HOP(time_attr, slide_interval, size_interval)";
                case "SESSION" -> "SESSION(time_attr, gap_interval)";
                default -> "TUMBLE(time_attr, size_interval)";
            };
            throw refusal("The group window function " + kind + " takes " + (intervals + 1) + " arguments: write " + form,
                    call.getParserPosition());
        }
        if (!(operands.get(0) instanceof SqlIdentifier)) {
            throw refusal("The first argument of the group window function " + kind + " must be a time attribute column "
                    + "(a column with a WATERMARK, or PROCTIME()); compute it in a subquery or as a computed column",
                    operands.get(0).getParserPosition());
        }
        return new GroupWindow(kind, call, (SqlIdentifier) operands.get(0), operands.subList(1, operands.size()));
    }

    /** The window function's table argument: {@code TABLE t} for a table or view, the query itself for a subquery. */
    private static SqlNode tableOperand(SqlNode from) {
        SqlNode source = from.getKind() == SqlKind.AS ? ((SqlCall) from).operand(0) : from;
        if (source instanceof SqlIdentifier) {
            return SqlStdOperatorTable.EXPLICIT_TABLE.createCall(source.getParserPosition(), source);
        }
        return source;
    }

    /** The name the rewritten FROM goes by: its alias, else the table's name. */
    private static String fromAlias(SqlNode from, SqlParserPos windowPos) {
        if (from != null && from.getKind() == SqlKind.AS) {
            List<SqlNode> operands = ((SqlCall) from).getOperandList();
            if (operands.size() == 2 && (operands.get(0) instanceof SqlIdentifier || operands.get(0) instanceof SqlSelect)) {
                return ((SqlIdentifier) operands.get(1)).getSimple();
            }
        }
        if (from instanceof SqlIdentifier) {
            List<String> names = ((SqlIdentifier) from).names;
            return names.get(names.size() - 1);
        }
        if (from instanceof SqlSelect) {
            return "EXPR$window";
        }
        throw refusal("A group window aggregation (GROUP BY ..., TUMBLE/HOP/SESSION(...)) reads one table, view or "
                + "subquery; put the join or table function in a subquery or view and group that", from == null ? windowPos
                : from.getParserPosition());
    }

    /** START, END, ROWTIME or PROCTIME when {@code node} is an auxiliary group window call, else null. */
    private static String auxiliaryKind(SqlNode node) {
        if (!(node instanceof SqlCall) || ((SqlCall) node).getOperator() == null) {
            return null;
        }
        String name = ((SqlCall) node).getOperator().getName().toUpperCase(Locale.ROOT);
        for (String prefix : List.of("TUMBLE_", "HOP_", "SESSION_")) {
            if (name.startsWith(prefix)) {
                String kind = name.substring(prefix.length());
                if (List.of("START", "END", "ROWTIME", "PROCTIME").contains(kind)) {
                    return kind;
                }
            }
        }
        return null;
    }

    /** Replaces the auxiliary calls of one group window by the window table function's columns. */
    private static final class AuxiliaryCalls extends SqlShuttle {
        private final GroupWindow window;
        private final String alias;
        /** Whether a *_ROWTIME or *_PROCTIME was replaced: window_time must then be grouped by too. */
        private boolean selectsTime;

        AuxiliaryCalls(GroupWindow window, String alias) {
            this.window = window;
            this.alias = alias;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            String kind = auxiliaryKind(call);
            if (kind == null) {
                return super.visit(call);
            }
            String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
            List<SqlNode> expected = new ArrayList<>(window.call().getOperandList());
            if (!name.startsWith(window.kind() + "_") || !sameOperands(call.getOperandList(), expected)) {
                throw refusal(name + " must name the group window of the GROUP BY: write " + window.kind() + "_" + kind
                        + "(" + join(expected) + ")", call.getParserPosition());
            }
            String column = switch (kind) {
                case "START" -> "window_start";
                case "END" -> "window_end";
                default -> {
                    selectsTime = true;
                    yield "window_time";
                }
            };
            return windowColumn(alias, column, call.getParserPosition());
        }

        private static boolean sameOperands(List<SqlNode> actual, List<SqlNode> expected) {
            if (actual.size() != expected.size()) {
                return false;
            }
            for (int i = 0; i < actual.size(); i++) {
                if (!actual.get(i).equalsDeep(expected.get(i), org.apache.calcite.util.Litmus.IGNORE)) {
                    return false;
                }
            }
            return true;
        }

        private static String join(List<SqlNode> nodes) {
            List<String> parts = new ArrayList<>();
            for (SqlNode node : nodes) {
                parts.add(node.toString());
            }
            return String.join(", ", parts);
        }
    }

    private static ValidationException refusal(String message, SqlParserPos pos) {
        return new ValidationException(PlanPositions.at(message, pos));
    }
}
