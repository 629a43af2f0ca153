package dev.weir.table.api.internal;

import dev.weir.sql.tableapi.Node;
import dev.weir.sql.tableapi.SqlRendering;
import dev.weir.table.api.Table;
import dev.weir.table.api.ValidationException;
import dev.weir.table.expressions.Expression;
import dev.weir.table.expressions.TimeIntervalUnit;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * The methods a Table API expression chains, as in Flink ({@code $("a").plus(1).as("b")}, {@code $("b").sum()},
 * {@code lit(10).minutes()}); each returns a new expression. Weir renders them as Flink SQL (see SqlRendering).
 *
 * @param <InType> the type of the operands ({@code Object}: an expression or a literal value)
 * @param <OutType> the type of the expressions built
 */
public abstract class BaseExpressions<InType, OutType> {
    /** The expression these methods extend. */
    protected abstract Expression toExpr();

    /** {@code expression} as this API's expression type. */
    protected abstract OutType toApiSpecificExpression(Expression expression);

    private Node self() {
        return SqlRendering.node(toExpr());
    }

    private OutType wrap(Node node) {
        return toApiSpecificExpression(node);
    }

    private OutType call(String flinkName, String template, Object... others) {
        List<Node> args = new ArrayList<>();
        args.add(self());
        for (Object o : others) {
            args.add(SqlRendering.operand(o));
        }
        return wrap(Node.call(flinkName, template, args));
    }

    private List<Node> operands(Object[] elements) {
        List<Node> args = new ArrayList<>();
        args.add(self());
        for (Object o : elements) {
            args.add(SqlRendering.operand(o));
        }
        return args;
    }

    private static String unit(TimeIntervalUnit unit) {
        return unit.name().replace("_TO_", " TO ");
    }

    /** The value of a numeric literal; -1 for any other expression. */
    private long integerValue(String what) {
        Node node = self();
        if (node.kind() == Node.Kind.LITERAL) {
            try {
                return Long.parseLong(node.name());
            } catch (NumberFormatException e) {
                // not an integer literal
            }
        }
        throw new ValidationException(what + "() takes an integer literal, as in lit(10)." + what + "(); not "
                + node.asSummaryString());
    }

    /**
     * An interval of this many units ({@code factor} milliseconds or months each): a literal when this is an integer
     * literal, else this times a one-unit interval.
     */
    private OutType interval(long factor, boolean months) {
        Node node = self();
        if (node.kind() == Node.Kind.LITERAL && node.name().matches("-?\\d+")) {
            return wrap(SqlRendering.interval(Long.parseLong(node.name()) * factor, months));
        }
        Node unit = SqlRendering.interval(factor, months);
        return wrap(Node.call("times", "($0 * $1)", node, unit));
    }

    /** This expression named {@code name} (several names for the columns of a table function). */
    public OutType as(String name, String... extraNames) {
        List<String> names = new ArrayList<>();
        names.add(name);
        names.addAll(List.of(extraNames));
        return wrap(Node.alias(self(), names));
    }

    /** Compares as SQL's {@code AND}. */
    public OutType and(InType other) {
        return call("and", "($0 AND $1)", other);
    }

    /** Compares as SQL's {@code OR}. */
    public OutType or(InType other) {
        return call("or", "($0 OR $1)", other);
    }

    /** SQL's {@code NOT}. */
    public OutType not() {
        return call("not", "(NOT $0)");
    }

    /** {@code this > other}. */
    public OutType isGreater(InType other) {
        return call("greaterThan", "($0 > $1)", other);
    }

    /** {@code this >= other}. */
    public OutType isGreaterOrEqual(InType other) {
        return call("greaterThanOrEqual", "($0 >= $1)", other);
    }

    /** {@code this < other}. */
    public OutType isLess(InType other) {
        return call("lessThan", "($0 < $1)", other);
    }

    /** {@code this <= other}. */
    public OutType isLessOrEqual(InType other) {
        return call("lessThanOrEqual", "($0 <= $1)", other);
    }

