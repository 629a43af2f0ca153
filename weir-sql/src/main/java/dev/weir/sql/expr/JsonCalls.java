package dev.weir.sql.expr;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.JsonFunctions;
import org.apache.calcite.sql.SqlJsonEmptyOrError;
import org.apache.calcite.sql.SqlJsonExistsErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryEmptyOrErrorBehavior;
import org.apache.calcite.sql.SqlJsonQueryWrapperBehavior;
import org.apache.calcite.sql.SqlJsonValueEmptyOrErrorBehavior;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's JSON query functions: JSON_VALUE (RETURNING STRING, BOOLEAN, INT, DOUBLE; NULL, ERROR or DEFAULT ON EMPTY and
 * ON ERROR), JSON_QUERY (with or without array wrapper; NULL, ERROR, EMPTY ARRAY or EMPTY OBJECT ON EMPTY and ON ERROR),
 * JSON_EXISTS (TRUE, FALSE, UNKNOWN or ERROR ON ERROR) and IS [NOT] JSON [VALUE | SCALAR | ARRAY | OBJECT]. They run
 * on Calcite's SQL/JSON path runtime, the one Flink's own functions derive from, so paths (strict by default, lax) and
 * errors behave as in Flink; as Flink's, documents are read with decimals as BigDecimal and JSON_QUERY writes objects
 * with their keys in order. A document is parsed once per row and call. A NULL document gives NULL (IS JSON: FALSE). The constructors are in
 * {@link JsonConstructors}.
 */
final class JsonCalls extends Expr {
    private static final long serialVersionUID = 1L;
    // Calcite's path evaluation, stateless for the calls made here (shared by all threads).
    private static final JsonFunctions.StatefulFunction JSON = new JsonFunctions.StatefulFunction();
    // Documents are read as Flink reads them: decimals as BigDecimal (2.50 stays 2.50, 1e2 is 1E+2).
    private static final ObjectMapper READER = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    enum Fn { VALUE, QUERY, EXISTS, IS_JSON_VALUE, IS_JSON_SCALAR, IS_JSON_ARRAY, IS_JSON_OBJECT }

    private final Fn fn;
    private final boolean negated;
    private final Expr document;
    private final Expr path;
    private final SqlTypeName returning;
    // JSON_VALUE's behaviours and defaults; JSON_QUERY's and JSON_EXISTS's behaviours.
    private final Enum<?> onEmpty;
    private final Expr defaultOnEmpty;
    private final Enum<?> onError;
    private final Expr defaultOnError;
    private final SqlJsonQueryWrapperBehavior wrapper;
    // The last document this call read, so that a row's document is parsed once (immutable, swapped whole).
    private transient Parsed last;

    private JsonCalls(Fn fn, boolean negated, Expr document, Expr path, SqlTypeName returning, Enum<?> onEmpty,
            Expr defaultOnEmpty, Enum<?> onError, Expr defaultOnError, SqlJsonQueryWrapperBehavior wrapper) {
        this.fn = fn;
        this.negated = negated;
        this.document = document;
        this.path = path;
        this.returning = returning;
        this.onEmpty = onEmpty;
        this.defaultOnEmpty = defaultOnEmpty;
        this.onError = onError;
        this.defaultOnError = defaultOnError;
        this.wrapper = wrapper;
    }

    /** The call of a JSON query function or predicate, or null when {@code name} is not one. */
    static Expr of(String name, RexCall call, Expr[] args) {
        switch (name) {
            case "JSON_VALUE":
                return jsonValue(call, args);
            case "JSON_QUERY":
                return jsonQuery(call, args);
            case "JSON_TYPE":
                // Calcite's marker around the values of JSON_OBJECT and JSON_ARRAY: the value itself.
            case "JSON":
                // JSON(s) is the text s; the constructor around it, the only place it is allowed, reads it as JSON.
                return args[0];
            case "JSON_EXISTS": {
                Enum<?> onError = SqlJsonExistsErrorBehavior.FALSE;
                for (int i = 2; i < args.length; i++) {
                    Object flag = symbol(call.getOperands().get(i));
                    if (flag instanceof SqlJsonExistsErrorBehavior) {
                        onError = (Enum<?>) flag;
                    }
                }
                return new JsonCalls(Fn.EXISTS, false, args[0], args[1], null, null, null, onError, null, null);
            }
            default:
                break;
        }
        if (!name.startsWith("IS JSON") && !name.startsWith("IS NOT JSON")) {
            return null;
        }
        boolean negated = name.startsWith("IS NOT");
        String kind = name.substring(name.lastIndexOf(' ') + 1);
        Fn fn = kind.equals("SCALAR") ? Fn.IS_JSON_SCALAR : kind.equals("ARRAY") ? Fn.IS_JSON_ARRAY
                : kind.equals("OBJECT") ? Fn.IS_JSON_OBJECT : Fn.IS_JSON_VALUE;
        return new JsonCalls(fn, negated, args[0], null, null, null, null, null, null, null);
    }

