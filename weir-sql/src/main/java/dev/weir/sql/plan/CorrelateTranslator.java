package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.udf.FunctionInvoker;
import dev.weir.sql.udf.TableFunctionJoin;
import dev.weir.sql.udf.TableFunctionOperator;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * Translates {@code FROM t, LATERAL TABLE(f(..))} and {@code t LEFT JOIN LATERAL TABLE(f(..)) ON TRUE} (a Calcite
 * correlate over a user-defined table function) to a {@link TableFunctionJoin} on {@code t}'s stream.
 */
final class CorrelateTranslator {
    private final StreamTranslator translator;

    CorrelateTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    Translated translate(Correlate correlate) {
        RelNode right = correlate.getRight();
        while (right instanceof Project && isIdentity((Project) right)) {
            right = ((Project) right).getInput();
        }
        if (!(right instanceof TableFunctionScan)
                || !(((TableFunctionScan) right).getCall() instanceof RexCall)
                || !(((RexCall) ((TableFunctionScan) right).getCall()).getOperator() instanceof TableFunctionOperator)) {
            throw new ValidationException("Weir cannot run this query: a LATERAL join must call a user-defined table function "
                    + "(LATERAL TABLE(f(..))); correlated subqueries are not supported yet, join on a key instead.");
        }
        if (correlate.getJoinType() != JoinRelType.INNER && correlate.getJoinType() != JoinRelType.LEFT) {
            throw new ValidationException("Weir cannot run this query: only inner and LEFT JOIN LATERAL TABLE(..) ON TRUE are "
                    + "supported.");
        }
        RexCall call = (RexCall) ((TableFunctionScan) right).getCall();
        TableFunctionOperator operator = (TableFunctionOperator) call.getOperator();
        Translated left = translator.translate(correlate.getLeft());
        // The function's arguments read the left row through the correlation variable; as plain columns they compile.
        RexShuttle correlationToColumn = new RexShuttle() {
            @Override
            public RexNode visitFieldAccess(RexFieldAccess access) {
                if (access.getReferenceExpr() instanceof RexCorrelVariable) {
                    return new RexInputRef(access.getField().getIndex(), access.getType());
                }
                return super.visitFieldAccess(access);
            }
        };
        List<RelDataType> types = new ArrayList<>();
        Expr[] arguments = new Expr[call.getOperands().size()];
        for (int i = 0; i < arguments.length; i++) {
            RexNode operand = call.getOperands().get(i).accept(correlationToColumn);
            types.add(operand.getType());
            arguments[i] = translator.compiler().compile(operand);
        }
        Method eval = operator.eval(types);
        int functionArity = right.getRowType().getFieldCount();
        boolean leftOuter = correlate.getJoinType() == JoinRelType.LEFT;
        String name = "Correlate(invocation=[" + operator.getName() + "], correlate=[table(" + operator.getName() + ")], "
                + "select=[" + String.join(", ", correlate.getRowType().getFieldNames()) + "], joinType=["
                + (leftOuter ? "LEFT" : "INNER") + "])";
        translator.record(name);
        DataStream<Row> out = left.stream().flatMap(new TableFunctionJoin(new FunctionInvoker(operator.function(),
                operator.getName(), eval), arguments, leftOuter, functionArity)).name(name);
        return new Translated(out, correlate.getRowType(), left.rowtimeIndex(), left.updating());
    }

    private static boolean isIdentity(Project project) {
        List<RexNode> projects = project.getProjects();
        if (projects.size() != project.getInput().getRowType().getFieldCount()) {
            return false;
        }
        for (int i = 0; i < projects.size(); i++) {
            if (!(projects.get(i) instanceof RexInputRef) || ((RexInputRef) projects.get(i)).getIndex() != i) {
                return false;
            }
        }
        return true;
    }
}