    /** {@code this = other}. */
    public OutType isEqual(InType other) {
        return call("equals", "($0 = $1)", other);
    }

    /** {@code this <> other}. */
    public OutType isNotEqual(InType other) {
        return call("notEquals", "($0 <> $1)", other);
    }

    /** {@code this + other}; on strings it concatenates, as in Flink. */
    public OutType plus(InType other) {
        return call("plus", "($0 + $1)", other);
    }

    /** {@code this - other}. */
    public OutType minus(InType other) {
        return call("minus", "($0 - $1)", other);
    }

    /** {@code this / other}. */
    public OutType dividedBy(InType other) {
        return call("divide", "($0 / $1)", other);
    }

    /** {@code this * other}. */
    public OutType times(InType other) {
        return call("times", "($0 * $1)", other);
    }

    /** The remainder of {@code this / other}. */
    public OutType mod(InType other) {
        return call("mod", "MOD($0, $1)", other);
    }

    /** {@code this BETWEEN lowerBound AND upperBound}. */
    public OutType between(InType lowerBound, InType upperBound) {
        return call("between", "($0 BETWEEN $1 AND $2)", lowerBound, upperBound);
    }

    /** {@code this NOT BETWEEN lowerBound AND upperBound}. */
    public OutType notBetween(InType lowerBound, InType upperBound) {
        return call("notBetween", "($0 NOT BETWEEN $1 AND $2)", lowerBound, upperBound);
    }

    /** {@code ifTrue} when this condition holds, else {@code ifFalse}. */
    public OutType then(InType ifTrue, InType ifFalse) {
        return call("ifThenElse", "(CASE WHEN $0 THEN $1 ELSE $2 END)", ifTrue, ifFalse);
    }

    /** This value, or {@code nullReplacement} when it is null. */
    public OutType ifNull(InType nullReplacement) {
        return call("ifNull", "COALESCE($0, $1)", nullReplacement);
    }

    /** Whether this is null. */
    public OutType isNull() {
        return call("isNull", "($0 IS NULL)");
    }

    /** Whether this is not null. */
    public OutType isNotNull() {
        return call("isNotNull", "($0 IS NOT NULL)");
    }

    /** Whether this is TRUE. */
    public OutType isTrue() {
        return call("isTrue", "($0 IS TRUE)");
    }

    /** Whether this is FALSE. */
    public OutType isFalse() {
        return call("isFalse", "($0 IS FALSE)");
    }

    /** Whether this is not TRUE (FALSE or null). */
    public OutType isNotTrue() {
        return call("isNotTrue", "($0 IS NOT TRUE)");
    }

    /** Whether this is not FALSE (TRUE or null). */
    public OutType isNotFalse() {
        return call("isNotFalse", "($0 IS NOT FALSE)");
    }

    /** Applies the aggregate this is called on ({@code $("a").count().distinct()}) to distinct values only. */
    public OutType distinct() {
        return wrap(Node.distinct(self()));
    }

    /** The aggregate {@code SUM} of this expression. */
    public OutType sum() {
        return wrap(Node.aggregate("sum", "SUM", self()));
    }

    /** The aggregate {@code MIN} of this expression. */
    public OutType min() {
        return wrap(Node.aggregate("min", "MIN", self()));
    }

    /** The aggregate {@code MAX} of this expression. */
    public OutType max() {
        return wrap(Node.aggregate("max", "MAX", self()));
    }

    /** The aggregate {@code COUNT} of this expression. */
    public OutType count() {
        return wrap(Node.aggregate("count", "COUNT", self()));
    }

    /** The aggregate {@code AVG} of this expression. */
    public OutType avg() {
        return wrap(Node.aggregate("avg", "AVG", self()));
    }

    /** The aggregate {@code FIRST_VALUE} of this expression. */
    public OutType firstValue() {
        return wrap(Node.aggregate("firstValue", "FIRST_VALUE", self()));
    }

    /** The aggregate {@code LAST_VALUE} of this expression. */
    public OutType lastValue() {
        return wrap(Node.aggregate("lastValue", "LAST_VALUE", self()));
    }

