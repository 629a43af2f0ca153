package dev.weir.sql.connector;

import dev.weir.table.api.ValidationException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;

/**
 * The options of Flink's {@code json} format, by Flink 2.3's names and defaults, read from a table's WITH clause under
 * a prefix ({@code ""} for {@code 'format'}, {@code "key."} or {@code "value."} for a Kafka table's key and value).
 * {@code json.decode.json-parser.enabled} is accepted and changes nothing: both of Flink's readers give the same rows.
 */
public final class JsonOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Every option of the format, without the prefix. */
    public static final Set<String> KEYS = Set.of("json.fail-on-missing-field", "json.ignore-parse-errors",
            "json.timestamp-format.standard", "json.map-null-key.mode", "json.map-null-key.literal",
            "json.encode.decimal-as-plain-number", "json.encode.ignore-null-fields", "json.decode.json-parser.enabled");

    /** What the writer does with a MAP entry whose key is NULL ({@code json.map-null-key.mode}). */
    public enum MapNullKeyMode { FAIL, DROP, LITERAL }

    final boolean failOnMissingField;
    final boolean ignoreParseErrors;
    /** {@code json.timestamp-format.standard} = 'ISO-8601' (else 'SQL'). */
    final boolean isoTimestamps;
    final MapNullKeyMode mapNullKeyMode;
    final String mapNullKeyLiteral;
    final boolean decimalAsPlainNumber;
    final boolean ignoreNullFields;
    /** The prefix the options were read under, for error messages ({@code ""}, {@code "value."}). */
    final String prefix;

    private JsonOptions(boolean failOnMissingField, boolean ignoreParseErrors, boolean isoTimestamps, MapNullKeyMode mapNullKeyMode,
            String mapNullKeyLiteral, boolean decimalAsPlainNumber, boolean ignoreNullFields, String prefix) {
        this.failOnMissingField = failOnMissingField;
        this.ignoreParseErrors = ignoreParseErrors;
        this.isoTimestamps = isoTimestamps;
        this.mapNullKeyMode = mapNullKeyMode;
        this.mapNullKeyLiteral = mapNullKeyLiteral;
        this.decimalAsPlainNumber = decimalAsPlainNumber;
        this.ignoreNullFields = ignoreNullFields;
        this.prefix = prefix;
    }

    /** Flink's defaults, except {@code ignoreParseErrors}. */
    static JsonOptions defaults(boolean ignoreParseErrors) {
        return new JsonOptions(false, ignoreParseErrors, false, MapNullKeyMode.FAIL, "null", false, false, "");
    }

    /** The options of table {@code table} under {@code prefix}; a value Flink refuses is refused naming the option. */
    public static JsonOptions of(Map<String, String> options, String prefix, String table) {
        boolean failOnMissing = bool(options, prefix, "json.fail-on-missing-field", table);
        boolean ignore = bool(options, prefix, "json.ignore-parse-errors", table);
        if (failOnMissing && ignore) {
            throw new ValidationException("fail-on-missing-field and ignore-parse-errors shouldn't both be true (table '" + table
                    + "'): set '" + prefix + "json.fail-on-missing-field' = 'true' to fail on a missing field, or '" + prefix
                    + "json.ignore-parse-errors' = 'true' to skip records that do not parse, not both");
        }
        String standard = options.getOrDefault(prefix + "json.timestamp-format.standard", "SQL");
        if (!standard.equals("SQL") && !standard.equals("ISO-8601")) {
            throw new ValidationException("Unsupported value '" + standard + "' for option '" + prefix
                    + "json.timestamp-format.standard' of table '" + table + "'. Supported values are [SQL, ISO-8601].");
        }
        String mode = options.getOrDefault(prefix + "json.map-null-key.mode", "FAIL");
        MapNullKeyMode nullKeyMode;
        try {
            nullKeyMode = MapNullKeyMode.valueOf(mode.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("Unsupported value '" + mode + "' for option '" + prefix + "json.map-null-key.mode' of table '"
                    + table + "'. Supported values are [FAIL, DROP, LITERAL].", e);
        }
        return new JsonOptions(failOnMissing, ignore, standard.equals("ISO-8601"), nullKeyMode,
                options.getOrDefault(prefix + "json.map-null-key.literal", "null"),
                bool(options, prefix, "json.encode.decimal-as-plain-number", table),
                bool(options, prefix, "json.encode.ignore-null-fields", table), prefix);
    }

    private static boolean bool(Map<String, String> options, String prefix, String key, String table) {
        String value = options.getOrDefault(prefix + key, "false");
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ValidationException("Option '" + prefix + key + "' of table '" + table + "' must be 'true' or 'false', was '"
                + value + "'");
    }
}