    // JSON_VALUE(document, path, [behaviour, [default,] EMPTY | ERROR]...): each behaviour symbol is followed by its
    // default (for DEFAULT) and by the symbol saying whether it applies ON EMPTY or ON ERROR.
    private static Expr jsonValue(RexCall call, Expr[] args) {
        List<RexNode> operands = call.getOperands();
        Enum<?> onEmpty = SqlJsonValueEmptyOrErrorBehavior.NULL;
        Enum<?> onError = SqlJsonValueEmptyOrErrorBehavior.NULL;
        Expr defaultOnEmpty = null;
        Expr defaultOnError = null;
        Enum<?> pending = null;
        Expr pendingDefault = null;
        for (int i = 2; i < operands.size(); i++) {
            Object flag = symbol(operands.get(i));
            if (flag instanceof SqlJsonValueEmptyOrErrorBehavior) {
                pending = (Enum<?>) flag;
                pendingDefault = null;
            } else if (flag == SqlJsonEmptyOrError.EMPTY) {
                onEmpty = pending;
                defaultOnEmpty = pendingDefault;
            } else if (flag == SqlJsonEmptyOrError.ERROR) {
                onError = pending;
                defaultOnError = pendingDefault;
            } else if (flag == null && pending == SqlJsonValueEmptyOrErrorBehavior.DEFAULT) {
                pendingDefault = args[i];
            }
        }
        SqlTypeName returning = call.getType().getSqlTypeName();
        if (returning != SqlTypeName.VARCHAR && returning != SqlTypeName.CHAR && returning != SqlTypeName.BOOLEAN
                && returning != SqlTypeName.INTEGER && returning != SqlTypeName.DOUBLE) {
            throw new ValidationException("Weir SQL does not support JSON_VALUE ... RETURNING " + returning + ", nor does Flink: "
                    + "JSON_VALUE returns STRING, BOOLEAN, INT or DOUBLE; CAST the result to the type you need");
        }
        return new JsonCalls(Fn.VALUE, false, args[0], args[1], returning, onEmpty, defaultOnEmpty, onError, defaultOnError,
                null);
    }

    private static Expr jsonQuery(RexCall call, Expr[] args) {
        List<RexNode> operands = call.getOperands();
        SqlJsonQueryWrapperBehavior wrapper = SqlJsonQueryWrapperBehavior.WITHOUT_ARRAY;
        Enum<?> onEmpty = SqlJsonQueryEmptyOrErrorBehavior.NULL;
        Enum<?> onError = SqlJsonQueryEmptyOrErrorBehavior.NULL;
        Enum<?> pending = null;
        for (int i = 2; i < operands.size(); i++) {
            Object flag = symbol(operands.get(i));
            if (flag instanceof SqlJsonQueryWrapperBehavior) {
                wrapper = (SqlJsonQueryWrapperBehavior) flag;
            } else if (flag instanceof SqlJsonQueryEmptyOrErrorBehavior) {
                pending = (Enum<?>) flag;
            } else if (flag == SqlJsonEmptyOrError.EMPTY) {
                onEmpty = pending;
            } else if (flag == SqlJsonEmptyOrError.ERROR) {
                onError = pending;
            }
        }
        // Calcite gives the behaviours in a fixed order (wrapper, empty, error) without the EMPTY/ERROR markers.
        if (pending != null && operands.size() >= 5 && symbol(operands.get(operands.size() - 1)) instanceof SqlJsonQueryEmptyOrErrorBehavior) {
            onEmpty = (Enum<?>) symbol(operands.get(operands.size() - 2));
            onError = (Enum<?>) symbol(operands.get(operands.size() - 1));
        }
        // RETURNING ARRAY<STRING>: the found array's elements as text, as Flink gives them.
        SqlTypeName returning = call.getType().getSqlTypeName() == SqlTypeName.ARRAY ? SqlTypeName.ARRAY : null;
        return new JsonCalls(Fn.QUERY, false, args[0], args[1], returning, onEmpty, null, onError, null, wrapper);
    }

    private static Object symbol(RexNode node) {
        if (node instanceof RexLiteral && ((RexLiteral) node).getTypeName() == SqlTypeName.SYMBOL) {
            return ((RexLiteral) node).getValue();
        }
        return null;
    }

