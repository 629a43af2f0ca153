package dev.weir.sql.connector;

import dev.weir.sql.types.EpochMillis;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Flink's {@code csv} and {@code json} formats, one row a line: CSV fields separated by {@code csv.field-delimiter}
 * (default {@code ,}), quoted with {@code "} when they contain it, empty for NULL; JSON objects by column name, nested
 * types and Flink's {@code json.*} options included ({@link JsonLineFormat}). CSV timestamps are written and read in
 * Flink's SQL form {@code yyyy-MM-dd HH:mm:ss.SSS}. A CSV cell equal to
 * {@code csv.null-literal} is NULL (otherwise an empty cell is an empty string, and fails to parse as a number). A line that does not parse
 * fails the job naming the line, unless {@code csv.ignore-parse-errors} / {@code json.ignore-parse-errors} is set,
 * which skips it.
 */
public final class LineFormat implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A timestamp's whole seconds as the csv format writes them (parsed once, not per row; json's are JsonTimes'). */
    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean json;
    private final char delimiter;
    private final boolean ignoreErrors;
    private final String nullLiteral;
    private final String[] names;
    private final SqlTypeName[] types;
    private final int[] precisions;
    /** The json format's reader and writer; null for csv. */
    private final JsonLineFormat jsonLines;

    /** The format with Flink's defaults for the options not given here (json's options all at their defaults). */
    public LineFormat(String format, char delimiter, boolean ignoreErrors, String nullLiteral, RelDataType rowType) {
        this(format, delimiter, ignoreErrors, nullLiteral, rowType, format.equals("json") ? JsonOptions.defaults(ignoreErrors) : null, "");
    }

    private LineFormat(String format, char delimiter, boolean ignoreErrors, String nullLiteral, RelDataType rowType,
            JsonOptions jsonOptions, String table) {
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
        this.jsonLines = json ? new JsonLineFormat(rowType, jsonOptions, table) : null;
    }

    /**
     * The format {@code format} ('csv' or 'json') of the columns {@code rowType} of table {@code table}, configured by
     * its options under {@code prefix} ({@code ""} for {@code 'format'}, {@code "key."} / {@code "value."} for a Kafka
     * table's key and value); a value Flink refuses is refused here, naming the option.
     */
    public static LineFormat of(String format, Map<String, String> options, String prefix, String table, RelDataType rowType) {
        if (format.equals("json")) {
            JsonOptions json = JsonOptions.of(options, prefix, table);
            return new LineFormat(format, ',', json.ignoreParseErrors, null, rowType, json, table);
        }
        String delimiter = options.getOrDefault(prefix + "csv.field-delimiter", ",");
        if (delimiter.length() != 1) {
            throw new ValidationException("Option '" + prefix + "csv.field-delimiter' of table '" + table
                    + "' must be a single character, was '" + delimiter + "'");
        }
        boolean ignore = Boolean.parseBoolean(options.getOrDefault(prefix + "csv.ignore-parse-errors", "false"));
        return new LineFormat(format, delimiter.charAt(0), ignore, options.get(prefix + "csv.null-literal"), rowType, null, table);
    }

    /**
     * Refuses, while planning, a csv column of a nested type Weir's csv format cannot {@code read} (or write): Flink's
     * csv format has no MAP at all; Weir reads no ARRAY or ROW yet and writes an ARRAY of atomic elements (joined by
     * ';'), no ROW. Without it such a column would fail at run time, or be written as Weir's {@code +I[..]} text.
     */
    public static void refuseNestedCsvColumns(RelDataType rowType, String table, boolean read) {
        for (RelDataTypeField f : rowType.getFieldList()) {
            SqlTypeName t = f.getType().getSqlTypeName();
            boolean nestedArray = t == SqlTypeName.ARRAY && (read || f.getType().getComponentType().isStruct()
                    || f.getType().getComponentType().getComponentType() != null || f.getType().getComponentType().getKeyType() != null);
            if (t == SqlTypeName.MAP || t == SqlTypeName.ROW || nestedArray) {
                throw new ValidationException("Unsupported type '" + dev.weir.sql.types.SqlTypes.toDataType(f.getType()) + "' for field '"
                        + f.getName() + "'. The csv format of table '" + table + "' " + (t == SqlTypeName.MAP
                        ? "reads and writes no MAP columns, in Flink as in Weir" : "does not " + (read ? "read" : "write") + " this "
                        + "type in Weir yet") + "; use 'format' = 'json', or " + (read ? "read the column as STRING and "
                        + "parse it in the query (SPLIT, STR_TO_MAP, JSON_VALUE)" : "write it as text (JSON_STRING, ARRAY_JOIN, "
                        + "CAST of its parts)"));
            }
        }
    }

    /** The row of one line, or null when it does not parse and errors are ignored. */
    public Row parse(String line) {
        return parse(line, null);
    }

    /**
     * The row of one line, or null when it does not parse and errors are ignored; {@code where} names the line's place
     * in the error ({@code topic 'orders', partition 0, offset 12}), null when unknown.
     */
    public Row parse(String line, String where) {
        if (json) {
            return jsonLines.parse(line, where);
        }
        try {
            Row row = new Row(names.length);
            List<String> cells = splitCsv(line);
            for (int i = 0; i < names.length; i++) {
                String cell = i < cells.size() ? cells.get(i) : null;
                row.setField(i, cell == null || cell.equals(nullLiteral) ? null : value(cell, i));
            }
            return row;
        } catch (RuntimeException e) {
            if (ignoreErrors) {
                return null;
            }
            throw new IllegalArgumentException("Failed to deserialize CSV row '" + line + "'" + (where == null ? "" : " (" + where + ")")
                    + ": " + e.getMessage() + "; fix the line, or set 'csv.ignore-parse-errors' = 'true' to skip such lines", e);
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
            return jsonLines.format(row);
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
