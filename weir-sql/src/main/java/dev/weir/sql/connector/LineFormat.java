package dev.weir.sql.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.sql.types.EpochMillis;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's {@code csv} and {@code json} formats, one row a line: CSV fields separated by {@code csv.field-delimiter}
 * (default {@code ,}), quoted with {@code "} when they contain it, empty for NULL; JSON objects by column name.
 * Timestamps are written and read in Flink's SQL form {@code yyyy-MM-dd HH:mm:ss.SSS}. A CSV cell equal to
 * {@code csv.null-literal} is NULL (otherwise an empty cell is an empty string, and fails to parse as a number). A line that does not parse
 * fails the job naming the line, unless {@code csv.ignore-parse-errors} / {@code json.ignore-parse-errors} is set,
 * which skips it.
 */
public final class LineFormat implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A timestamp's whole seconds as the csv and json formats write them (parsed once, not per row). */
    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean json;
    private final char delimiter;
    private final boolean ignoreErrors;
    private final String nullLiteral;
    private final String[] names;
    private final SqlTypeName[] types;
    private final int[] precisions;

    public LineFormat(String format, char delimiter, boolean ignoreErrors, String nullLiteral, RelDataType rowType) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw new ValidationException("Format '" + format + "' is not supported by Weir's line formats yet; use "
                    + "'csv' or 'json'");
        }
        this.json = format.equals("json");
        this.delimiter = delimiter;
        this.ignoreErrors = ignoreErrors;
        this.nullLiteral = nullLiteral;
        List<RelDataTypeField> fields = rowType.getFieldList();
        names = new String[fields.size()];
        types = new SqlTypeName[fields.size()];
        precisions = new int[fields.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.get(i).getName();
            types[i] = fields.get(i).getType().getSqlTypeName();
            precisions[i] = fields.get(i).getType().getPrecision();
        }
    }

    /** The row of one line, or null when it does not parse and errors are ignored. */
    public Row parse(String line) {
        try {
            Row row = new Row(names.length);
            if (json) {
                JsonNode node = JSON.readTree(line);
                for (int i = 0; i < names.length; i++) {
                    JsonNode v = node.get(names[i]);
                    row.setField(i, v == null || v.isNull() ? null : value(v.isTextual() ? v.asText() : v.toString(), i));
                }
            } else {
                List<String> cells = splitCsv(line);
                for (int i = 0; i < names.length; i++) {
                    String cell = i < cells.size() ? cells.get(i) : null;
                    row.setField(i, cell == null || cell.equals(nullLiteral) ? null : value(cell, i));
                }
            }
            return row;
        } catch (RuntimeException | IOException e) {
            if (ignoreErrors) {
                return null;
            }
            throw new IllegalArgumentException("Failed to deserialize " + (json ? "JSON" : "CSV") + " row '" + line + "': "
                    + e.getMessage() + "; fix the line, or set '" + (json ? "json" : "csv") + ".ignore-parse-errors' = 'true' to skip such lines", e);
        }
    }

    private Object value(String text, int i) {
        switch (types[i]) {
            case CHAR:
            case VARCHAR:
                return text;
            case BOOLEAN:
                return Boolean.parseBoolean(text.trim());
            case TINYINT:
                return Byte.parseByte(text.trim());
            case SMALLINT:
                return Short.parseShort(text.trim());
            case INTEGER:
                return Integer.parseInt(text.trim());
            case BIGINT:
                return Long.parseLong(text.trim());
            case FLOAT:
                return Float.parseFloat(text.trim());
            case DOUBLE:
                return Double.parseDouble(text.trim());
            case DECIMAL:
                return new BigDecimal(text.trim());
            case DATE:
                return (int) LocalDate.parse(text.trim()).toEpochDay();
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                String t = text.trim().replace('T', ' ');
                if (t.endsWith("Z")) {
                    t = t.substring(0, t.length() - 1);
                }
                return java.time.LocalDateTime.parse(t.replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
            }
            default:
                throw new IllegalArgumentException("type " + types[i] + " is not supported by the " + (json ? "json" : "csv") + " format yet");
        }
    }

    private List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        // A quote opens a quoted cell only as the cell's first character; elsewhere it is text, as in Flink's csv
        // format (Jackson's CSV parser): {"a":1} unquoted stays {"a":1}.
        boolean cellStart = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cellStart) {
                quoted = true;
                cellStart = false;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
                cellStart = true;
            } else {
                cell.append(c);
                cellStart = false;
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** One line for {@code row} (internal form), without the line break. */
    public String format(Row row) {
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            for (int i = 0; i < names.length; i++) {
                Object v = row.getField(i);
                if (v == null) {
                    node.putNull(names[i]);
                } else if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                    node.put(names[i], ((Number) v).intValue());
                } else if (v instanceof Long && !isTemporal(i)) {
                    node.put(names[i], (Long) v);
                } else if (v instanceof Double || v instanceof Float) {
                    node.put(names[i], ((Number) v).doubleValue());
                } else if (v instanceof BigDecimal) {
                    node.put(names[i], (BigDecimal) v);
                } else if (v instanceof Boolean) {
                    node.put(names[i], (Boolean) v);
                } else if (v instanceof Object[] || v instanceof java.util.Map) {
                    // An ARRAY as a JSON array and a MAP as an object, as Flink's json format writes them.
                    node.set(names[i], JSON.valueToTree(v));
                } else {
                    node.put(names[i], text(v, i));
                }
            }
            try {
                return JSON.writeValueAsString(node);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(delimiter);
            }
            Object v = row.getField(i);
            if (v == null) {
                if (nullLiteral != null) {
                    sb.append(nullLiteral);
                }
            } else {
                String t = text(v, i);
                if (t.indexOf(delimiter) >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0) {
                    sb.append('"').append(t.replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(t);
                }
            }
        }
        return sb.toString();
    }

    private boolean isTemporal(int i) {
        return types[i] == SqlTypeName.TIMESTAMP || types[i] == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE || types[i] == SqlTypeName.DATE;
    }

    private String text(Object v, int i) {
        switch (types[i]) {
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE: {
                long millis = (Long) v;
                java.time.LocalDateTime t = EpochMillis.utc(millis);
                String s = t.format(SECONDS);
                int p = Math.min(3, precisions[i]);
                return p == 0 ? s : s + "." + String.format("%03d", t.getNano() / 1_000_000).substring(0, p);
            }
            case DATE:
                return LocalDate.ofEpochDay((Integer) v).toString();
            case DECIMAL:
                return ((BigDecimal) v).toPlainString();
            case ARRAY: {
                // Flink's csv format writes an array's elements separated by ';' (csv.array-element-delimiter).
                Object[] elements = (Object[]) v;
                StringBuilder sb = new StringBuilder();
                for (int e = 0; e < elements.length; e++) {
                    sb.append(e == 0 ? "" : ";").append(elements[e] == null ? "" : elements[e]);
                }
                return sb.toString();
            }
            default:
                return v.toString();
        }
    }
}