    @Override
    public Object eval(Row row) {
        Object doc = document.eval(row);
        switch (fn) {
            case IS_JSON_VALUE:
                return negated != (doc != null && JsonFunctions.isJsonValue(doc.toString()));
            case IS_JSON_SCALAR:
                return negated != (doc != null && JsonFunctions.isJsonScalar(doc.toString()));
            case IS_JSON_ARRAY:
                return negated != (doc != null && JsonFunctions.isJsonArray(doc.toString()));
            case IS_JSON_OBJECT:
                return negated != (doc != null && JsonFunctions.isJsonObject(doc.toString()));
            default:
                break;
        }
        Object p = path.eval(row);
        if (doc == null || p == null) {
            return null;
        }
        JsonFunctions.JsonValueContext context = parse(doc.toString());
        switch (fn) {
            case EXISTS:
                return JSON.jsonExists(context, p.toString(), (SqlJsonExistsErrorBehavior) onError);
            case QUERY: {
                Object found = JSON.jsonQuery(context, p.toString(), wrapper, (SqlJsonQueryEmptyOrErrorBehavior) onEmpty,
                        (SqlJsonQueryEmptyOrErrorBehavior) onError, true);
                return returning == SqlTypeName.ARRAY ? array(found) : found;
            }
            default:
                return value(context, p.toString(), row);
        }
    }

    private JsonFunctions.JsonValueContext parse(String doc) {
        Parsed parsed = last;
        if (parsed == null || !parsed.doc.equals(doc)) {
            JsonFunctions.JsonValueContext context;
            try {
                context = JsonFunctions.JsonValueContext.withJavaObj(sorted(READER.readValue(doc, Object.class)));
            } catch (IOException e) {
                context = JsonFunctions.JsonValueContext.withException(e);
            }
            parsed = new Parsed(doc, context);
            last = parsed;
        }
        return parsed.context;
    }

    // Objects with their keys in order, as Flink writes what JSON_QUERY finds.
    @SuppressWarnings("unchecked")
    private static Object sorted(Object node) {
        if (node instanceof Map) {
            TreeMap<String, Object> map = new TreeMap<>();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) node).entrySet()) {
                map.put(e.getKey(), sorted(e.getValue()));
            }
            return map;
        }
        if (node instanceof List) {
            List<Object> list = (List<Object>) node;
            for (int i = 0; i < list.size(); i++) {
                list.set(i, sorted(list.get(i)));
            }
        }
        return node;
    }

    private Object value(JsonFunctions.JsonValueContext doc, String p, Row row) {
        Object v = JSON.jsonValue(doc, p, (SqlJsonValueEmptyOrErrorBehavior) onEmpty,
                defaultOnEmpty == null ? null : defaultOnEmpty.eval(row), (SqlJsonValueEmptyOrErrorBehavior) onError,
                defaultOnError == null ? null : defaultOnError.eval(row));
        if (v == null) {
            return null;
        }
        try {
            return returned(v);
        } catch (RuntimeException e) {
            // A value that does not convert to the RETURNING type is an error, handled as ON ERROR says.
            if (onError == SqlJsonValueEmptyOrErrorBehavior.ERROR) {
                throw e;
            }
            return onError == SqlJsonValueEmptyOrErrorBehavior.DEFAULT && defaultOnError != null ? defaultOnError.eval(row) : null;
        }
    }

    // RETURNING ARRAY<STRING>: a found JSON array's elements as text (a string's own text, other values' JSON, NULL for
    // null); anything else found, or nothing, is an error, handled as ON ERROR says, as Flink does.
    private Object[] array(Object found) {
        JsonNode node = null;
        if (found != null) {
            try {
                node = READER.readTree(found.toString());
            } catch (IOException e) {
                node = null;
            }
        }
        if (node == null || !node.isArray()) {
            if (onError == SqlJsonQueryEmptyOrErrorBehavior.ERROR) {
                throw new IllegalArgumentException("JSON_QUERY ... RETURNING ARRAY found no JSON array: " + found);
            }
            return onError == SqlJsonQueryEmptyOrErrorBehavior.EMPTY_ARRAY ? new Object[0] : null;
        }
        Object[] out = new Object[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = node.get(i);
            out[i] = e.isNull() ? null : e.isTextual() ? e.asText() : e.toString();
        }
        return out;
    }

    private Object returned(Object v) {
        switch (returning) {
            case BOOLEAN:
                return v instanceof Boolean ? v : Boolean.valueOf(parseBoolean(v.toString()));
            case INTEGER:
                return v instanceof Number ? ((Number) v).intValue() : Integer.valueOf(v.toString().trim());
            case DOUBLE:
                return v instanceof Number ? ((Number) v).doubleValue() : Double.valueOf(v.toString().trim());
            default:
                return v.toString();
        }
    }

    /** A document and what parsing it gave. */
    private static final class Parsed {
        final String doc;
        final JsonFunctions.JsonValueContext context;

        Parsed(String doc, JsonFunctions.JsonValueContext context) {
            this.doc = doc;
            this.context = context;
        }
    }

    private static boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("not a BOOLEAN: " + s);
    }
}
