package dev.weir.sql.plan;

import dev.weir.table.api.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Puts the line and column of the refused construct in front of a plan-level refusal, as issue 16 asks of every query
 * Weir cannot run: the translators refuse a relational plan, which knows no positions, so the construct is found again
 * in the parse tree by what the refusal is about (ORDER BY, UNION, a function by name, FOR SYSTEM_TIME AS OF, ...). A
 * query shape refused without a construct points at the query itself; errors in a table's options are left as they
 * are, since they name the table. A refused call (a function, a window function) is placed exactly first, from where
 * Calcite converted the very expression the translator refused ({@link CallPlaces}); the search by kind is the fallback.
 */
final class RefusalPlaces {
    private static final Pattern HAS_POSITION = Pattern.compile("line \\d+, column \\d+");
    private static final Pattern UNSUPPORTED_FUNCTION =
            Pattern.compile("Weir SQL does not support (?:the function )?([A-Za-z_$0-9]+)");
    private static final Set<String> WINDOW_FUNCTIONS = Set.of("TUMBLE", "HOP", "CUMULATE", "SESSION");

    private RefusalPlaces() {
    }

    /** {@code refusal} with the place of its construct in {@code query}, or itself when it names a place already. */
    static ValidationException located(ValidationException refusal, SqlNode query) {
        String message = refusal.getMessage();
        if (query == null || message == null || HAS_POSITION.matcher(message).find()) {
            return refusal;
        }
        SqlParserPos pos = find(query, construct(message));
        if (pos == null && message.startsWith("Weir cannot run this query")) {
            pos = query.getParserPosition();
        }
        if (pos == null) {
            // Not about a construct of the query (a table's options, say): the message names the table instead.
            return refusal;
        }
        ValidationException located = new ValidationException(PlanPositions.at(message, pos), refusal);
        located.setStackTrace(refusal.getStackTrace());
        return located;
    }

    /**
     * {@code refusal} with the place of the refused call among the expressions of {@code rel} and its inputs, as
     * {@code places} recorded it while converting the statement; itself when it names a place already, is not about a
     * call (a function, a window function), or the call was not written in the statement (a view's).
     */
    static ValidationException locatedIn(ValidationException refusal, RelNode rel, CallPlaces places) {
        String message = refusal.getMessage();
        if (places == null || message == null || HAS_POSITION.matcher(message).find()) {
            return refusal;
        }
        Predicate<String> refused = refusedCall(message);
        if (refused == null) {
            return refusal;
        }
        SqlParserPos[] found = new SqlParserPos[1];
        RexShuttle search = new RexShuttle() {
            @Override
            public RexNode visitCall(RexCall call) {
                SqlParserPos pos = places.of(call);
                if (pos != null && refused.test(call.getOperator().getName()) && (found[0] == null || before(pos, found[0]))) {
                    found[0] = pos;
                }
                return super.visitCall(call);
            }
        };
        java.util.ArrayDeque<RelNode> pending = new java.util.ArrayDeque<>(List.of(rel));
        while (!pending.isEmpty() && found[0] == null) {
            RelNode node = pending.poll();
            node.accept(search);
            pending.addAll(node.getInputs());
        }
        if (found[0] == null) {
            return refusal;
        }
        ValidationException located = new ValidationException(PlanPositions.at(message, found[0]), refusal);
        located.setStackTrace(refusal.getStackTrace());
        return located;
    }

