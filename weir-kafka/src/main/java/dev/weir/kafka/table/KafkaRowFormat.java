package dev.weir.kafka.table;

import dev.weir.sql.connector.JsonOptions;
import dev.weir.sql.connector.LineFormat;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * One format of a Kafka table's key or value, by Flink's names: {@code json} and {@code csv} (a record's bytes are
 * one JSON object or one CSV line of the format's fields, options {@code json.ignore-parse-errors},
 * {@code csv.field-delimiter}, ...), or {@code raw} (the bytes are the single STRING or BYTES field, {@code raw.charset}).
 * Rows are in Weir SQL's internal form and hold only this format's fields.
 */
final class KafkaRowFormat implements Serializable {
    private static final long serialVersionUID = 1L;

    static final Set<String> NAMES = Set.of("json", "csv", "raw");
    /** The options of each format, without the {@code key.} / {@code value.} prefix. */
    static final Set<String> OPTIONS = union(JsonOptions.KEYS, Set.of("csv.field-delimiter", "csv.ignore-parse-errors",
            "csv.null-literal", "csv.quote-character", "csv.allow-comments", "raw.charset", "raw.endianness"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private final LineFormat lines;
    private final boolean rawBytes;
    private final String charset;

    private KafkaRowFormat(LineFormat lines, boolean rawBytes, String charset) {
        this.lines = lines;
        this.rawBytes = rawBytes;
        this.charset = charset;
    }

    /**
     * The format {@code name} of the fields {@code type}, configured by {@code options} under {@code prefix}
     * ({@code ""} for {@code 'format'}, {@code "key."} or {@code "value."}); {@code option} names it in errors.
     */
    static KafkaRowFormat of(String name, String option, String table, Map<String, String> options, String prefix, RelDataType type) {
        switch (name) {
            case "json":
            case "csv":
                return new KafkaRowFormat(LineFormat.of(name, options, prefix, table, type), false, null);
            case "raw": {
                if (type.getFieldCount() != 1) {
                    throw new ValidationException("The 'raw' format of table '" + table + "' (option '" + option + "') supports only"
                            + " one physical column, but " + type.getFieldCount() + " are given: " + type.getFieldNames()
                            + "; use 'json' or 'csv' for several columns");
                }
                SqlTypeName t = type.getFieldList().get(0).getType().getSqlTypeName();
                boolean bytes = t == SqlTypeName.VARBINARY || t == SqlTypeName.BINARY;
                if (!bytes && t != SqlTypeName.VARCHAR && t != SqlTypeName.CHAR) {
                    throw new ValidationException("The 'raw' format of table '" + table + "' reads and writes STRING or BYTES in Weir, "
                            + "not " + t + " (column '" + type.getFieldNames().get(0) + "'); declare it STRING and CAST it in the query");
                }
                String charset = options.getOrDefault(prefix + "raw.charset", "UTF-8");
                Charset.forName(charset);
                return new KafkaRowFormat(null, bytes, charset);
            }
            default:
                throw new ValidationException("Could not find any format factory for identifier '" + name + "' (option '" + option
                        + "') of table '" + table + "'; Weir's Kafka tables read and write 'json', 'csv' and 'raw'");
        }
    }

    /**
     * The row of a record's key or value bytes, or null when the bytes do not parse and the format skips such records;
     * an error names the record's topic, partition and offset.
     */
    Row decode(byte[] bytes, ConsumerRecord<?, ?> record) {
        if (lines != null) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            try {
                return lines.parse(text);
            } catch (IllegalArgumentException e) {
                // Parsed again to name the record's place: only records that fail pay for the text.
                return lines.parse(text, "topic '" + record.topic() + "', partition " + record.partition() + ", offset " + record.offset());
            }
        }
        Row row = new Row(1);
        row.setField(0, rawBytes ? bytes : new String(bytes, Charset.forName(charset)));
        return row;
    }

    /** The bytes of {@code row}, which holds this format's fields in order. */
    byte[] encode(Row row) {
        if (lines != null) {
            return lines.format(row).getBytes(StandardCharsets.UTF_8);
        }
        Object v = row.getField(0);
        if (v == null) {
            return null;
        }
        return rawBytes ? (byte[]) v : ((String) v).getBytes(Charset.forName(charset));
    }
}
