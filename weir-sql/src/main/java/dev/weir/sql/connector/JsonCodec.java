package dev.weir.sql.connector;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.weir.sql.types.FlinkTypeStrings;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * How the values of one SQL type read from a JSON node and write to a JSON generator, in Weir SQL's internal form, as
 * Flink's json format does: an ARRAY is a JSON array, a MAP a JSON object (STRING keys only, as in Flink), a ROW a JSON
 * object by field name, NULL a JSON null at any depth. A value that does not read fails with {@link JsonFieldError}
 * naming where in the record it is.
 */
abstract class JsonCodec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The value of a node that is neither missing nor a JSON null. */
    abstract Object read(JsonNode node);

    /** Writes a value that is not null. */
    abstract void write(Object value, JsonGenerator out) throws IOException;

    /** The codec of {@code type}; a type the format cannot carry is refused naming {@code table} and the fix. */
    static JsonCodec of(RelDataType type, JsonOptions options, String table) {
        switch (type.getSqlTypeName()) {
            case ARRAY:
                return new ArrayCodec(of(type.getComponentType(), options, table));
            case MAP:
                if (!SqlTypeName.CHAR_TYPES.contains(type.getKeyType().getSqlTypeName())) {
                    throw new ValidationException("JSON format doesn't support non-string as key type of map. The type is: "
                            + FlinkTypeStrings.of(type, false) + " (table '" + table + "'); declare the map MAP<STRING, ...>, "
                            + "as Flink's json format requires");
                }
                return new MapCodec(of(type.getValueType(), options, table), options);
            case ROW:
                return RowCodec.of(type, options, table);
            default:
                return new ScalarCodec(type, options);
        }
    }

    /** A SQL ARRAY as a JSON array; elements may be null. */
    private static final class ArrayCodec extends JsonCodec {
        private static final long serialVersionUID = 1L;
        private final JsonCodec element;

        ArrayCodec(JsonCodec element) {
            this.element = element;
        }

        @Override
        Object read(JsonNode node) {
            if (!node.isArray()) {
                throw new IllegalArgumentException("expected a JSON array, got " + node);
            }
            Object[] values = new Object[node.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode e = node.get(i);
                try {
                    values[i] = e.isNull() ? null : element.read(e);
                } catch (RuntimeException ex) {
                    throw JsonFieldError.at("[" + (i + 1) + "]", ex);
                }
            }
            return values;
        }

        @Override
        void write(Object value, JsonGenerator out) throws IOException {
            Object[] values = (Object[]) value;
            out.writeStartArray();
            for (Object v : values) {
                if (v == null) {
                    out.writeNull();
                } else {
                    element.write(v, out);
                }
            }
            out.writeEndArray();
        }
    }

    /** A SQL MAP with STRING keys as a JSON object, in the map's order; a NULL key as {@code json.map-null-key.mode} says. */
    private static final class MapCodec extends JsonCodec {
        private static final long serialVersionUID = 1L;
        private final JsonCodec value;
        private final JsonOptions options;

        MapCodec(JsonCodec value, JsonOptions options) {
            this.value = value;
            this.options = options;
        }

        @Override
        Object read(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object, got " + node);
            }
            Map<Object, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                try {
                    map.put(e.getKey(), e.getValue().isNull() ? null : value.read(e.getValue()));
                } catch (RuntimeException ex) {
                    throw JsonFieldError.at("['" + e.getKey() + "']", ex);
                }
            }
            return map;
        }

        @Override
        void write(Object map, JsonGenerator out) throws IOException {
            out.writeStartObject();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) map).entrySet()) {
                String key = (String) e.getKey();
                if (key == null) {
                    if (options.mapNullKeyMode == JsonOptions.MapNullKeyMode.DROP) {
                        continue;
                    }
                    if (options.mapNullKeyMode == JsonOptions.MapNullKeyMode.FAIL) {
                        throw new IllegalArgumentException("JSON format doesn't support to serialize map data with null keys. You can "
                                + "drop null key entries or encode null in literals by specifying '" + options.prefix
                                + "json.map-null-key.mode' = 'DROP' or 'LITERAL' (with '" + options.prefix
                                + "json.map-null-key.literal')");
                    }
                    key = options.mapNullKeyLiteral;
                }
                out.writeFieldName(key);
                if (e.getValue() == null) {
                    out.writeNull();
                } else {
                    value.write(e.getValue(), out);
                }
            }
            out.writeEndObject();
        }
    }

    /** A SQL ROW (and a whole record) as a JSON object by field name. */
    static final class RowCodec extends JsonCodec {
        private static final long serialVersionUID = 1L;
        private final String[] names;
        private final JsonCodec[] fields;
        private final JsonOptions options;

        private RowCodec(String[] names, JsonCodec[] fields, JsonOptions options) {
            this.names = names;
            this.fields = fields;
            this.options = options;
        }

        static RowCodec of(RelDataType type, JsonOptions options, String table) {
            List<RelDataTypeField> list = type.getFieldList();
            String[] names = new String[list.size()];
            JsonCodec[] fields = new JsonCodec[names.length];
            for (int i = 0; i < names.length; i++) {
                names[i] = list.get(i).getName();
                fields[i] = JsonCodec.of(list.get(i).getType(), options, table);
            }
            return new RowCodec(names, fields, options);
        }

        @Override
        Row read(JsonNode node) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a JSON object, got " + node);
            }
            Row row = new Row(names.length);
            for (int i = 0; i < names.length; i++) {
                JsonNode v = node.get(names[i]);
                if (v == null) {
                    if (options.failOnMissingField) {
                        throw JsonFieldError.at(names[i], new IllegalArgumentException("the field is missing and '" + options.prefix
                                + "json.fail-on-missing-field' is 'true'; add the field to the record, or set it to 'false' to "
                                + "read a missing field as NULL"));
                    }
                    continue;
                }
                try {
                    row.setField(i, v.isNull() ? null : fields[i].read(v));
                } catch (RuntimeException ex) {
                    if (!options.ignoreParseErrors) {
                        throw JsonFieldError.at(names[i], ex);
                    }
                    // As Flink: with json.ignore-parse-errors a value that does not read is NULL (the innermost field
                    // whose value fails), the rest of the record is kept.
                }
            }
            return row;
        }

        @Override
        void write(Object value, JsonGenerator out) throws IOException {
            Row row = (Row) value;
            out.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                Object v = row.getField(i);
                if (v == null) {
                    if (!options.ignoreNullFields) {
                        out.writeNullField(names[i]);
                    }
                } else {
                    out.writeFieldName(names[i]);
                    fields[i].write(v, out);
                }
            }
            out.writeEndObject();
        }
    }

    /** A value of an atomic type: numbers as JSON numbers (or numeric text), temporals as text, BYTES as base64. */
    private static final class ScalarCodec extends JsonCodec {
        private static final long serialVersionUID = 1L;
        private final SqlTypeName type;
        private final int precision;
        private final int scale;
        private final JsonOptions options;

        ScalarCodec(RelDataType type, JsonOptions options) {
            this.type = type.getSqlTypeName();
            this.precision = type.getPrecision();
            this.scale = type.getScale();
            this.options = options;
        }

        @Override
        Object read(JsonNode node) {
            switch (type) {
                case CHAR:
                case VARCHAR:
                    return node.isTextual() ? node.asText() : node.toString();
                case BOOLEAN:
                    return node.isBoolean() ? node.booleanValue() : Boolean.parseBoolean(node.asText().trim());
                case TINYINT:
                    return Byte.parseByte(node.asText().trim());
                case SMALLINT:
                    return Short.parseShort(node.asText().trim());
                case INTEGER:
                    return node.canConvertToInt() && node.isIntegralNumber() ? node.intValue() : Integer.parseInt(node.asText().trim());
                case BIGINT:
                    return node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : Long.parseLong(node.asText().trim());
                case FLOAT:
                case REAL:
                    return node.isNumber() ? node.floatValue() : Float.parseFloat(node.asText().trim());
                case DOUBLE:
                    return node.isNumber() ? node.doubleValue() : Double.parseDouble(node.asText().trim());
                case DECIMAL: {
                    BigDecimal d = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim());
                    d = d.setScale(scale, RoundingMode.HALF_UP);
                    // Flink's DECIMAL of a value wider than the declared precision is NULL.
                    return d.precision() > precision ? null : d;
                }
                case DATE:
                    return JsonTimes.parseDate(node.asText());
                case TIME:
                    return JsonTimes.parseTime(node.asText());
                case TIMESTAMP:
                    return JsonTimes.parseTimestamp(node.asText(), false, options.isoTimestamps);
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                    return JsonTimes.parseTimestamp(node.asText(), true, options.isoTimestamps);
                case BINARY:
                case VARBINARY:
                    try {
                        return node.binaryValue();
                    } catch (IOException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                default:
                    throw new IllegalArgumentException("type " + type + " is not supported by Weir's json format yet");
            }
        }

        @Override
        void write(Object v, JsonGenerator out) throws IOException {
            switch (type) {
                case BOOLEAN:
                    out.writeBoolean((Boolean) v);
                    return;
                case TINYINT:
                case SMALLINT:
                case INTEGER:
                    out.writeNumber(((Number) v).intValue());
                    return;
                case BIGINT:
                    out.writeNumber((Long) v);
                    return;
                case FLOAT:
                case REAL:
                    out.writeNumber(((Number) v).floatValue());
                    return;
                case DOUBLE:
                    out.writeNumber(((Number) v).doubleValue());
                    return;
                case DECIMAL: {
                    // Flink's json writer keeps the scale only as a plain number; otherwise it writes Jackson's
                    // normalized number: trailing zeros stripped (12.50 as 12.5, 100 as 1E+2), zero as 0.
                    BigDecimal d = (BigDecimal) v;
                    out.writeNumber(options.decimalAsPlainNumber ? d.toPlainString()
                            : d.signum() == 0 ? "0" : d.stripTrailingZeros().toString());
                    return;
                }
                case DATE:
                    out.writeString(JsonTimes.date((Integer) v));
                    return;
                case TIME:
                    out.writeString(JsonTimes.time((Integer) v));
                    return;
                case TIMESTAMP:
                    out.writeString(JsonTimes.timestamp((Long) v, false, options.isoTimestamps));
                    return;
                case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                    out.writeString(JsonTimes.timestamp((Long) v, true, options.isoTimestamps));
                    return;
                case BINARY:
                case VARBINARY:
                    out.writeBinary((byte[]) v);
                    return;
                default:
                    out.writeString(v.toString());
            }
        }
    }
}
