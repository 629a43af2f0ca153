package dev.weir.sql.plan;

import dev.weir.table.api.ValidationException;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Refuses JSON(s) where Flink 2.3 refuses it, before validation, with its line and column and Flink's message: JSON
 * text is only inserted as JSON by JSON_OBJECT (as a VALUE) and by JSON_ARRAY (as an element), so a call anywhere else
 * (a SELECT column, a function's argument, a JSON_OBJECT key, a WHERE clause) is refused instead of passing the text on
 * as a plain string.
 */
final class JsonTextPlacement {
    /** Flink 2.3's message, as its planner gives it. */
    static final String FLINK_MESSAGE = "The JSON() function is currently only supported inside JSON_ARRAY() or as the VALUE "
            + "param of JSON_OBJECT(). Example: JSON_OBJECT('a', JSON('{\"key\": \"value\"}')) or "
            + "JSON_ARRAY(JSON('{\"key\": \"value\"}')).";

    private JsonTextPlacement() {
    }

    /** Checks every JSON call of {@code parsed}; returns it unchanged. */
    static SqlNode check(SqlNode parsed) {
        visit(parsed, false);
        return parsed;
    }

    private static void visit(SqlNode node, boolean jsonAllowed) {
        if (node instanceof SqlNodeList) {
            for (SqlNode child : (SqlNodeList) node) {
                visit(child, false);
            }
            return;
        }
        if (!(node instanceof SqlCall)) {
            return;
        }
        SqlCall call = (SqlCall) node;
        String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
        if (name.equals("JSON") && !jsonAllowed) {
            throw new ValidationException(PlanPositions.at(FLINK_MESSAGE, call.getParserPosition()));
        }
        List<SqlNode> operands = call.getOperandList();
        for (int i = 0; i < operands.size(); i++) {
            visit(operands.get(i), insertsJson(name, i));
        }
    }

    // JSON_OBJECT's operands are its NULL clause, then keys and values in turn; JSON_ARRAY's its NULL clause, then values.
    private static boolean insertsJson(String function, int operand) {
        switch (function) {
            case "JSON_OBJECT":
                return operand >= 1 && (operand - 1) % 2 == 1;
            case "JSON_ARRAY":
                return operand >= 1;
            default:
                return false;
        }
    }
}
