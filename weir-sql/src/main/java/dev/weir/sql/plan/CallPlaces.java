package dev.weir.sql.plan;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Where each call of a query's plan was written: while Calcite converts the validated parse tree to relational algebra,
 * the expression of every call (a function, a window table function) is recorded with its call's {@link SqlParserPos},
 * so a translator's refusal of that expression names its exact line and column even when the same function is written
 * twice. Calls of a view's query are not recorded: their positions are in the view's text, not in the statement.
 */
final class CallPlaces {
    private final Map<RexNode, SqlParserPos> places = new IdentityHashMap<>();
    private final Set<SqlNode> statementCalls = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Calcite's standard conversion of calls, recording where each converted call of the statement was written. */
    SqlRexConvertletTable convertlets() {
        return call -> {
            if (call.getOperator() instanceof ChangelogFunction) {
                return ChangelogConvertlet.INSTANCE;
            }
            SqlRexConvertlet standard = StandardConvertletTable.INSTANCE.get(call);
            if (standard == null) {
                return null;
            }
            return (context, converted) -> {
                RexNode rex = standard.convertCall(context, converted);
                if (statementCalls.contains(converted) && converted.getParserPosition().getLineNum() > 0) {
                    places.putIfAbsent(rex, converted.getParserPosition());
                }
                return rex;
            };
        };
    }

    /** Takes the calls of {@code validated}, the statement's validated tree, as the ones whose places are recorded. */
    void statement(SqlNode validated) {
        validated.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                statementCalls.add(call);
                return super.visit(call);
            }
        });
    }

    /** Where {@code rex} was written, or null when it was not converted from the statement's own text. */
    SqlParserPos of(RexNode rex) {
        return places.get(rex);
    }
}
