package dev.weir.sql.connector;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.weir.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Flink's {@code json} format for one record: a JSON object whose members are the columns by name, nested types
 * included ({@link JsonCodec}), configured by Flink's {@code json.*} options ({@link JsonOptions}). A record that does
 * not parse fails naming the record, the field and the option that skips such records, unless
 * {@code json.ignore-parse-errors} is set.
 */
final class JsonLineFormat implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    private final JsonCodec.RowCodec codec;
    private final JsonOptions options;

    JsonLineFormat(RelDataType rowType, JsonOptions options, String table) {
        this.codec = JsonCodec.RowCodec.of(rowType, options, table);
        this.options = options;
    }

    boolean ignoresParseErrors() {
        return options.ignoreParseErrors;
    }

    /**
     * The row of {@code text}, or null when it does not parse and errors are ignored; {@code where} names the record's
     * place for the error ({@code file /data/a.json, line 3}; null when unknown).
     */
    Row parse(String text, String where) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("a record must be one JSON object, got " + (node == null ? "nothing" : node));
            }
            return codec.read(node);
        } catch (JsonProcessingException | RuntimeException e) {
            if (options.ignoreParseErrors) {
                return null;
            }
            String reason = e instanceof JsonProcessingException ? ((JsonProcessingException) e).getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("Failed to deserialize JSON '" + text + "'" + (where == null ? "" : " (" + where + ")")
                    + ": " + reason + "; fix the record, or set '" + options.prefix + "json.ignore-parse-errors' = 'true' to "
                    + "read such values as NULL (and skip records that are not JSON objects)", e);
        }
    }

    /** The JSON object of {@code row} (internal form), on one line. */
    String format(Row row) {
        StringWriter text = new StringWriter(64);
        try (JsonGenerator out = FACTORY.createGenerator(text)) {
            codec.write(row, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