    /** The names of the calls a refusal is about, by its message, or null when it is not about a call. */
    private static Predicate<String> refusedCall(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("window function") || m.contains("window table function") || m.contains("descriptor(")
                || m.contains("interval arguments of")) {
            return name -> WINDOW_FUNCTIONS.contains(name.toUpperCase(Locale.ROOT));
        }
        java.util.regex.Matcher function = UNSUPPORTED_FUNCTION.matcher(message);
        if (function.find()) {
            String refused = function.group(1);
            return name -> name.equalsIgnoreCase(refused);
        }
        return null;
    }

    /** The kind of node a refusal is about, by its message. */
    private static Predicate<SqlNode> construct(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        java.util.regex.Matcher function = UNSUPPORTED_FUNCTION.matcher(message);
        if (m.contains("order by and limit") || m.contains("sort on a") || m.contains("fetch is missed")) {
            // The validator moves an ORDER BY into its SELECT.
            return node -> node instanceof SqlOrderBy || (node instanceof SqlSelect && (((SqlSelect) node).getOrderList() != null
                    && !((SqlSelect) node).getOrderList().isEmpty() || ((SqlSelect) node).getFetch() != null));
        }
        if (m.contains("union without all")) {
            return node -> node.getKind() == SqlKind.UNION && !((SqlSetOperator) ((SqlCall) node).getOperator()).isAll();
        }
        if (m.contains("intersect and except")) {
            return node -> node.getKind() == SqlKind.INTERSECT || node.getKind() == SqlKind.EXCEPT;
        }
        if (m.contains("grouping sets")) {
            return node -> node.getKind() == SqlKind.GROUPING_SETS || node.getKind() == SqlKind.ROLLUP
                    || node.getKind() == SqlKind.CUBE;
        }
        if (m.contains("for system_time as of") || m.contains("temporal table join") || m.contains("lookup table")
                || m.contains("lookup join")) {
            return node -> node.getKind() == SqlKind.SNAPSHOT;
        }
        if (m.contains("window function") || m.contains("window table function") || m.contains("table function based aggregate")
                || m.contains("descriptor(") || m.contains("interval arguments of")) {
            return node -> node instanceof SqlCall && ((SqlCall) node).getOperator() != null
                    && WINDOW_FUNCTIONS.contains(((SqlCall) node).getOperator().getName().toUpperCase(Locale.ROOT));
        }
        if (m.contains("top-n") || m.contains("row_number") || m.contains("deduplication")) {
            return node -> node.getKind() == SqlKind.ROW_NUMBER;
        }
        if (m.contains("over aggregat") || m.contains("over clause") || m.contains("over window")) {
            return node -> node.getKind() == SqlKind.OVER;
        }
        if (m.startsWith("match_recognize")) {
            return node -> node.getKind() == SqlKind.MATCH_RECOGNIZE;
        }
        if (m.contains("lateral") || m.contains("correlated")) {
            return node -> node.getKind() == SqlKind.LATERAL;
        }
        if (function.find()) {
            String name = function.group(1);
            return node -> node instanceof SqlCall && ((SqlCall) node).getOperator() != null
                    && ((SqlCall) node).getOperator().getName().equalsIgnoreCase(name);
        }
        return node -> false;
    }

    /** The position of the first node (in reading order) that {@code what} accepts, or null. */
    private static SqlParserPos find(SqlNode query, Predicate<SqlNode> what) {
        SqlParserPos[] best = new SqlParserPos[1];
        query.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                if (what.test(call)) {
                    consider(placeOf(call));
                }
                for (SqlNode operand : call.getOperandList()) {
                    if (operand != null) {
                        operand.accept(this);
                    }
                }
                return null;
            }

            @Override
            public Void visit(org.apache.calcite.sql.SqlNodeList list) {
                for (SqlNode node : list) {
                    if (node != null) {
                        node.accept(this);
                    }
                }
                return null;
            }

            private void consider(SqlParserPos pos) {
                if (pos.getLineNum() > 0 && (best[0] == null || before(pos, best[0]))) {
                    best[0] = pos;
                }
            }
        });
        return best[0];
    }

    /** Where a node starts; for ORDER BY ... LIMIT, whose node starts with its query, where the ORDER BY list or LIMIT is. */
    private static SqlParserPos placeOf(SqlCall call) {
        if (call instanceof SqlOrderBy) {
            SqlOrderBy orderBy = (SqlOrderBy) call;
            if (!orderBy.orderList.isEmpty()) {
                return orderBy.orderList.getParserPosition();
            }
            SqlNode limit = orderBy.fetch != null ? orderBy.fetch : orderBy.offset;
            if (limit != null) {
                return limit.getParserPosition();
            }
        }
        if (call instanceof SqlSelect) {
            SqlSelect select = (SqlSelect) call;
            if (select.getOrderList() != null && !select.getOrderList().isEmpty()) {
                return select.getOrderList().getParserPosition();
            }
            if (select.getFetch() != null) {
                return select.getFetch().getParserPosition();
            }
        }
        return call.getParserPosition();
    }

    private static boolean before(SqlParserPos a, SqlParserPos b) {
        return a.getLineNum() < b.getLineNum() || (a.getLineNum() == b.getLineNum() && a.getColumnNum() < b.getColumnNum());
    }
}
