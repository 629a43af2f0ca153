package dev.weir.sql.plan;

import dev.weir.sql.match.PatternReference;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexPatternFieldRef;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlKind;

/**
 * Rewrites a DEFINE condition or a MEASURES expression of MATCH_RECOGNIZE into an ordinary expression over a scratch
 * row: every navigation into the match's rows ({@code A.price}, {@code LAST(A.price, 1)}, {@code FIRST(..)},
 * {@code PREV(..)}, {@code AVG(A.price)}, {@code MATCH_NUMBER()}, {@code CLASSIFIER()}) becomes a column of that row,
 * and its {@link PatternReference} is added to the list, at that column's index.
 */
final class PatternNavigations extends RexShuttle {
    private final List<String> names;
    private final RelDataType inputType;
    private final List<PatternReference> references;

    PatternNavigations(List<String> names, RelDataType inputType, List<PatternReference> references) {
        this.names = names;
        this.inputType = inputType;
        this.references = references;
    }

    RexNode rewrite(RexNode node) {
        return node.accept(this);
    }

    @Override
    public RexNode visitPatternFieldRef(RexPatternFieldRef ref) {
        return slot(new PatternReference(PatternReference.Kind.LAST, variable(ref.getAlpha()), ref.getIndex(), 0, 0), ref);
    }

    @Override
    public RexNode visitInputRef(RexInputRef ref) {
        return slot(new PatternReference(PatternReference.Kind.LAST, PatternReference.ANY_VARIABLE, ref.getIndex(), 0, 0), ref);
    }

    @Override
    public RexNode visitCall(RexCall call) {
        List<RexNode> operands = call.getOperands();
        switch (call.getKind()) {
            case FINAL:
            case RUNNING:
                return operands.get(0).accept(this);
            case LAST:
            case FIRST:
                return navigation(call, call.getKind(), operands.get(0), offset(operands, 0), 0);
            case PREV: {
                RexNode inner = operands.get(0);
                int before = offset(operands, 1);
                if (before != 0) {
                    // Flink 2.3's planner refuses PREV(.., n > 0) with this message; Weir refuses it alike.
                    throw new dev.weir.table.api.ValidationException("MATCH_RECOGNIZE: Flink does not support physical offsets "
                            + "within partition: PREV(var.column, " + before + ") is refused; write LAST(var.column, n) for the "
                            + "n-th last row mapped to the variable");
                }
                if (inner instanceof RexCall innerCall && (innerCall.getKind() == SqlKind.LAST || innerCall.getKind() == SqlKind.FIRST)) {
                    return navigation(call, innerCall.getKind(), innerCall.getOperands().get(0), offset(innerCall.getOperands(), 0),
                            before);
                }
                return navigation(call, SqlKind.LAST, inner, 0, before);
            }
            case NEXT:
                throw MatchTranslator.refuse("NEXT", "compare with PREV from the later variable's condition instead");
            case MATCH_NUMBER:
            case CLASSIFIER:
                // Flink 2.3 refuses both (MATCH_NUMBER while validating, CLASSIFIER while generating code).
                throw MatchTranslator.refuse(call.getOperator().getName() + "()", "Flink 2.3 does not support it either; "
                        + "measure the variables' columns (FIRST, LAST, COUNT) instead");
            default:
                if (call.getOperator() instanceof SqlAggFunction) {
                    return aggregate(call);
                }
                return super.visitCall(call);
        }
    }

    private RexNode aggregate(RexCall call) {
        PatternReference.Kind kind = switch (call.getKind()) {
            case AVG -> PatternReference.Kind.AVG;
            case SUM, SUM0 -> PatternReference.Kind.SUM;
            case COUNT -> PatternReference.Kind.COUNT;
            case MIN -> PatternReference.Kind.MIN;
            case MAX -> PatternReference.Kind.MAX;
            default -> throw MatchTranslator.refuse("the aggregate " + call.getOperator().getName(),
                    "use COUNT, SUM, AVG, MIN or MAX over a variable's column");
        };
        if (call.getOperands().isEmpty()) {
            return slot(new PatternReference(kind, PatternReference.ANY_VARIABLE, 0, 0, 0), call);
        }
        RexNode operand = call.getOperands().get(0);
        if (!(operand instanceof RexInputRef ref) || call.getOperands().size() > 1) {
            throw MatchTranslator.refuse(call.getOperator().getName() + " of an expression",
                    "aggregate one column of one variable, as " + call.getOperator().getName() + "(A.price)");
        }
        if ((kind == PatternReference.Kind.SUM || kind == PatternReference.Kind.AVG)
                && !MatchTranslator.isInteger(inputType.getFieldList().get(ref.getIndex()).getType())) {
            throw MatchTranslator.refuse(call.getOperator().getName() + " of a column that is not an integer",
                    "aggregate a TINYINT, SMALLINT, INT or BIGINT column, or CAST the column in a subquery before MATCH_RECOGNIZE");
        }
        int variable = ref instanceof RexPatternFieldRef p ? variable(p.getAlpha()) : PatternReference.ANY_VARIABLE;
        return slot(new PatternReference(kind, variable, ref.getIndex(), 0, 0), call);
    }

    private RexNode navigation(RexCall call, SqlKind kind, RexNode target, int offset, int before) {
        if (!(target instanceof RexInputRef ref)) {
            throw MatchTranslator.refuse(call.getOperator().getName() + " of an expression",
                    "navigate to one column of one variable, as " + call.getOperator().getName() + "(A.price, 1)");
        }
        int variable = ref instanceof RexPatternFieldRef p ? variable(p.getAlpha()) : PatternReference.ANY_VARIABLE;
        PatternReference.Kind k = kind == SqlKind.FIRST ? PatternReference.Kind.FIRST : PatternReference.Kind.LAST;
        return slot(new PatternReference(k, variable, ref.getIndex(), offset, before), call);
    }

    /** The navigation's offset, its second operand: LAST and FIRST default to 0 (the row itself), PREV to 1. */
    private static int offset(List<RexNode> operands, int otherwise) {
        if (operands.size() < 2) {
            return otherwise;
        }
        return ((RexLiteral) operands.get(1)).getValueAs(Integer.class);
    }

    private int variable(String alpha) {
        if ("*".equals(alpha)) {
            return PatternReference.ANY_VARIABLE;
        }
        int index = names.indexOf(alpha);
        if (index < 0) {
            names.add(alpha);
            index = names.size() - 1;
        }
        return index;
    }

    private RexNode slot(PatternReference reference, RexNode node) {
        references.add(reference);
        return new RexInputRef(references.size() - 1, node.getType());
    }
}
