package dev.weir.sql.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.List;
import java.util.TreeMap;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlJsonConstructorNullClause;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's JSON constructors: JSON_OBJECT([KEY] k VALUE v, ... [NULL | ABSENT ON NULL]), NULL ON NULL by default;
 * JSON_ARRAY(v, ... [NULL | ABSENT ON NULL]), ABSENT ON NULL by default; and JSON_STRING(v), a value as a JSON text
 * (NULL for NULL). Values are strings, numbers, booleans and timestamps (as ISO text); a value built by another
 * JSON_OBJECT or JSON_ARRAY call, or given as JSON text by Flink 2.x's JSON(s), is inserted as JSON, not as a string; an object's keys are written in order, as in
 * Flink ({@link JsonNodes}).
 */
final class JsonConstructors extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn { OBJECT, ARRAY, STRING }

    private final Fn fn;
    private final boolean absentOnNull;
    private final Expr[] args; // JSON_OBJECT: keys and values alternate
    private final boolean[] nested; // per argument: the JSON text of a nested constructor, inserted as JSON
    private final boolean[] jsonText; // per argument: the text of JSON(s), read as Flink reads it and inserted as JSON
    private final boolean[] timestamp; // per argument: a TIMESTAMP, written as its ISO local date-time text

    private JsonConstructors(Fn fn, boolean absentOnNull, Expr[] args, boolean[] nested, boolean[] jsonText, boolean[] timestamp) {
        this.fn = fn;
        this.absentOnNull = absentOnNull;
        this.args = args;
        this.nested = nested;
        this.jsonText = jsonText;
        this.timestamp = timestamp;
    }

    /** The call of JSON_OBJECT, JSON_ARRAY or JSON_STRING, or null when {@code name} is none of them. */
    static Expr of(String name, RexCall call, Expr[] args) {
        Fn fn;
        switch (name) {
            case "JSON_OBJECT":
                fn = Fn.OBJECT;
                break;
            case "JSON_ARRAY":
                fn = Fn.ARRAY;
                break;
            case "JSON_STRING":
                fn = Fn.STRING;
                break;
            default:
                return null;
        }
        List<RexNode> operands = call.getOperands();
        int first = fn == Fn.STRING ? 0 : 1; // the constructors' first operand is the NULL clause
        boolean absent = fn != Fn.STRING && ((RexLiteral) operands.get(0)).getValue() == SqlJsonConstructorNullClause.ABSENT_ON_NULL;
        Expr[] values = new Expr[args.length - first];
        boolean[] nested = new boolean[values.length];
        boolean[] jsonText = new boolean[values.length];
        boolean[] timestamp = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            RexNode operand = operands.get(first + i);
            values[i] = args[first + i];
            nested[i] = isConstructor(operand);
            jsonText[i] = JsonNodes.isJsonCall(operand);
            timestamp[i] = operand.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP;
            boolean isKey = fn == Fn.OBJECT && i % 2 == 0;
            if (!isKey && !nested[i] && !jsonText[i]) {
                checkScalar(name, operand);
            }
        }
        return new JsonConstructors(fn, absent, values, nested, jsonText, timestamp);
    }

    private static boolean isConstructor(RexNode node) {
        return JsonNodes.isConstructorCall(node);
    }

    // Flink refuses values that have no JSON form (dates, times, timestamps, binary) while planning.
    private static void checkScalar(String function, RexNode operand) {
        SqlTypeName t = operand.getType().getSqlTypeName();
        boolean scalar = t == SqlTypeName.NULL || t == SqlTypeName.BOOLEAN || t == SqlTypeName.TIMESTAMP || SqlTypeName.NUMERIC_TYPES.contains(t)
                || SqlTypeFamily.CHARACTER.getTypeNames().contains(t);
        if (!scalar) {
            throw new ValidationException("Weir SQL does not support " + function + " of a " + t + " value, nor does Flink: "
                    + "it takes strings, numbers, booleans and timestamps; CAST the value to STRING first");
        }
    }

    @Override
    public Object eval(Row row) {
        switch (fn) {
            case STRING: {
                Object v = args[0].eval(row);
                return v == null ? null : write(node(v, 0));
            }
            case ARRAY: {
                ArrayNode array = JsonNodeFactory.instance.arrayNode(args.length);
                for (int i = 0; i < args.length; i++) {
                    Object v = value(i, row);
                    if (v != null || !absentOnNull) {
                        array.add(node(v, i));
                    }
                }
                return write(array);
            }
            default: {
                // Flink writes an object's keys in order (and a repeated key once, with its last value).
                TreeMap<String, JsonNode> fields = new TreeMap<>();
                for (int i = 0; i + 1 < args.length; i += 2) {
                    Object key = args[i].eval(row);
                    if (key == null) {
                        throw new IllegalArgumentException("JSON_OBJECT's key may not be NULL");
                    }
                    Object v = value(i + 1, row);
                    if (v != null || !absentOnNull) {
                        fields.put(key.toString(), node(v, i + 1));
                    }
                }
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                object.setAll(fields);
                return write(object);
            }
        }
    }

    // As in Flink, JSON(s) of an empty or blank text is NULL: absent under ABSENT ON NULL.
    private Object value(int arg, Row row) {
        Object v = args[arg].eval(row);
        return jsonText[arg] && v != null && v.toString().isBlank() ? null : v;
    }

    private JsonNode node(Object v, int arg) {
        if (v != null && (jsonText[arg] || nested[arg])) {
            // A nested constructor's text too: Flink reads it keeping its decimals as written (2.50, 1E+2).
            return JsonText.read(v.toString());
        }
        return JsonNodes.of(v, timestamp[arg], nested[arg]);
    }

    /** A JSON tree, or maps, lists and scalars, as JSON text, objects' keys in order. */
    static String write(Object node) {
        return JsonNodes.write(node);
    }
}
