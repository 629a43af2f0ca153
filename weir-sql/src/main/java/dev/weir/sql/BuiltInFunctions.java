package dev.weir.sql;

import java.util.List;

/**
 * The built-in functions {@code SHOW FUNCTIONS} lists: those Weir SQL runs, under the names Flink 2.3's SHOW FUNCTIONS
 * gives them (Flink's definition names, so a mix of {@code COALESCE}, {@code dateFormat} and {@code first_value}). Kept
 * to names Flink lists, so that a script reading the list behaves as on Flink; {@code ShowFunctionsTest} in
 * weir-sql-compat checks them against Flink's own list. Extend it when the expression compiler learns a function.
 */
final class BuiltInFunctions {
    static final List<String> NAMES = List.of(
            // Operators and conditions.
            "and", "or", "not", "plus", "minus", "minusPrefix", "times", "divide", "mod", "equals", "notEquals", "lessThan",
            "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "between", "notBetween", "in", "isNull", "isNotNull",
            "isTrue", "isNotTrue", "isFalse", "isNotFalse", "ifThenElse", "cast", "COALESCE", "LIKE",
            // Numeric, string and time functions.
            "abs", "ceil", "floor", "upper", "lower", "charLength", "substring", "trim", "concat", "position",
            "regexpExtract", "splitIndex", "extract", "dateFormat", "fromUnixtime", "unixTimestamp", "toTimestamp",
            "TO_TIMESTAMP_LTZ", "proctime", "CURRENT_WATERMARK", "SOURCE_WATERMARK",
            // Conditional, arithmetic and string functions of the expression families (ConditionalCalls, MathCalls,
            // StringCalls).
            "GREATEST", "LEAST", "IFNULL", "concat_ws", "round", "truncate", "power", "sqrt", "exp", "ln", "log", "log10", "log2",
            "sign", "pi", "e", "degrees", "radians", "sin", "cos", "tan", "cot", "asin", "acos", "atan", "atan2", "sinh", "cosh",
            "tanh", "rand", "randInteger", "replace", "lpad", "rpad",
            "ltrim", "rtrim", "initCap", "reverse", "repeat", "left", "right", "locate", "instr", "regexp", "regexpReplace",
            "ascii", "chr", "toBase64", "fromBase64", "md5", "sha1", "sha256", "overlay", "currentTimestamp", "now", "localTimestamp",
            "currentDate", "currentTime", "toDate", "convertTz", "currentRowTimestamp", "localTime", "uuid", "timestampDiff",
            // JSON (JsonCalls, JsonConstructors).
            "JSON_VALUE", "JSON_QUERY", "JSON_EXISTS", "IS_JSON", "JSON_OBJECT", "JSON_ARRAY", "JSON_STRING", "JSON_QUOTE",
            "JSON_UNQUOTE",
            "JSON",
            // Encodings, digests and text (CodecCalls, TextCalls).
            "bin", "hex", "URL_ENCODE", "URL_DECODE", "sha2", "sha224", "sha384", "sha512", "substr", "TRANSLATE3", "ELT",
            "PRINTF", "REGEXP_COUNT", "REGEXP_INSTR", "REGEXP_SUBSTR", "REGEXP_EXTRACT_ALL", "SPLIT", "parseUrl", "STARTSWITH",
            "ENDSWITH", "BTRIM",
            // Collections and bytes (ArrayCalls, MapCalls, CodecCalls).
            "array", "map", "at", "cardinality", "element", "ARRAY_APPEND", "ARRAY_PREPEND", "ARRAY_CONTAINS", "ARRAY_DISTINCT",
            "ARRAY_POSITION", "ARRAY_REMOVE", "ARRAY_REVERSE", "ARRAY_SLICE", "ARRAY_SORT", "ARRAY_UNION", "ARRAY_CONCAT",
            "ARRAY_EXCEPT", "ARRAY_INTERSECT", "ARRAY_MAX", "ARRAY_MIN", "ARRAY_JOIN", "MAP_KEYS", "MAP_VALUES", "MAP_ENTRIES",
            "MAP_FROM_ARRAYS", "MAP_UNION", "strToMap", "UNHEX", "encode", "decode", "JSON_OBJECTAGG_NULL_ON_NULL",
            "JSON_OBJECTAGG_ABSENT_ON_NULL", "JSON_ARRAYAGG_NULL_ON_NULL", "JSON_ARRAYAGG_ABSENT_ON_NULL",
            // Aggregates.
            "count", "sum", "min", "max", "avg", "first_value", "last_value", "listAgg", "ARRAY_AGG",
            "stddevPop", "stddevSamp", "varPop", "varSamp", "lag", "PERCENTILE", "collect",
            // BITMAP (BitmapCalls, BitmapAggregates), one name a line.
            "BITMAP_AND",
            "BITMAP_AND_AGG",
            "BITMAP_AND_CARDINALITY_AGG",
            "BITMAP_ANDNOT",
            "BITMAP_BUILD",
            "BITMAP_BUILD_AGG",
            "BITMAP_BUILD_CARDINALITY_AGG",
            "BITMAP_CARDINALITY",
            "BITMAP_FROM_BYTES",
            "BITMAP_OR",
            "BITMAP_OR_AGG",
            "BITMAP_OR_CARDINALITY_AGG",
            "BITMAP_TO_ARRAY",
            "BITMAP_TO_BYTES",
            "BITMAP_TO_STRING",
            "BITMAP_XOR",
            "BITMAP_XOR_AGG",
            "BITMAP_XOR_CARDINALITY_AGG",
            // TRY_CAST (TryCast), TYPEOF (FlinkTypeStrings).
            "TRY_CAST", "TYPEOF",
            // The process table functions TO_CHANGELOG and FROM_CHANGELOG (ChangelogFunction).
            "FROM_CHANGELOG", "TO_CHANGELOG",
            // IPv4 addresses (InetCalls).
            "INET_ATON", "INET_NTOA");

    private BuiltInFunctions() {
    }
}