    /** The aggregate {@code STDDEV_POP} of this expression. */
    public OutType stddevPop() {
        return wrap(Node.aggregate("stddevPop", "STDDEV_POP", self()));
    }

    /** The aggregate {@code STDDEV_SAMP} of this expression. */
    public OutType stddevSamp() {
        return wrap(Node.aggregate("stddevSamp", "STDDEV_SAMP", self()));
    }

    /** The aggregate {@code VAR_POP} of this expression. */
    public OutType varPop() {
        return wrap(Node.aggregate("varPop", "VAR_POP", self()));
    }

    /** The aggregate {@code VAR_SAMP} of this expression. */
    public OutType varSamp() {
        return wrap(Node.aggregate("varSamp", "VAR_SAMP", self()));
    }

    /** The aggregate {@code COLLECT} of this expression. */
    public OutType collect() {
        return wrap(Node.aggregate("collect", "COLLECT", self()));
    }

    /** The aggregate {@code ARRAY_AGG} of this expression. */
    public OutType arrayAgg() {
        return wrap(Node.aggregate("arrayAgg", "ARRAY_AGG", self()));
    }

    /** The sum of this expression, 0 when there are no rows. */
    public OutType sum0() {
        return wrap(Node.call("sum0", "COALESCE($0, 0)", Node.aggregate("sum", "SUM", self())));
    }

    /** The values of this expression joined with commas. */
    public OutType listAgg() {
        return wrap(Node.aggregate("listAgg", "LISTAGG", self()));
    }

    /** The values of this expression joined with {@code separator}. */
    public OutType listAgg(String separator) {
        return wrap(Node.aggregate("listAgg", "LISTAGG", self(), SqlRendering.literal(separator)));
    }

    /** This value as {@code toType}; a value that does not convert fails the job, as in Flink. */
    public OutType cast(DataType toType) {
        return wrap(Node.cast("cast", "CAST", self(), toType));
    }

    /** This value as {@code toType}, or null when it does not convert. */
    public OutType tryCast(DataType toType) {
        return wrap(Node.cast("tryCast", "TRY_CAST", self(), toType));
    }

    /** Ascending order, for {@code orderBy}. */
    public OutType asc() {
        return wrap(Node.order(true, self()));
    }

    /** Descending order, for {@code orderBy}. */
    public OutType desc() {
        return wrap(Node.order(false, self()));
    }

    /** Whether this equals one of {@code elements}. */
    public OutType in(InType... elements) {
        return wrap(Node.call("in", "($0 IN ($+))", operands(elements)));
    }

    /** Whether this is among the rows of the one-column {@code table}. */
    public OutType in(Table table) {
        return wrap(Node.call("in", "($0 IN $1)", self(), Node.literal("(SELECT * FROM " + table + ")", table.toString())));
    }

    /** The start of the group window this alias names ({@code $("w").start()}). */
    public OutType start() {
        return wrap(Node.windowProperty("start", self()));
    }

    /** The end of the group window this alias names ({@code $("w").end()}). */
    public OutType end() {
        return wrap(Node.windowProperty("end", self()));
    }

    /** The rowtime of the group window this alias names ({@code $("w").rowtime()}). */
    public OutType rowtime() {
        return wrap(Node.windowProperty("rowtime", self()));
    }

    /** The proctime of the group window this alias names ({@code $("w").proctime()}). */
    public OutType proctime() {
        return wrap(Node.windowProperty("proctime", self()));
    }

    /** This aggregate over the over window aliased {@code alias}. */
    public OutType over(InType alias) {
        return wrap(Node.over(self(), SqlRendering.operand(alias)));
    }

    /** {@code ABS} of this expression. */
    public OutType abs() {
        return call("abs", "ABS($0)");
    }

    /** {@code SQRT} of this expression. */
    public OutType sqrt() {
        return call("sqrt", "SQRT($0)");
    }

    /** {@code EXP} of this expression. */
    public OutType exp() {
        return call("exp", "EXP($0)");
    }

    /** {@code LN} of this expression. */
    public OutType ln() {
        return call("ln", "LN($0)");
    }

