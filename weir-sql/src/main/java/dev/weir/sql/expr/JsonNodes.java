package dev.weir.sql.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.weir.sql.types.ValueConversions;
import java.math.BigDecimal;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * SQL values as JSON, as Flink's JSON functions write them: strings, booleans and numbers as themselves, a TIMESTAMP
 * as its ISO local date-time text; an object's keys in order. One ObjectMapper serves the JVM.
 */
public final class JsonNodes {
    // Flink writes the keys of every object in order.
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonNodes() {
    }

    /** The JSON node of an internal value; {@code timestamp}: the value is a TIMESTAMP's epoch milliseconds. */
    public static JsonNode of(Object v, boolean timestamp) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (timestamp) {
            return f.textNode(ValueConversions.toExternal(v, SqlTypeName.TIMESTAMP).toString());
        }
        if (v instanceof String) {
            return f.textNode((String) v);
        }
        if (v instanceof Boolean) {
            return f.booleanNode((Boolean) v);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return f.numberNode(((Number) v).intValue());
        }
        if (v instanceof Long) {
            return f.numberNode((Long) v);
        }
        if (v instanceof BigDecimal) {
            return f.numberNode((BigDecimal) v);
        }
        if (v instanceof Float) {
            return f.numberNode((Float) v);
        }
        if (v instanceof Double) {
            return f.numberNode((Double) v);
        }
        return f.textNode(v.toString());
    }

    /** Whether {@code node} is a JSON_OBJECT or JSON_ARRAY call (possibly in Calcite's JSON_TYPE marker): JSON text. */
    public static boolean isConstructorCall(RexNode node) {
        if (!(node instanceof RexCall)) {
            return false;
        }
        String op = ((RexCall) node).getOperator().getName();
        if (op.equals("JSON_TYPE")) {
            return isConstructorCall(((RexCall) node).getOperands().get(0));
        }
        return op.equals("JSON_OBJECT") || op.equals("JSON_ARRAY");
    }

    /** The JSON node of {@code v}, JSON text itself when {@code raw} (a JSON constructor's), else as {@link #of}. */
    public static JsonNode of(Object v, boolean timestamp, boolean raw) {
        if (v != null && raw) {
            try {
                return MAPPER.readTree(v.toString());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON constructor gave invalid JSON: " + v, e);
            }
        }
        return of(v, timestamp);
    }

    /** Whether {@code node} is a call of Flink 2.x's JSON(s), possibly in Calcite's JSON_TYPE marker. */
    public static boolean isJsonCall(RexNode node) {
        if (!(node instanceof RexCall)) {
            return false;
        }
        String op = ((RexCall) node).getOperator().getName();
        return op.equals("JSON") || (op.equals("JSON_TYPE") && isJsonCall(((RexCall) node).getOperands().get(0)));
    }

    /** A JSON tree, or maps, lists and scalars, as JSON text, objects' keys in order. */
    public static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
