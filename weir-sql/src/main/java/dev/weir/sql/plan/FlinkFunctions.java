package dev.weir.sql.plan;

import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandTypeChecker;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;

/** Flink's scalar functions that Calcite's standard library lacks, with Flink's signatures and result types. */
public final class FlinkFunctions {
    private static final SqlReturnTypeInference NULLABLE_STRING =
            ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE).andThen(SqlTypeTransforms.TO_NULLABLE);

    /**
     * TO_TIMESTAMP_LTZ(epoch, precision): epoch seconds (precision 0) or milliseconds (3) to TIMESTAMP_LTZ(3), nullable
     * whatever its arguments, as in Flink 2.3 (TYPEOF(TO_TIMESTAMP_LTZ(1, 3)) is TIMESTAMP_LTZ(3)).
     */
    public static final SqlFunction TO_TIMESTAMP_LTZ = new SqlFunction("TO_TIMESTAMP_LTZ", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3).andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.family(SqlTypeFamily.NUMERIC, SqlTypeFamily.INTEGER), SqlFunctionCategory.TIMEDATE);
    /** TO_TIMESTAMP(string [, format]): a 'yyyy-MM-dd HH:mm:ss' string (or the given pattern) to TIMESTAMP(3). */
    public static final SqlFunction TO_TIMESTAMP = new SqlFunction("TO_TIMESTAMP", SqlKind.OTHER_FUNCTION,
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3).andThen(SqlTypeTransforms.TO_NULLABLE), null,
            OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING), SqlFunctionCategory.TIMEDATE);
    /** UNIX_TIMESTAMP(string [, format]): seconds since the epoch of a timestamp string in the session zone. */
    public static final SqlFunction UNIX_TIMESTAMP = new SqlFunction("UNIX_TIMESTAMP", SqlKind.OTHER_FUNCTION,
            ReturnTypes.BIGINT_NULLABLE, null, OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING),
            SqlFunctionCategory.TIMEDATE);
    /** FROM_UNIXTIME(seconds [, format]): the time as a string, 'yyyy-MM-dd HH:mm:ss' by default, in the session zone. */
    public static final SqlFunction FROM_UNIXTIME = new SqlFunction("FROM_UNIXTIME", SqlKind.OTHER_FUNCTION,
            NULLABLE_STRING, null, OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.family(SqlTypeFamily.NUMERIC,
                    SqlTypeFamily.STRING)), SqlFunctionCategory.TIMEDATE);
    /** DATE_FORMAT(timestamp, format): the timestamp formatted with a Java date pattern. */
    public static final SqlFunction DATE_FORMAT = new SqlFunction("DATE_FORMAT", SqlKind.OTHER_FUNCTION,
            NULLABLE_STRING, null, OperandTypes.or(OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.STRING),
                    OperandTypes.STRING_STRING), SqlFunctionCategory.TIMEDATE);
    /** CONCAT(s1, s2, ...): the strings joined; null if any is null. */
    public static final SqlFunction CONCAT = new SqlFunction("CONCAT", SqlKind.OTHER_FUNCTION, NULLABLE_STRING, null,
            OperandTypes.repeat(org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.STRING),
            SqlFunctionCategory.STRING);

    /**
     * PROCTIME(): the processing time, TIMESTAMP_LTZ(3) NOT NULL, as Flink's; declared as a computed column
     * ({@code proc_time AS PROCTIME()}) it is the time attribute of processing-time lookup joins.
     */
    public static final SqlFunction PROCTIME = new RuntimeValue("PROCTIME",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC);

    /**
     * CURRENT_WATERMARK(rowtime): the current watermark of the operator evaluating it, of the rowtime column's type,
     * NULL before the first watermark, as in Flink ({@code WHERE CURRENT_WATERMARK(ts) IS NULL OR ts >
     * CURRENT_WATERMARK(ts)} drops late rows). Weir evaluates it in a projection or filter (a Calc).
     */
    public static final SqlFunction CURRENT_WATERMARK = new RuntimeValue("CURRENT_WATERMARK",
            ReturnTypes.ARG0.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.DATETIME);

    /** REGEXP_EXTRACT(s, regex [, group]): the group (0: the whole match) of the first match of regex in s. */
    public static final SqlFunction REGEXP_EXTRACT = new SqlFunction("REGEXP_EXTRACT", SqlKind.OTHER_FUNCTION, NULLABLE_STRING,
            null, OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING,
                    SqlTypeFamily.INTEGER)), SqlFunctionCategory.STRING);
    /** SPLIT_INDEX(s, separator, index): the index-th piece (from 0) of s split at separator. */
    public static final SqlFunction SPLIT_INDEX = new SqlFunction("SPLIT_INDEX", SqlKind.OTHER_FUNCTION, NULLABLE_STRING, null,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER), SqlFunctionCategory.STRING);

    private static final SqlReturnTypeInference FORCED_NULLABLE_STRING =
            ReturnTypes.explicit(SqlTypeName.VARCHAR, Integer.MAX_VALUE).andThen(SqlTypeTransforms.FORCE_NULLABLE);

    /** CONCAT_WS(separator, s1, ...): the non-null strings joined by separator; NULL only for a NULL separator. */
    public static final SqlFunction CONCAT_WS = string("CONCAT_WS", NULLABLE_STRING,
            OperandTypes.repeat(org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.STRING));
    /** LPAD(s, length, padding) and RPAD: s cut or padded on the left (right) to length; NULL for a negative length. */
    public static final SqlFunction LPAD = string("LPAD", FORCED_NULLABLE_STRING,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER, SqlTypeFamily.STRING));
    public static final SqlFunction RPAD = string("RPAD", FORCED_NULLABLE_STRING,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER, SqlTypeFamily.STRING));
    /** LTRIM(s), RTRIM(s): s without its leading (trailing) spaces. */
    public static final SqlFunction LTRIM = string("LTRIM", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction RTRIM = string("RTRIM", NULLABLE_STRING, OperandTypes.STRING);
    /** REVERSE(s): s backwards. */
    public static final SqlFunction REVERSE = string("REVERSE", NULLABLE_STRING, OperandTypes.STRING);
    /** REPEAT(s, n): s n times ('' for n <= 0). */
    public static final SqlFunction REPEAT = string("REPEAT", NULLABLE_STRING,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER));
    /** LEFT(s, n), RIGHT(s, n): the leftmost (rightmost) n characters ('' for n <= 0). */
    public static final SqlFunction LEFT = string("LEFT", NULLABLE_STRING, OperandTypes.family(SqlTypeFamily.STRING,
            SqlTypeFamily.INTEGER));
    public static final SqlFunction RIGHT = string("RIGHT", NULLABLE_STRING, OperandTypes.family(SqlTypeFamily.STRING,
            SqlTypeFamily.INTEGER));
    /** LOCATE(needle, haystack [, from]): the 1-based position of needle in haystack from position from; 0 if absent. */
    public static final SqlFunction LOCATE = string("LOCATE", ReturnTypes.INTEGER_NULLABLE, OperandTypes.or(
            OperandTypes.STRING_STRING, OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING, SqlTypeFamily.INTEGER)));
    /** INSTR(s, needle): the 1-based position of needle in s; 0 if absent. */
    public static final SqlFunction INSTR = string("INSTR", ReturnTypes.INTEGER_NULLABLE, OperandTypes.STRING_STRING);
    /** REGEXP(s, regex): whether a part of s matches regex. */
    public static final SqlFunction REGEXP = string("REGEXP",
            ReturnTypes.BOOLEAN.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.STRING_STRING);
    /** REGEXP_REPLACE(s, regex, replacement): every match of regex in s replaced. */
    public static final SqlFunction REGEXP_REPLACE = string("REGEXP_REPLACE", FORCED_NULLABLE_STRING,
            OperandTypes.STRING_STRING_STRING);
    /** CHR(n): the character of code n modulo 256. */
    public static final SqlFunction CHR = string("CHR", NULLABLE_STRING, OperandTypes.INTEGER);
    /** TO_BASE64(s), FROM_BASE64(s): s's UTF-8 bytes in base64, and back to a string. */
    public static final SqlFunction TO_BASE64 = string("TO_BASE64", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction FROM_BASE64 = string("FROM_BASE64", FORCED_NULLABLE_STRING, OperandTypes.STRING);
    /** MD5(s), SHA1(s), SHA256(s): the digest of s's UTF-8 bytes as lower-case hex. */
    public static final SqlFunction MD5 = string("MD5", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction SHA1 = string("SHA1", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction SHA256 = string("SHA256", NULLABLE_STRING, OperandTypes.STRING);
    /** ROUND(x [, d]) and TRUNCATE(x [, d]): x rounded half up (cut) to d decimals, of Flink's result type. */
    public static final SqlFunction ROUND = numeric("ROUND", FlinkFunctions::roundType,
            OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER));
    public static final SqlFunction TRUNCATE = numeric("TRUNCATE", FlinkFunctions::roundType,
            OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_INTEGER));
    /** LOG(x): the natural logarithm; LOG(base, x): the logarithm to base. */
    public static final SqlFunction LOG = numeric("LOG", ReturnTypes.DOUBLE_NULLABLE,
            OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_NUMERIC));
    /** LOG2(x): the logarithm to base 2. */
    public static final SqlFunction LOG2 = numeric("LOG2", ReturnTypes.DOUBLE_NULLABLE, OperandTypes.NUMERIC);
    /** TO_DATE(string [, format]): a 'yyyy-MM-dd' string (or the given pattern) to a DATE. */
    public static final SqlFunction TO_DATE = new SqlFunction("TO_DATE", SqlKind.OTHER_FUNCTION,
            ReturnTypes.DATE.andThen(SqlTypeTransforms.FORCE_NULLABLE), null,
            OperandTypes.or(OperandTypes.STRING, OperandTypes.STRING_STRING), SqlFunctionCategory.TIMEDATE);
    /** CONVERT_TZ(string, from, to): a 'yyyy-MM-dd HH:mm:ss' string read in zone from, written in zone to. */
    public static final SqlFunction CONVERT_TZ = new SqlFunction("CONVERT_TZ", SqlKind.OTHER_FUNCTION, FORCED_NULLABLE_STRING,
            null, OperandTypes.STRING_STRING_STRING, SqlFunctionCategory.TIMEDATE);
    /** NOW(): the current time, TIMESTAMP_LTZ(3), per row, as CURRENT_TIMESTAMP. */
    public static final SqlFunction NOW = new RuntimeValue("NOW",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC);
    /**
     * CURRENT_TIMESTAMP and CURRENT_ROW_TIMESTAMP(): the current instant, TIMESTAMP_LTZ(3) NOT NULL, read per row, as in
     * Flink 2.3 (Calcite's CURRENT_TIMESTAMP is a TIMESTAMP(0) wall clock).
     */
    public static final SqlFunction CURRENT_TIMESTAMP = new RuntimeValue("CURRENT_TIMESTAMP",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC, SqlSyntax.FUNCTION_ID);
    public static final SqlFunction CURRENT_ROW_TIMESTAMP = new RuntimeValue("CURRENT_ROW_TIMESTAMP",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3), OperandTypes.NILADIC);
    /** LOCALTIMESTAMP: the session zone's wall clock, TIMESTAMP(3) NOT NULL, as in Flink. */
    public static final SqlFunction LOCALTIMESTAMP = new RuntimeValue("LOCALTIMESTAMP",
            ReturnTypes.explicit(SqlTypeName.TIMESTAMP, 3), OperandTypes.NILADIC, SqlSyntax.FUNCTION_ID);
    /** LOCALTIME and its synonym CURRENT_TIME: the session zone's time of day, TIME(0) NOT NULL, as in Flink. */
    public static final SqlFunction LOCALTIME = new RuntimeValue("LOCALTIME", ReturnTypes.explicit(SqlTypeName.TIME, 0),
            OperandTypes.NILADIC, SqlSyntax.FUNCTION_ID);
    public static final SqlFunction CURRENT_TIME = new RuntimeValue("CURRENT_TIME", ReturnTypes.explicit(SqlTypeName.TIME, 0),
            OperandTypes.NILADIC, SqlSyntax.FUNCTION_ID);
    /** UUID(): a random (type 4) UUID as a 36-character string, CHAR(36) NOT NULL, new for every row. */
    public static final SqlFunction UUID = new RuntimeValue("UUID", ReturnTypes.explicit(SqlTypeName.CHAR, 36),
            OperandTypes.NILADIC);
    /** JSON_STRING(value): the value as a JSON text ('1', '"a"', 'true'); NULL for NULL. */
    public static final SqlFunction JSON_STRING = string("JSON_STRING", NULLABLE_STRING, OperandTypes.ANY);
    /** BIN(n): n in binary; HEX(n or s): n, or s's UTF-8 bytes, in upper-case hexadecimal. */
    public static final SqlFunction BIN = string("BIN", NULLABLE_STRING, OperandTypes.INTEGER);
    public static final SqlFunction HEX = string("HEX", NULLABLE_STRING, OperandTypes.or(OperandTypes.NUMERIC,
            OperandTypes.STRING));
    /** URL_ENCODE(s), URL_DECODE(s): application/x-www-form-urlencoded UTF-8; NULL for text that does not decode. */
    public static final SqlFunction URL_ENCODE = string("URL_ENCODE", FORCED_NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction URL_DECODE = string("URL_DECODE", FORCED_NULLABLE_STRING, OperandTypes.STRING);
    /** SHA224(s), SHA384(s), SHA512(s), SHA2(s, bits): SHA-2 digests of s's UTF-8 bytes as lower-case hex. */
    public static final SqlFunction SHA224 = string("SHA224", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction SHA384 = string("SHA384", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction SHA512 = string("SHA512", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction SHA2 = string("SHA2", NULLABLE_STRING,
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER));
    /** SUBSTR(s, start [, length]): SUBSTRING's synonym. */
    public static final SqlFunction SUBSTR = string("SUBSTR", NULLABLE_STRING, OperandTypes.or(
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER),
            OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)));
    /** ELT(n, e1, e2, ...): the n-th expression; NULL when n is out of range. */
    public static final SqlFunction ELT = string("ELT", FlinkFunctions::eltType,
            OperandTypes.repeat(org.apache.calcite.sql.type.SqlOperandCountRanges.from(2), OperandTypes.ANY));
    /** PRINTF(format, args...): the arguments formatted as Java's String.format does. */
    public static final SqlFunction PRINTF = string("PRINTF", FORCED_NULLABLE_STRING,
            OperandTypes.repeat(org.apache.calcite.sql.type.SqlOperandCountRanges.from(1), OperandTypes.ANY));
    /** REGEXP_COUNT(s, regex), REGEXP_INSTR(s, regex), REGEXP_SUBSTR(s, regex): count, 1-based place, text of matches. */
    public static final SqlFunction REGEXP_COUNT = string("REGEXP_COUNT",
            ReturnTypes.INTEGER.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.STRING_STRING);
    public static final SqlFunction REGEXP_INSTR = string("REGEXP_INSTR",
            ReturnTypes.INTEGER.andThen(SqlTypeTransforms.FORCE_NULLABLE), OperandTypes.STRING_STRING);
    public static final SqlFunction REGEXP_SUBSTR = string("REGEXP_SUBSTR", FORCED_NULLABLE_STRING, OperandTypes.STRING_STRING);
    /** REGEXP_EXTRACT_ALL(s, regex [, group]): the group (1 by default) of every match, ARRAY<STRING>. */
    public static final SqlFunction REGEXP_EXTRACT_ALL = string("REGEXP_EXTRACT_ALL", FlinkFunctions::stringArray,
            OperandTypes.or(OperandTypes.STRING_STRING, OperandTypes.family(SqlTypeFamily.STRING, SqlTypeFamily.STRING,
                    SqlTypeFamily.INTEGER)));
    /** SPLIT(s, delimiter): s cut at each delimiter, ARRAY<STRING>. */
    public static final SqlFunction SPLIT = string("SPLIT", FlinkFunctions::stringArray, OperandTypes.STRING_STRING);
    /** PARSE_URL(url, part [, key]): a part of the URL, or a query parameter's value. */
    public static final SqlFunction PARSE_URL = string("PARSE_URL", FORCED_NULLABLE_STRING, OperandTypes.or(
            OperandTypes.STRING_STRING, OperandTypes.STRING_STRING_STRING));
    /** STARTSWITH(s, prefix), ENDSWITH(s, suffix). */
    public static final SqlFunction STARTSWITH = string("STARTSWITH", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.STRING_STRING);
    public static final SqlFunction ENDSWITH = string("ENDSWITH", ReturnTypes.BOOLEAN_NULLABLE, OperandTypes.STRING_STRING);
    /** BTRIM(s [, characters]): s without the given characters (spaces by default) at both ends. */
    public static final SqlFunction BTRIM = string("BTRIM", NULLABLE_STRING, OperandTypes.or(OperandTypes.STRING,
            OperandTypes.STRING_STRING));
    /**
     * JSON_VALUE, JSON_QUERY, JSON_OBJECT and JSON_ARRAY, typed STRING where Calcite types them VARCHAR(2000), as Flink
     * does (DESCRIBE shows STRING); JSON_VALUE ... RETURNING keeps its type.
     */
    public static final SqlFunction JSON_VALUE = new org.apache.calcite.sql.fun.SqlJsonValueFunction("JSON_VALUE") {
        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            return unbounded(binding, super.inferReturnType(binding));
        }
    };
    public static final SqlFunction JSON_QUERY = new org.apache.calcite.sql.fun.SqlJsonQueryFunction() {
        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            return unbounded(binding, super.inferReturnType(binding));
        }
    };
    public static final SqlFunction JSON_OBJECT = new org.apache.calcite.sql.fun.SqlJsonObjectFunction() {
        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            return unbounded(binding, super.inferReturnType(binding));
        }
    };
    public static final SqlFunction JSON_ARRAY = new org.apache.calcite.sql.fun.SqlJsonArrayFunction() {
        @Override
        public RelDataType inferReturnType(SqlOperatorBinding binding) {
            return unbounded(binding, super.inferReturnType(binding));
        }
    };
    /**
     * JSON(s): the JSON text s, inserted by JSON_OBJECT (as a VALUE) and JSON_ARRAY as JSON rather than as a string, as
     * in Flink 2.x; refused anywhere else while planning ({@link JsonTextPlacement}).
     */
    public static final SqlFunction JSON = string("JSON", NULLABLE_STRING, new StrictOperand(SqlTypeFamily.CHARACTER));
    /** JSON_QUOTE(s), JSON_UNQUOTE(s): s as a JSON string literal, and such a literal read back. */
    public static final SqlFunction JSON_QUOTE = string("JSON_QUOTE", NULLABLE_STRING, OperandTypes.STRING);
    public static final SqlFunction JSON_UNQUOTE = string("JSON_UNQUOTE", NULLABLE_STRING, OperandTypes.STRING);
    /**
     * TYPEOF(x [, force]): x's planned type as Flink prints it, its summary string ({@code INT NOT NULL}, {@code STRING}),
     * or its serializable string ({@code VARCHAR(2147483647)}) when force is TRUE; known while planning.
     */
    public static final SqlFunction TYPEOF = new SqlFunction("TYPEOF", SqlKind.OTHER_FUNCTION, NULLABLE_STRING.andThen(
            SqlTypeTransforms.FORCE_NULLABLE), null, OperandTypes.or(OperandTypes.ANY, OperandTypes.sequence("",
                    OperandTypes.ANY, OperandTypes.and(OperandTypes.BOOLEAN, OperandTypes.LITERAL))), SqlFunctionCategory.SYSTEM) {
        // Flink's signatures, in the message refusing a call that matches neither (a force that is no BOOLEAN literal).
        @Override
        public String getAllowedSignatures(String opNameToUse) {
            return "TYPEOF(input <ANY>)\nTYPEOF(input <ANY>, force_serializable [<BOOLEAN> & <LITERAL NOT NULL>])";
        }
    };
    /** INET_ATON(s): the IPv4 address s (also in inet_aton's short forms) as a BIGINT; NULL for text that is none. */
    public static final SqlFunction INET_ATON = string("INET_ATON", ReturnTypes.BIGINT.andThen(SqlTypeTransforms.FORCE_NULLABLE),
            new StrictOperand(SqlTypeFamily.CHARACTER));
    /** INET_NTOA(n): the number n as an IPv4 address 'a.b.c.d'; NULL outside 0 to 2^32 - 1. */
    public static final SqlFunction INET_NTOA = string("INET_NTOA", FORCED_NULLABLE_STRING, new StrictOperand(SqlTypeFamily.INTEGER));
    /** E(): Euler's number. */
    public static final SqlFunction E = numeric("E", ReturnTypes.DOUBLE, OperandTypes.NILADIC);

    static final List<SqlFunction> ALL = List.of(TO_TIMESTAMP_LTZ, TO_TIMESTAMP, UNIX_TIMESTAMP, FROM_UNIXTIME, DATE_FORMAT, CONCAT,
            PROCTIME, CURRENT_WATERMARK, REGEXP_EXTRACT, SPLIT_INDEX, CONCAT_WS, LPAD, RPAD, LTRIM, RTRIM, REVERSE, REPEAT, LEFT,
            RIGHT, LOCATE, INSTR, REGEXP, REGEXP_REPLACE, CHR, TO_BASE64, FROM_BASE64, MD5, SHA1, SHA256, ROUND, TRUNCATE,
            LOG, LOG2, E, TO_DATE, CONVERT_TZ, NOW,
            CURRENT_TIMESTAMP, CURRENT_ROW_TIMESTAMP, LOCALTIMESTAMP, LOCALTIME, CURRENT_TIME, UUID, JSON_STRING,
            BIN, HEX, URL_ENCODE, URL_DECODE, SHA224, SHA384, SHA512, SHA2, SUBSTR, ELT, PRINTF, REGEXP_COUNT,
            REGEXP_INSTR, REGEXP_SUBSTR, REGEXP_EXTRACT_ALL, SPLIT, PARSE_URL, STARTSWITH, ENDSWITH, BTRIM,
            // TRANSLATE(s, from, to), which Calcite's parser reads as its TRANSLATE3.
            SqlLibraryOperators.TRANSLATE3, JSON_VALUE, JSON_QUERY, JSON_OBJECT, JSON_ARRAY, SqlLibraryOperators.IF, SqlLibraryOperators.IFNULL, SqlLibraryOperators.GREATEST,
            SqlLibraryOperators.LEAST, SqlLibraryOperators.SINH, SqlLibraryOperators.COSH, SqlLibraryOperators.TANH,
            // TRY_CAST(x AS type): CAST, NULL where CAST fails; ARRAY_AGG([DISTINCT] x): the values as an ARRAY.
            SqlLibraryOperators.TRY_CAST, SqlLibraryOperators.ARRAY_AGG, JSON, JSON_QUOTE, JSON_UNQUOTE, TYPEOF, INET_ATON, INET_NTOA);

    /** Names of Calcite's standard functions that Flink defines differently (result type, argument order). */
    static final java.util.Set<String> REDEFINED = java.util.Set.of("ROUND", "TRUNCATE", "LOG", "CURRENT_TIMESTAMP",
            "LOCALTIMESTAMP", "LOCALTIME", "CURRENT_TIME", "UUID", "JSON_VALUE", "JSON_QUERY", "JSON_OBJECT", "JSON_ARRAY");

    private static SqlFunction string(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.STRING);
    }

    private static SqlFunction numeric(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
        return new SqlFunction(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.NUMERIC);
    }

    /**
     * Flink's type of ROUND(x, d) and TRUNCATE(x, d): x's type, except for a DECIMAL(p, s) rounded to fewer than s
     * digits: DECIMAL(1 + p - s + d, d) for d >= 0 (one more digit for a carry), DECIMAL(1 + p - s, 0) for d < 0.
     */
    private static RelDataType roundType(SqlOperatorBinding binding) {
        RelDataType x = binding.getOperandType(0);
        boolean nullable = x.isNullable() || (binding.getOperandCount() > 1 && binding.getOperandType(1).isNullable());
        RelDataTypeFactory factory = binding.getTypeFactory();
        if (x.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return factory.createTypeWithNullability(x, nullable);
        }
        int digits = 0;
        if (binding.getOperandCount() > 1) {
            Integer literal = binding.isOperandLiteral(1, false) ? binding.getOperandLiteralValue(1, Integer.class) : null;
            digits = literal == null ? x.getScale() : literal;
        }
        int p = x.getPrecision();
        int s = x.getScale();
        RelDataType result = digits >= s ? x : digits < 0 ? factory.createSqlType(SqlTypeName.DECIMAL, Math.min(38, 1 + p - s), 0)
                : factory.createSqlType(SqlTypeName.DECIMAL, Math.min(38, 1 + p - s + digits), digits);
        return factory.createTypeWithNullability(result, nullable);
    }

    // A VARCHAR(2000), Calcite's type of the JSON functions' text, as Flink's STRING.
    private static RelDataType unbounded(SqlOperatorBinding binding, RelDataType type) {
        if (type.getSqlTypeName() != SqlTypeName.VARCHAR || type.getPrecision() != 2000) {
            return type;
        }
        RelDataTypeFactory factory = binding.getTypeFactory();
        return factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), type.isNullable());
    }

    // ELT's values' common type, nullable (an index out of range gives NULL).
    private static RelDataType eltType(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType common = factory.leastRestrictive(binding.collectOperandTypes().subList(1, binding.getOperandCount()));
        return common == null ? null : factory.createTypeWithNullability(common, true);
    }

    private static RelDataType stringArray(SqlOperatorBinding binding) {
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType string = factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
        return factory.createTypeWithNullability(factory.createArrayType(string, -1), true);
    }

    private FlinkFunctions() {
    }

    /**
     * A function whose value is known only when a row is evaluated (the time, a random UUID): never folded to a
     * constant at planning time. Those of syntax FUNCTION_ID are written without parentheses (CURRENT_TIMESTAMP).
     */
    private static final class RuntimeValue extends SqlFunction {
        private final SqlSyntax syntax;

        RuntimeValue(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands) {
            this(name, returnType, operands, SqlSyntax.FUNCTION);
        }

        RuntimeValue(String name, SqlReturnTypeInference returnType, SqlOperandTypeChecker operands, SqlSyntax syntax) {
            super(name, SqlKind.OTHER_FUNCTION, returnType, null, operands, SqlFunctionCategory.TIMEDATE);
            this.syntax = syntax;
        }

        @Override
        public SqlSyntax getSyntax() {
            return syntax;
        }

        @Override
        public boolean isDynamicFunction() {
            return true;
        }

        @Override
        public boolean isDeterministic() {
            return false;
        }
    }
}
