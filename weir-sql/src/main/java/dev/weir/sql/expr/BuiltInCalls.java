package dev.weir.sql.expr;

import dev.weir.sql.types.FlinkTypeStrings;
import java.time.ZoneId;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Finds the family ({@link ConditionalCalls}, {@link JsonQuoting}, {@link InetCalls}, {@link TimeCalls}, {@link MathCalls}, {@link JsonCalls},
 * {@link JsonConstructors}, {@link CodecCalls}, {@link TextCalls}, {@link ArrayCalls}, {@link BitmapCalls}, {@link MapCalls},
 * {@link StringCalls}) that evaluates a built-in call.
 */
final class BuiltInCalls {
    /** The functions these families run, for the message refusing one they do not. */
    static final String NAMES = "GREATEST, LEAST, IF, IFNULL, ROUND, TRUNCATE, POWER, SQRT, EXP, LN, LOG10, LOG2, LOG, SIGN, "
            + "SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH, DEGREES, RADIANS, PI, E, RAND, RAND_INTEGER, "
            + "REPLACE, LPAD, RPAD, LTRIM, RTRIM, INITCAP, REVERSE, "
            + "REPEAT, LEFT, RIGHT, LOCATE, INSTR, REGEXP, REGEXP_REPLACE, ASCII, CHR, TO_BASE64, FROM_BASE64, MD5, SHA1, "
            + "SHA256, OVERLAY, CONCAT_WS, CURRENT_TIMESTAMP, NOW, LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, "
            + "CURRENT_ROW_TIMESTAMP, LOCALTIME, UUID, TO_DATE, CONVERT_TZ, "
            + "JSON_VALUE, JSON_QUERY, JSON_EXISTS, IS [NOT] JSON, JSON_OBJECT, JSON_ARRAY, JSON_STRING, "
            + "BIN, HEX, URL_ENCODE, URL_DECODE, SHA224, SHA384, SHA512, SHA2, SUBSTR, TRANSLATE, ELT, PRINTF, REGEXP_COUNT, "
            + "REGEXP_INSTR, REGEXP_SUBSTR, REGEXP_EXTRACT_ALL, SPLIT, PARSE_URL, STARTSWITH, ENDSWITH, BTRIM, "
            + "ARRAY[..], a[i], CARDINALITY, ELEMENT, ARRAY_APPEND, ARRAY_PREPEND, ARRAY_CONTAINS, ARRAY_DISTINCT, ARRAY_POSITION, "
            + "ARRAY_REMOVE, ARRAY_REVERSE, ARRAY_SLICE, ARRAY_SORT, ARRAY_UNION, ARRAY_CONCAT, ARRAY_EXCEPT, ARRAY_INTERSECT, "
            + "ARRAY_MAX, ARRAY_MIN, ARRAY_JOIN, MAP[..], m[k], MAP_KEYS, MAP_VALUES, MAP_ENTRIES, MAP_FROM_ARRAYS, MAP_UNION, "
            + "STR_TO_MAP, UNHEX, ENCODE, DECODE, TRY_CAST, JSON_QUOTE, JSON_UNQUOTE, TYPEOF, INET_ATON, INET_NTOA, "
            + "BITMAP_BUILD, BITMAP_FROM_BYTES, BITMAP_TO_BYTES, BITMAP_TO_STRING, BITMAP_TO_ARRAY, BITMAP_CARDINALITY, "
            + "BITMAP_AND, BITMAP_ANDNOT, BITMAP_OR, BITMAP_XOR";

    private BuiltInCalls() {
    }

    /** The compiled call, or null when no family knows {@code name}. */
    static Expr of(String name, RexCall call, Expr[] args, ZoneId zone) {
        if (name.equals("UUID")) {
            return new RandomUuid();
        }
        if (name.equals("TRY_CAST") || name.equals("SAFE_CAST")) {
            return new TryCast(new Cast(args[0], call.getOperands().get(0).getType(), call.getType(), zone));
        }
        Expr e = ConditionalCalls.of(name, call.getType(), args);
        if (e == null) {
            e = JsonQuoting.of(name, args);
        }
        if (e == null) {
            e = InetCalls.of(name, args);
        }
        if (e == null) {
            e = TimeCalls.of(name, call.getType(), args, zone);
        }
        if (e == null) {
            e = MathCalls.of(name, call.getType(), args, literalOperand(call.getOperands(), 0));
        }
        if (e == null) {
            e = JsonCalls.of(name, call, args);
        }
        if (e == null) {
            e = JsonConstructors.of(name, call, args);
        }
        if (e == null) {
            e = CodecCalls.of(name, args, !call.getOperands().isEmpty()
                    && SqlTypeFamily.CHARACTER.getTypeNames().contains(call.getOperands().get(0).getType().getSqlTypeName()));
        }
        if (e == null) {
            e = TextCalls.of(name, args, literalOperand(call.getOperands(), 1));
        }
        if (e == null) {
            e = ArrayCalls.of(name, args);
        }
        if (e == null) {
            e = BitmapCalls.of(name, args);
        }
        if (e == null) {
            Object[] literals = new Object[call.getOperands().size()];
            for (int i = 0; i < literals.length; i++) {
                literals[i] = literalOperand(call.getOperands(), i);
            }
            e = MapCalls.of(name, args, literals);
        }
        if (e == null && name.equals("SUBSTR")) {
            e = new Strings(Strings.Fn.SUBSTRING, args, null);
        }
        if (e == null) {
            Object regex = literalOperand(call.getOperands(), 1);
            e = StringCalls.of(name, args, regex instanceof String ? (String) regex : null);
        }
        return e;
    }

    /** TYPEOF(x [, force]): x's type as Flink prints it, a constant; x itself is never evaluated, as in Flink. */
    static Expr typeOf(RexCall call) {
        Object force = literalOperand(call.getOperands(), 1);
        return new Leaf.Constant(FlinkTypeStrings.of(call.getOperands().get(0).getType(), Boolean.TRUE.equals(force)));
    }

    private static Object literalOperand(List<RexNode> operands, int i) {
        return operands.size() > i && operands.get(i) instanceof RexLiteral ? ExprCompiler.literal((RexLiteral) operands.get(i))
                : null;
    }
}
