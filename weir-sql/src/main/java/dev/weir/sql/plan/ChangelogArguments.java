package dev.weir.sql.plan;

import dev.weir.sql.types.FlinkTypeStrings;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * The checked arguments of a TO_CHANGELOG or FROM_CHANGELOG call, while Calcite validates it: the op column's name and
 * the {@code op_mapping} entries. Each argument Flink 2.3 refuses is refused here with Flink's message, the place of the
 * argument and what to write instead.
 */
record ChangelogArguments(String opColumn, List<Map.Entry<String, String>> mapping) {
    private static final int OP = 1;
    private static final int OP_MAPPING = 2;

    /** The arguments of {@code binding}'s call of {@code function}, checked against its input table's columns. */
    static ChangelogArguments of(SqlCallBinding binding, ChangelogFunction function) {
        SqlCall call = binding.getCall();
        RelDataType input = binding.getOperandType(0);
        if (!input.isStruct()) {
            throw refused(binding.operand(0).getParserPosition(), "Invalid argument value. Argument 'input' expects a table "
                    + "to be passed.", "write input => TABLE t or input => (SELECT ...)");
        }
        String opColumn = opColumn(argument(binding, OP), function, input, call.getParserPosition());
        List<Map.Entry<String, String>> mapping = mapping(argument(binding, OP_MAPPING), function);
        return new ChangelogArguments(opColumn, mapping);
    }

    /** The argument at {@code ordinal} in Flink's order, null when the call leaves it out. */
    private static SqlNode argument(SqlCallBinding binding, int ordinal) {
        return ChangelogFunction.arguments(binding.getCall())[ordinal];
    }

    private static String opColumn(SqlNode op, ChangelogFunction function, RelDataType input, SqlParserPos callPlace) {
        if (op == null) {
            String name = "op";
            check(function, name, input, callPlace);
            return name;
        }
        if (op.getKind() != SqlKind.DESCRIPTOR) {
            throw refused(op.getParserPosition(), "Invalid argument value. Argument 'op' expects a DESCRIPTOR with one column "
                    + "name.", "write op => DESCRIPTOR(op_code)");
        }
        List<SqlNode> names = ((SqlCall) op).getOperandList();
        if (names.size() != 1 || !(names.get(0) instanceof SqlIdentifier) || !((SqlIdentifier) names.get(0)).isSimple()) {
            throw refused(op.getParserPosition(), "The descriptor for argument 'op' must contain exactly one column name.",
                    "write op => DESCRIPTOR(op_code)");
        }
        String name = ((SqlIdentifier) names.get(0)).getSimple();
        check(function, name, input, op.getParserPosition());
        return name;
    }

    /** TO_CHANGELOG adds a column named {@code name}; FROM_CHANGELOG reads the STRING column {@code name}. */
    private static void check(ChangelogFunction function, String name, RelDataType input, SqlParserPos place) {
        RelDataTypeField field = input.getField(name, true, false);
        if (function.toChangelog()) {
            if (field != null) {
                throw refused(place, "Field names must be unique. Found duplicates: [" + name + "]",
                        "name the op column after none of the input's columns " + input.getFieldNames()
                                + ", e.g. op => DESCRIPTOR(change_op)");
            }
            return;
        }
        if (field == null) {
            throw refused(place, "The op column '" + name + "' does not exist in the input schema.",
                    "name one of the input's columns " + input.getFieldNames() + " in op => DESCRIPTOR(...)");
        }
        if (!SqlTypeFamily.CHARACTER.contains(field.getType())) {
            throw refused(place, "The op column '" + name + "' must be of STRING type, but was '"
                    + FlinkTypeStrings.of(field.getType(), false) + "'.", "name a STRING column in op => DESCRIPTOR(...), or "
                    + "CAST the codes to STRING in a query passed as input => (SELECT ...)");
        }
    }

    private static List<Map.Entry<String, String>> mapping(SqlNode node, ChangelogFunction function) {
        if (node == null || isNull(node)) {
            return null;
        }
        String example = function.toChangelog() ? "MAP['INSERT, UPDATE_AFTER', 'U', 'DELETE', 'D']"
                : "MAP['c, r', 'INSERT', 'ub', 'UPDATE_BEFORE', 'u', 'UPDATE_AFTER', 'd', 'DELETE']";
        if (node.getKind() != SqlKind.MAP_VALUE_CONSTRUCTOR) {
            throw refused(node.getParserPosition(), "The 'op_mapping' argument must be a constant MAP literal.",
                    "write op_mapping => " + example);
        }
        List<SqlNode> operands = ((SqlCall) node).getOperandList();
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            String key = text(operands.get(i));
            String value = text(operands.get(i + 1));
            if (key == null || value == null) {
                throw refused(node.getParserPosition(), "The 'op_mapping' argument must be a constant MAP literal.",
                        "write string literals as its keys and values, e.g. op_mapping => " + example);
            }
            entries.add(new AbstractMap.SimpleImmutableEntry<>(key, value));
        }
        try {
            if (function.toChangelog()) {
                ChangelogMapping.codesByKind(entries);
            } else {
                ChangelogMapping.kindsByCode(entries);
            }
        } catch (ChangelogMapping.Refused e) {
            String fix = function.toChangelog()
                    ? "name each of INSERT, UPDATE_BEFORE, UPDATE_AFTER and DELETE at most once among the keys, e.g. "
                    : "give each code one of INSERT, UPDATE_BEFORE, UPDATE_AFTER and DELETE, each operation once and "
                            + "UPDATE_BEFORE among them, e.g. ";
            throw refused(node.getParserPosition(), e.getMessage(), fix + "op_mapping => " + example);
        }
        return entries;
    }

    private static boolean isNull(SqlNode node) {
        SqlNode value = node.getKind() == SqlKind.CAST ? ((SqlCall) node).operand(0) : node;
        return value instanceof SqlLiteral && ((SqlLiteral) value).getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL;
    }

    private static String text(SqlNode node) {
        // Calcite casts the literals of a MAP to the common type of its keys and of its values.
        while (node.getKind() == SqlKind.CAST) {
            node = ((SqlCall) node).operand(0);
        }
        if (node instanceof SqlLiteral literal && SqlTypeFamily.CHARACTER.getTypeNames().contains(literal.getTypeName())) {
            return literal.getValueAs(String.class);
        }
        return null;
    }

    /** Flink's {@code message} at {@code place}, as Calcite places its own validation errors, with what to write. */
    private static CalciteContextException refused(SqlParserPos place, String message, String fix) {
        String text = message + " To fix it, " + fix + ".";
        SqlParserPos at = place == null ? SqlParserPos.ZERO : place;
        // Calcite's form: the place is the message, the error its cause; getMessage() joins them with ": ".
        CalciteContextException e = new CalciteContextException(String.format("From line %d, column %d to line %d, column %d",
                at.getLineNum(), at.getColumnNum(), at.getEndLineNum(), at.getEndColumnNum()), new SqlValidatorException(text, null));
        e.setPosition(at.getLineNum(), at.getColumnNum(), at.getEndLineNum(), at.getEndColumnNum());
        return e;
    }
}