    /** {@code LOG10} of this expression. */
    public OutType log10() {
        return call("log10", "LOG10($0)");
    }

    /** {@code LOG2} of this expression. */
    public OutType log2() {
        return call("log2", "LOG2($0)");
    }

    /** {@code SIGN} of this expression. */
    public OutType sign() {
        return call("sign", "SIGN($0)");
    }

    /** {@code SIN} of this expression. */
    public OutType sin() {
        return call("sin", "SIN($0)");
    }

    /** {@code COS} of this expression. */
    public OutType cos() {
        return call("cos", "COS($0)");
    }

    /** {@code TAN} of this expression. */
    public OutType tan() {
        return call("tan", "TAN($0)");
    }

    /** {@code UPPER} of this expression. */
    public OutType upperCase() {
        return call("upperCase", "UPPER($0)");
    }

    /** {@code LOWER} of this expression. */
    public OutType lowerCase() {
        return call("lowerCase", "LOWER($0)");
    }

    /** {@code INITCAP} of this expression. */
    public OutType initCap() {
        return call("initCap", "INITCAP($0)");
    }

    /** {@code CHAR_LENGTH} of this expression. */
    public OutType charLength() {
        return call("charLength", "CHAR_LENGTH($0)");
    }

    /** {@code REVERSE} of this expression. */
    public OutType reverse() {
        return call("reverse", "REVERSE($0)");
    }

    /** {@code MD5} of this expression. */
    public OutType md5() {
        return call("md5", "MD5($0)");
    }

    /** {@code SHA1} of this expression. */
    public OutType sha1() {
        return call("sha1", "SHA1($0)");
    }

    /** {@code SHA256} of this expression. */
    public OutType sha256() {
        return call("sha256", "SHA256($0)");
    }

    /** {@code FROM_BASE64} of this expression. */
    public OutType fromBase64() {
        return call("fromBase64", "FROM_BASE64($0)");
    }

    /** {@code TO_BASE64} of this expression. */
    public OutType toBase64() {
        return call("toBase64", "TO_BASE64($0)");
    }

    /** {@code CARDINALITY} of this expression. */
    public OutType cardinality() {
        return call("cardinality", "CARDINALITY($0)");
    }

    /** {@code ELEMENT} of this expression. */
    public OutType element() {
        return call("element", "ELEMENT($0)");
    }

    /** {@code LTRIM} of this expression. */
    public OutType ltrim() {
        return call("ltrim", "LTRIM($0)");
    }

    /** {@code RTRIM} of this expression. */
    public OutType rtrim() {
        return call("rtrim", "RTRIM($0)");
    }

    /** {@code ASCII} of this expression. */
    public OutType ascii() {
        return call("ascii", "ASCII($0)");
    }

    /** {@code CHR} of this expression. */
    public OutType chr() {
        return call("chr", "CHR($0)");
    }

    /** The largest integer not above this value. */
    public OutType floor() {
        return call("floor", "FLOOR($0)");
    }

    /** The smallest integer not below this value. */
    public OutType ceil() {
        return call("ceil", "CEIL($0)");
    }

    /** This value rounded to {@code places} decimal places. */
    public OutType round(InType places) {
        return call("round", "ROUND($0, $1)", places);
    }

    /** This value truncated to {@code places} decimal places. */
    public OutType truncate(InType places) {
        return call("truncate", "TRUNCATE($0, $1)", places);
    }

    /** This value to the power {@code other}. */
    public OutType power(InType other) {
        return call("power", "POWER($0, $1)", other);
    }

    /** The logarithm of this value to the base {@code base}... as Flink: {@code log(x)} is the natural one. */
    public OutType log() {
        return call("log", "LN($0)");
    }

    /** This string without leading and trailing spaces. */
    public OutType trim() {
        return call("trim", "TRIM($0)");
    }

    /** This string without leading spaces. */
    public OutType trimLeading() {
        return call("trim", "TRIM(LEADING ' ' FROM $0)");
    }

