package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's built-in scalar functions (conditional, arithmetic and string families) over a table of
 * texts and numbers with NULLs, an empty string, negative numbers and multi-byte characters.
 */
final class FunctionCases {
    private FunctionCases() {
    }

    /** The table the queries read, written under {@code dir}. */
    static List<String> tables(Path dir) throws Exception {
        Path texts = Files.write(dir.resolve("fn_texts.csv"), List.of(
                "1,Hello World,3,12.345,2.5", "2,,0,-7.125,-1.5", "3,NULL,NULL,NULL,NULL", "4,héllo wörld,-2,0.005,100.0",
                "5,日本語テキスト,5,-0.555,0.0", "6,a-b-c,10,999.999,-0.25"));
        return List.of("CREATE TABLE fn_texts (id INT, s STRING, n INT, d DECIMAL(10, 3), x DOUBLE) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + texts + "', 'format' = 'csv', 'csv.null-literal' = 'NULL')",
                // The types of the current-time functions, as DESCRIBE shows them.
                "CREATE VIEW fn_now AS SELECT CURRENT_TIMESTAMP AS ts, NOW() AS now_ts, LOCALTIMESTAMP AS local_ts, "
                + "CURRENT_TIME AS t, LOCALTIME AS local_t, CURRENT_DATE AS d, CURRENT_ROW_TIMESTAMP() AS row_ts, UUID() AS u "
                + "FROM fn_texts");
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        // Conditional.
        q.add(new SqlCases.Query("fnIfAndIfNull", "SELECT id, IF(n > 2, s, 'x'), IF(n IS NULL, -1, n), IFNULL(n, -1), "
                + "IFNULL(s, 'none') FROM fn_texts"));
        q.add(new SqlCases.Query("fnGreatestLeastNullIf", "SELECT id, GREATEST(n, 2, id), LEAST(n, 2, id), GREATEST(x, n), "
                + "LEAST(d, n), NULLIF(n, 0) FROM fn_texts WHERE n IS NOT NULL"));
        q.add(new SqlCases.Query("fnIsDistinctFrom", "SELECT id, n IS DISTINCT FROM 3, n IS NOT DISTINCT FROM id, "
                + "s IS DISTINCT FROM CAST(NULL AS STRING) FROM fn_texts"));
        q.add(new SqlCases.Query("fnConcatOperatorAndConcatWs", "SELECT id, s || '!', CONCAT_WS('-', s, CAST(n AS STRING), 'z'), "
                + "CONCAT_WS(CAST(NULL AS STRING), s), CONCAT_WS('', s, s) FROM fn_texts"));
        q.add(new SqlCases.Query("fnInBetweenAndNegations", "SELECT id, n IN (0, 3, 5), n NOT IN (3, 5), n BETWEEN -2 AND 3, "
                + "x NOT BETWEEN -1 AND 1 FROM fn_texts WHERE id IN (1, 2, 3, 4, 5) OR x BETWEEN -1 AND 1"));
        // Arithmetic.
        q.add(new SqlCases.Query("fnRoundAndTruncate", "SELECT id, ROUND(d, 1), ROUND(d), ROUND(d, -1), TRUNCATE(d, 2), ROUND(x), "
                + "ROUND(x, 1), ROUND(n, -1), TRUNCATE(x) FROM fn_texts"));
        q.add(new SqlCases.Query("fnPowersAndLogarithms", "SELECT id, POWER(x, 2), SQRT(ABS(x)), EXP(n), LN(ABS(x) + 1), "
                + "LOG10(ABS(x) + 1), LOG2(ABS(x) + 1), LOG(2, ABS(x) + 1), LOG(ABS(x) + 1) FROM fn_texts"));
        q.add(new SqlCases.Query("fnSignAndTrigonometry", "SELECT id, SIGN(n), SIGN(x), SIGN(d), SIN(x), COS(x), TAN(x), "
                + "DEGREES(x), RADIANS(x) FROM fn_texts"));
        q.add(new SqlCases.Query("fnInverseAndHyperbolicTrigonometry", "SELECT id, COT(x), ASIN(x / 1000), ACOS(x / 1000), "
                + "ATAN(x), ATAN2(x, n), SINH(x / 100), COSH(x / 100), TANH(x) FROM fn_texts"));
        q.add(new SqlCases.Query("fnPiAndE", "SELECT id, PI() * n, E() + n FROM fn_texts"));
        q.add(new SqlCases.Query("fnRandStaysInRange", "SELECT id FROM fn_texts WHERE RAND() >= 0 AND RAND() < 1 "
                + "AND RAND(42) < 1 AND RAND_INTEGER(10) BETWEEN 0 AND 9 AND RAND_INTEGER(7, 3) < 3"));
        // TRY_CAST: CAST's value, NULL where CAST fails (texts that are no number, boolean, date or timestamp).
        q.add(new SqlCases.Query("fnTryCastGivesNullWhereCastFails", "SELECT id, TRY_CAST(s AS INT), "
                + "TRY_CAST(CAST(d AS STRING) AS DECIMAL(5,1)), TRY_CAST(s AS DOUBLE), TRY_CAST(s AS BOOLEAN), TRY_CAST(s AS DATE), "
                + "TRY_CAST(s AS TIMESTAMP(3)), TRY_CAST(n AS STRING), TRY_CAST(CAST(n AS STRING) AS INT), TRY_CAST(x AS INT), "
                + "TRY_CAST(d AS TINYINT) FROM fn_texts"));
        // JSON_QUOTE escapes '"', '\\', '/', control and non-ASCII characters; JSON_UNQUOTE leaves a non-literal as it is.
        q.add(new SqlCases.Query("fnJsonQuoteAndUnquote", "SELECT id, JSON_QUOTE(s), JSON_UNQUOTE(JSON_QUOTE(s)), JSON_UNQUOTE(s) "
                + "FROM fn_texts"));
        q.add(new SqlCases.Query("fnJsonQuoteAndUnquoteEscapes", "SELECT JSON_QUOTE('a\"b\\c/d'), JSON_QUOTE(''), "
                + "JSON_UNQUOTE('\"a\\\"b\"'), JSON_UNQUOTE('\"\\u00e9\"'), JSON_UNQUOTE('[1,2]'), JSON_UNQUOTE('\"abc'), "
                + "JSON_UNQUOTE('\"a\\nb\"'), JSON_QUOTE('tab\tx'), JSON_UNQUOTE('\"\\t\"')"));
        // TYPEOF: the planned type as Flink prints it, summary (STRING) or forced serializable (VARCHAR(2147483647)).
        q.add(new SqlCases.Query("fnTypeOfColumnsLiteralsAndExpressions", "SELECT id, TYPEOF(id), TYPEOF(s), TYPEOF(s, TRUE), "
                + "TYPEOF(s, FALSE), TYPEOF(d), TYPEOF(x), TYPEOF(1), TYPEOF('ab'), TYPEOF(1.5), TYPEOF(NULL), TYPEOF(TYPEOF(1)), "
                + "TYPEOF(n + 1), TYPEOF(d * d), TYPEOF(CAST(NULL AS INT)) FROM fn_texts"));
        q.add(new SqlCases.Query("fnTypeOfNestedTimeAndBinaryTypes", "SELECT id, TYPEOF(MAP['a', n]), TYPEOF(ARRAY[1, 2]), "
                + "TYPEOF(ROW(1, s)), TYPEOF(INTERVAL '1' HOUR), TYPEOF(INTERVAL '1' YEAR), TYPEOF(CAST(s AS BYTES)), "
                + "TYPEOF(CAST(s AS BYTES), TRUE), TYPEOF(CURRENT_DATE), TYPEOF(TO_TIMESTAMP_LTZ(n, 3)), "
                + "TYPEOF(TO_TIMESTAMP_LTZ(n, 3), TRUE), TYPEOF(CAST(n AS TINYINT)), TYPEOF(CAST(x AS FLOAT)), TYPEOF(n > 1), "
                + "TYPEOF(CAST(s AS CHAR(3))) FROM fn_texts"));
        q.add(new SqlCases.Query("fnTypeOfRowtimeAndWindowColumns", "SELECT item, TYPEOF(bidtime), TYPEOF(window_start), "
                + "TYPEOF(window_time), TYPEOF(price) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES))"));
        // Strings.
        q.add(new SqlCases.Query("fnReplaceAndPad", "SELECT id, REPLACE(s, 'l', 'L'), REPLACE(s, 'o', ''), LPAD(s, 8, '*-'), "
                + "RPAD(s, 3, '.'), LPAD(s, -1, 'x'), RPAD(s, n, '#') FROM fn_texts"));
        q.add(new SqlCases.Query("fnTrimFamily", "SELECT id, LTRIM(CONCAT('  ', s, '  ')), RTRIM(CONCAT('  ', s, '  ')), "
                + "TRIM(BOTH 'l' FROM s), TRIM(LEADING 'H' FROM s), TRIM(TRAILING 'd' FROM s) FROM fn_texts"));
        q.add(new SqlCases.Query("fnInitCapReverseRepeatLeftRight", "SELECT id, INITCAP(s), REVERSE(s), REPEAT(s, 2), REPEAT(s, n), "
                + "LEFT(s, 3), RIGHT(s, 3), LEFT(s, n), RIGHT(s, -1) FROM fn_texts"));
        q.add(new SqlCases.Query("fnLocateAndInstr", "SELECT id, LOCATE('o', s), LOCATE('o', s, 6), INSTR(s, 'l'), "
                + "POSITION('l' IN s), LOCATE('ö', s) FROM fn_texts"));
        q.add(new SqlCases.Query("fnRegexpMatchAndReplace", "SELECT id, REGEXP(s, 'o.l'), REGEXP(s, '^[a-z-]+$'), "
                + "REGEXP_REPLACE(s, '[aeiou]', '_'), REGEXP_REPLACE(s, '(l+)', '<$1>') FROM fn_texts"));
        q.add(new SqlCases.Query("fnAsciiChrAndBase64", "SELECT id, ASCII(s), CHR(n + 60), TO_BASE64(s), FROM_BASE64(TO_BASE64(s)) "
                + "FROM fn_texts"));
        q.add(new SqlCases.Query("fnHashes", "SELECT id, MD5(s), SHA1(s), SHA256(s) FROM fn_texts"));
        q.add(new SqlCases.Query("fnOverlay", "SELECT id, OVERLAY(s PLACING 'XY' FROM 2), OVERLAY(s PLACING '' FROM 1 FOR 2), "
                + "OVERLAY(s PLACING '#' FROM 3 FOR 1) FROM fn_texts WHERE s <> ''"));
        q.add(new SqlCases.Query("fnOverlayOutsideTheString", "SELECT id, OVERLAY(s PLACING 'XY' FROM n FOR 2), "
                + "OVERLAY(s PLACING 'XY' FROM n), OVERLAY(s PLACING '' FROM 2 FOR n), OVERLAY(s PLACING '#' FROM 1 FOR 0) FROM fn_texts"));
        q.add(new SqlCases.Query("fnUuidShape", "SELECT id, CHAR_LENGTH(UUID()), "
                + "REGEXP(UUID(), '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'), "
                + "uuid() IS NOT NULL FROM fn_texts"));
        q.add(new SqlCases.Query("fnBinHexAndUrlCodes", "SELECT id, BIN(n), BIN(CAST(n AS BIGINT) * 1000000000), HEX(n), HEX(s), "
                + "URL_ENCODE(s), URL_DECODE(URL_ENCODE(s)), URL_DECODE('%zz'), URL_DECODE('a+b%26c') FROM fn_texts"));
        q.add(new SqlCases.Query("fnSha2Family", "SELECT id, SHA224(s), SHA384(s), SHA512(s), SHA2(s, 224), SHA2(s, 256), SHA2(s, 384), "
                + "SHA2(s, 512) FROM fn_texts"));
        q.add(new SqlCases.Query("fnSubstrTranslateElt", "SELECT id, SUBSTR(s, n), SUBSTR(s, 2, n), SUBSTR(s, -3), SUBSTRING(s FROM 2 FOR n), TRANSLATE(s, 'lo', 'L'), "
                + "TRANSLATE(s, '語-', '!_'), ELT(n, 'a', 'b', 'c'), ELT(2, s, 'x') FROM fn_texts"));
        q.add(new SqlCases.Query("fnPrintf", "SELECT id, PRINTF('%s|%d|%s', s, n, x), PRINTF('no args'), PRINTF(s) FROM fn_texts"));
        q.add(new SqlCases.Query("fnRegexpCountInstrSubstr", "SELECT id, REGEXP_COUNT(s, 'l'), REGEXP_INSTR(s, 'o.'), "
                + "REGEXP_SUBSTR(s, '[a-z]+'), REGEXP_COUNT(s, '('), REGEXP_INSTR(s, 'zz'), REGEXP_SUBSTR(s, '語.') FROM fn_texts"));
        q.add(new SqlCases.Query("fnStartsEndsWithAndBtrim", "SELECT id, STARTSWITH(s, 'H'), ENDSWITH(s, 'd'), STARTSWITH(s, ''), "
                + "BTRIM(CONCAT('  ', s, ' ')), BTRIM(s, 'Hdl'), BTRIM(s, '') FROM fn_texts"));
        q.add(new SqlCases.Query("fnParseUrl", "SELECT id, PARSE_URL(CONCAT('http://u:p@h', CAST(id AS STRING), '.com:80/p/f.php?k=', "
                + "CAST(n AS STRING), '&z=2#r'), 'QUERY', 'k'), PARSE_URL(CONCAT('http://h', CAST(id AS STRING), '.com/p?q=1#frag'), 'HOST'), "
                + "PARSE_URL('http://u:p@h.com:80/p/f.php?k=1#r', 'USERINFO'), PARSE_URL('http://h.com/p/f.php?k=1#r', 'REF'), "
                + "PARSE_URL('http://h.com/p/f.php?k=1#r', 'PATH'), PARSE_URL('http://h.com/p/f.php?k=1#r', 'FILE'), "
                + "PARSE_URL('https://h.com:8080/p', 'PROTOCOL'), PARSE_URL('https://h.com:8080/p', 'AUTHORITY'), "
                + "PARSE_URL('mailto:x@y.com', 'HOST'), PARSE_URL('http://h.com', 'PATH'), PARSE_URL('http://h.com', 'QUERY'), "
                + "PARSE_URL('http://h.com/p?k=1', 'QUERY', 'zz'), PARSE_URL('no url', 'HOST'), PARSE_URL('http://h.com', 'BAD') "
                + "FROM fn_texts"));
        q.add(new SqlCases.Query("fnSplitAndRegexpExtractAll", "SELECT id, SPLIT(s, '-'), SPLIT(s, 'l'), SPLIT(s, ''), "
                + "REGEXP_EXTRACT_ALL(s, '(l+)'), REGEXP_EXTRACT_ALL(s, '([a-z])([a-z])', 2), REGEXP_EXTRACT_ALL(s, 'l') FROM fn_texts"));
        q.add(new SqlCases.Query("fnNestedInWhere", "SELECT id, UPPER(LEFT(s, 1)), LPAD(CAST(ROUND(x) AS STRING), 6, '0') "
                + "FROM fn_texts WHERE CHAR_LENGTH(REPLACE(s, ' ', '')) > 4 AND ROUND(x) <> 0"));
        // Time.
        q.add(new SqlCases.Query("fnDatePartFunctions", "SELECT item, YEAR(bidtime), QUARTER(bidtime), MONTH(bidtime), WEEK(bidtime), "
                + "DAYOFYEAR(bidtime), DAYOFMONTH(bidtime), DAYOFWEEK(bidtime), HOUR(bidtime), MINUTE(bidtime), SECOND(bidtime) FROM bids"));
        q.add(new SqlCases.Query("fnTimestampAddAndDiff", "SELECT item, TIMESTAMPADD(MINUTE, 5, bidtime), TIMESTAMPADD(DAY, -1, bidtime), "
                + "TIMESTAMPDIFF(SECOND, TIMESTAMP '2020-04-15 08:00:00', bidtime), "
                + "TIMESTAMPDIFF(MINUTE, bidtime, TIMESTAMP '2020-04-15 09:00:00') FROM bids"));
        q.add(new SqlCases.Query("fnTimestampAddMonths", "SELECT item, TIMESTAMPADD(MONTH, 2, bidtime), "
                + "TIMESTAMPDIFF(MONTH, TIMESTAMP '2019-12-31 00:00:00', bidtime), bidtime - INTERVAL '1' YEAR, "
                + "TIMESTAMPDIFF(YEAR, bidtime, TIMESTAMP '2018-04-15 08:10:00') FROM bids"));
        q.add(new SqlCases.Query("fnDatePartsOfADate", "SELECT item, YEAR(d), MONTH(d), DAYOFWEEK(d), d + INTERVAL '1' MONTH, "
                + "d - INTERVAL '3' DAY FROM (SELECT item, CAST(bidtime AS DATE) AS d FROM bids)"));
        q.add(new SqlCases.Query("fnIntervalArithmetic", "SELECT item, bidtime + INTERVAL '1' HOUR, bidtime - INTERVAL '30' SECOND, "
                + "CAST(bidtime AS DATE) + INTERVAL '2' DAY FROM bids"));
        q.add(new SqlCases.Query("fnLtzIntervalArithmetic", "SELECT user_name, ts + INTERVAL '90' MINUTE, HOUR(ts) FROM clicks"));
        q.add(new SqlCases.Query("fnDateAndTimestampLiterals", "SELECT item FROM bids WHERE bidtime > TIMESTAMP '2020-04-15 08:10:00' "
                + "AND CAST(bidtime AS DATE) = DATE '2020-04-15'"));
        q.add(new SqlCases.Query("fnToDateAndConvertTz", "SELECT id, TO_DATE(CONCAT('2021-0', CAST(id AS STRING), '-01')), "
                + "TO_DATE(CONCAT('1', CAST(id AS STRING), '/04/2020'), 'dd/MM/yyyy'), "
                + "CONVERT_TZ(CONCAT('2020-04-15 0', CAST(id AS STRING), ':00:00'), 'UTC', 'Asia/Shanghai') FROM fn_texts WHERE id < 6"));
        q.add(new SqlCases.Query("fnCurrentTimeIsNow", "SELECT id FROM fn_texts WHERE YEAR(CURRENT_DATE) >= 2024 "
                + "AND YEAR(LOCALTIMESTAMP) >= 2024 AND DATE_FORMAT(CURRENT_TIMESTAMP, 'yyyy') >= '2024' "
                + "AND DATE_FORMAT(NOW(), 'yyyy') >= '2024' AND HOUR(CURRENT_TIME) BETWEEN 0 AND 23"));
        q.add(new SqlCases.Query("fnCurrentTimeTypes", "DESCRIBE fn_now"));
        q.add(new SqlCases.Query("fnCurrentRowTimestampIsAnInstant", "SELECT id FROM fn_texts WHERE "
                + "CURRENT_ROW_TIMESTAMP() > TO_TIMESTAMP_LTZ(1700000000000, 3) AND CURRENT_TIMESTAMP > TO_TIMESTAMP_LTZ(1700000000, 0) "
                + "AND now() >= TO_TIMESTAMP_LTZ(0, 3)"));
        return q;
    }
}
