package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexContext;
import org.apache.calcite.sql2rel.SqlRexConvertlet;

/**
 * Converts a validated TO_CHANGELOG or FROM_CHANGELOG call to a RexCall with its five arguments in Flink's order
 * ({@link ChangelogFunction#PARAMETERS}): the table, a NULL literal for {@code op} (its column is known from the row
 * types, and Calcite's DESCRIPTOR conversion would look the name up as a column of the query), {@code op_mapping} as
 * converted, TRUE for an {@code on_time} given, and {@code uid}; an argument left out is a NULL literal.
 */
final class ChangelogConvertlet implements SqlRexConvertlet {
    static final ChangelogConvertlet INSTANCE = new ChangelogConvertlet();

    private ChangelogConvertlet() {
    }

    @Override
    public RexNode convertCall(SqlRexContext context, SqlCall call) {
        RexBuilder rex = context.getRexBuilder();
        RelDataType input = context.getValidator().getValidatedNodeType(ChangelogFunction.arguments(call)[0]);
        SqlNode[] arguments = inOrder(call, input);
        RelDataType nullType = context.getTypeFactory().createSqlType(SqlTypeName.NULL);
        List<RexNode> operands = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null || i == 1) {
                operands.add(rex.makeNullLiteral(nullType));
            } else if (i == 3) {
                operands.add(rex.makeLiteral(true));
            } else {
                operands.add(context.convertExpression(arguments[i]));
            }
        }
        // The validator knows the type of the call as written, not of the call Calcite converts.
        String opColumn = arguments[1] == null ? "op" : ((SqlIdentifier) ((SqlCall) arguments[1]).operand(0)).getSimple();
        RelDataType type = ((ChangelogFunction) call.getOperator()).rowType(context.getTypeFactory(), input, opColumn);
        return rex.makeCall(type, call.getOperator(), operands);
    }

    /**
     * The arguments of the call Calcite converts, in Flink's order: Calcite has dropped those left out and shifted the
     * others forward, so each is placed by its kind. Of the DESCRIPTORs, op names a STRING column or (TO_CHANGELOG) a new
     * one, on_time a time column of the input; of two, the first is op.
     */
    private static SqlNode[] inOrder(SqlCall call, RelDataType input) {
        SqlNode[] named = ChangelogFunction.arguments(call);
        boolean positional = call.getOperandList().stream().noneMatch(o -> o != null && o.getKind() == SqlKind.ARGUMENT_ASSIGNMENT);
        if (!positional) {
            return named;
        }
        SqlNode[] arguments = new SqlNode[named.length];
        List<SqlNode> descriptors = new ArrayList<>();
        for (SqlNode node : call.getOperandList().subList(1, call.getOperandList().size())) {
            if (node.getKind() == SqlKind.DESCRIPTOR) {
                descriptors.add(node);
            } else if (node instanceof SqlLiteral && !(node.getKind() == SqlKind.LITERAL && ((SqlLiteral) node).getValue() == null)) {
                arguments[4] = node;
            } else {
                arguments[2] = node;
            }
        }
        arguments[0] = call.getOperandList().get(0);
        if (descriptors.size() >= 2) {
            arguments[1] = descriptors.get(0);
            arguments[3] = descriptors.get(1);
        } else if (descriptors.size() == 1) {
            String name = ((SqlIdentifier) ((SqlCall) descriptors.get(0)).operand(0)).getSimple();
            RelDataTypeField field = input.getField(name, true, false);
            boolean isOp = field == null || SqlTypeFamily.CHARACTER.contains(field.getType());
            arguments[isOp ? 1 : 3] = descriptors.get(0);
        }
        return arguments;
    }
}