    /** This string without trailing spaces. */
    public OutType trimTrailing() {
        return call("trim", "TRIM(TRAILING ' ' FROM $0)");
    }

    /** This string without leading and trailing {@code character}. */
    public OutType trim(InType character) {
        return call("trim", "TRIM(BOTH $1 FROM $0)", character);
    }

    /** This string from {@code beginIndex} (1-based) on, {@code length} characters. */
    public OutType substring(InType beginIndex, InType length) {
        return call("substring", "SUBSTRING($0 FROM $1 FOR $2)", beginIndex, length);
    }

    /** This string from {@code beginIndex} (1-based) on. */
    public OutType substring(InType beginIndex) {
        return call("substring", "SUBSTRING($0 FROM $1)", beginIndex);
    }

    /** The same as {@link #substring(Object, Object)}. */
    public OutType substr(InType beginIndex, InType length) {
        return call("substr", "SUBSTR($0, $1, $2)", beginIndex, length);
    }

    /** The same as {@link #substring(Object)}. */
    public OutType substr(InType beginIndex) {
        return call("substr", "SUBSTR($0, $1)", beginIndex);
    }

    /** This string with every {@code search} replaced by {@code replacement}. */
    public OutType replace(InType search, InType replacement) {
        return call("replace", "REPLACE($0, $1, $2)", search, replacement);
    }

    /** This string with each match of {@code regex} replaced by {@code replacement}. */
    public OutType regexpReplace(InType regex, InType replacement) {
        return call("regexpReplace", "REGEXP_REPLACE($0, $1, $2)", regex, replacement);
    }

    /** Group {@code extractIndex} of the first match of {@code regex} in this string. */
    public OutType regexpExtract(InType regex, InType extractIndex) {
        return call("regexpExtract", "REGEXP_EXTRACT($0, $1, $2)", regex, extractIndex);
    }

    /** The first match of {@code regex} in this string. */
    public OutType regexpExtract(InType regex) {
        return call("regexpExtract", "REGEXP_EXTRACT($0, $1)", regex);
    }

    /** Whether this string matches the SQL {@code LIKE} pattern. */
    public OutType like(InType pattern) {
        return call("LIKE", "($0 LIKE $1)", pattern);
    }

    /** Whether this string matches the SQL regular expression {@code pattern}. */
    public OutType similar(InType pattern) {
        return call("SIMILAR", "($0 SIMILAR TO $1)", pattern);
    }

    /** The 1-based position of this string in {@code haystack}, 0 if absent. */
    public OutType position(InType haystack) {
        return call("position", "POSITION($0 IN $1)", haystack);
    }

    /** This string left-padded to {@code len} with {@code pad}. */
    public OutType lpad(InType len, InType pad) {
        return call("lpad", "LPAD($0, $1, $2)", len, pad);
    }

    /** This string right-padded to {@code len} with {@code pad}. */
    public OutType rpad(InType len, InType pad) {
        return call("rpad", "RPAD($0, $1, $2)", len, pad);
    }

    /** This string repeated {@code n} times. */
    public OutType repeat(InType n) {
        return call("repeat", "REPEAT($0, $1)", n);
    }

    /** The leftmost {@code len} characters. */
    public OutType left(InType len) {
        return call("left", "LEFT($0, $1)", len);
    }

    /** The rightmost {@code len} characters. */
    public OutType right(InType len) {
        return call("right", "RIGHT($0, $1)", len);
    }

    /** Whether this string starts with {@code prefix}. */
    public OutType startsWith(InType prefix) {
        return call("startsWith", "STARTSWITH($0, $1)", prefix);
    }

    /** Whether this string ends with {@code suffix}. */
    public OutType endsWith(InType suffix) {
        return call("endsWith", "ENDSWITH($0, $1)", suffix);
    }

    /** The {@code unit} part of this temporal value. */
    public OutType extract(TimeIntervalUnit timeIntervalUnit) {
        return wrap(Node.call("extract", "EXTRACT(" + unit(timeIntervalUnit) + " FROM $1)", Node.literal(timeIntervalUnit.name(),
                timeIntervalUnit.name()), self()));
    }

    /** This temporal value rounded down to {@code unit}. */
    public OutType floor(TimeIntervalUnit timeIntervalUnit) {
        return wrap(Node.call("floor", "FLOOR($0 TO " + unit(timeIntervalUnit) + ")", self()));
    }

    /** This temporal value rounded up to {@code unit}. */
    public OutType ceil(TimeIntervalUnit timeIntervalUnit) {
        return wrap(Node.call("ceil", "CEIL($0 TO " + unit(timeIntervalUnit) + ")", self()));
    }

    /** The field {@code name} of this ROW. */
    public OutType get(String name) {
        return wrap(Node.call("get", "$0." + SqlRendering.quote(name), self(), SqlRendering.literal(name)));
    }

    /** The element at {@code index} (1-based) of this ARRAY, or the value of key {@code index} of this MAP. */
    public OutType at(InType index) {
        return call("at", "$0[$1]", index);
    }

    /** This string parsed as a DATE. */
    public OutType toDate() {
        return wrap(Node.call("cast", "CAST($0 AS DATE)", self()));
    }

    /** This string parsed as a TIME. */
    public OutType toTime() {
        return wrap(Node.call("cast", "CAST($0 AS TIME)", self()));
    }

    /** This string parsed as a TIMESTAMP(3). */
    public OutType toTimestamp() {
        return wrap(Node.call("cast", "CAST($0 AS TIMESTAMP(3))", self()));
    }

    /** An interval of this many years ({@code lit(10).year()}). */
    public OutType year() {
        return interval(12L, true);
    }

    /** An interval of this many years ({@code lit(10).years()}). */
    public OutType years() {
        return interval(12L, true);
    }

    /** An interval of this many quarters ({@code lit(10).quarter()}). */
    public OutType quarter() {
        return interval(3L, true);
    }

    /** An interval of this many quarters ({@code lit(10).quarters()}). */
    public OutType quarters() {
        return interval(3L, true);
    }

    /** An interval of this many months ({@code lit(10).month()}). */
    public OutType month() {
        return interval(1L, true);
    }

    /** An interval of this many months ({@code lit(10).months()}). */
    public OutType months() {
        return interval(1L, true);
    }

    /** An interval of this many weeks ({@code lit(10).week()}). */
    public OutType week() {
        return interval(604_800_000L, false);
    }

    /** An interval of this many weeks ({@code lit(10).weeks()}). */
    public OutType weeks() {
        return interval(604_800_000L, false);
    }

    /** An interval of this many days ({@code lit(10).day()}). */
    public OutType day() {
        return interval(86_400_000L, false);
    }

    /** An interval of this many days ({@code lit(10).days()}). */
    public OutType days() {
        return interval(86_400_000L, false);
    }

    /** An interval of this many hours ({@code lit(10).hour()}). */
    public OutType hour() {
        return interval(3_600_000L, false);
    }

    /** An interval of this many hours ({@code lit(10).hours()}). */
    public OutType hours() {
        return interval(3_600_000L, false);
    }

    /** An interval of this many minutes ({@code lit(10).minute()}). */
    public OutType minute() {
        return interval(60_000L, false);
    }

    /** An interval of this many minutes ({@code lit(10).minutes()}). */
    public OutType minutes() {
        return interval(60_000L, false);
    }

    /** An interval of this many seconds ({@code lit(10).second()}). */
    public OutType second() {
        return interval(1000L, false);
    }

    /** An interval of this many seconds ({@code lit(10).seconds()}). */
    public OutType seconds() {
        return interval(1000L, false);
    }

    /** An interval of this many milliseconds ({@code lit(10).milli()}). */
    public OutType milli() {
        return interval(1L, false);
    }

    /** An interval of this many milliseconds ({@code lit(10).millis()}). */
    public OutType millis() {
        return interval(1L, false);
    }

    /** A count of rows for an over window's bound ({@code lit(10).rows()}). */
    public OutType rows() {
        return wrap(Node.rowInterval(integerValue("rows")));
    }
}
