package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Flink's arithmetic functions: ROUND and TRUNCATE (keeping an integer or floating operand's type, a DECIMAL rounded to
 * the scale of its result type), POWER, SQRT, EXP, LN, LOG10, LOG2, LOG(x) and LOG(base, x), SIGN, the trigonometric
 * functions (SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH), DEGREES, RADIANS, PI, E, RAND and
 * RAND_INTEGER. NULL in gives NULL out.
 */
final class MathCalls extends Expr {
    private static final long serialVersionUID = 1L;

    enum Fn {
        ROUND, TRUNCATE, POWER, SQRT, EXP, LN, LOG10, LOG2, LOG, SIGN, SIN, COS, TAN, COT, ASIN, ACOS, ATAN, ATAN2, SINH, COSH,
        TANH, DEGREES, RADIANS, PI, E, RAND, RAND_INTEGER
    }

    private final Fn fn;
    private final Expr[] args;
    private final NumericKind kind;
    private final int resultScale;
    // RAND(seed) and RAND_INTEGER(seed, n) repeat one sequence per expression, as Flink's do; unseeded ones draw from
    // their own generator too, created when the expression is.
    private final Random random;

    private MathCalls(Fn fn, Expr[] args, RelDataType type, Random random) {
        this.fn = fn;
        this.args = args;
        this.kind = NumericKind.of(type);
        this.resultScale = Math.max(0, type.getScale());
        this.random = random;
    }

    /** The call of the arithmetic function {@code name}, or null when {@code name} is not one. */
    static Expr of(String name, RelDataType type, Expr[] args, Object seed) {
        Fn fn;
        switch (name) {
            case "RAND":
            case "RAND_INTEGER":
                fn = name.equals("RAND") ? Fn.RAND : Fn.RAND_INTEGER;
                break;
            case "POWER":
            case "SQRT":
            case "EXP":
            case "LN":
            case "LOG10":
            case "LOG2":
            case "LOG":
            case "SIGN":
            case "SIN":
            case "COS":
            case "TAN":
            case "COT":
            case "ASIN":
            case "ACOS":
            case "ATAN":
            case "ATAN2":
            case "SINH":
            case "COSH":
            case "TANH":
            case "DEGREES":
            case "RADIANS":
            case "PI":
            case "E":
            case "ROUND":
            case "TRUNCATE":
                fn = Fn.valueOf(name);
                break;
            default:
                return null;
        }
        Random random = null;
        if (fn == Fn.RAND || fn == Fn.RAND_INTEGER) {
            boolean seeded = fn == Fn.RAND ? args.length == 1 : args.length == 2;
            random = seeded && seed != null ? new Random(((Number) seed).longValue()) : new Random();
        }
        return new MathCalls(fn, args, type, random);
    }

    @Override
    public Object eval(Row row) {
        switch (fn) {
            case PI:
                return Math.PI;
            case E:
                return Math.E;
            case RAND:
                return random.nextDouble();
            case RAND_INTEGER: {
                Object bound = args[args.length - 1].eval(row);
                return bound == null ? null : random.nextInt(((Number) bound).intValue());
            }
            default:
                break;
        }
        Object a = args[0].eval(row);
        if (a == null) {
            return null;
        }
        Object b = null;
        if (args.length > 1) {
            b = args[1].eval(row);
            if (b == null) {
                return null;
            }
        }
        switch (fn) {
            case ROUND:
            case TRUNCATE:
                return round(a, b == null ? 0 : ((Number) b).intValue(), fn == Fn.ROUND ? RoundingMode.HALF_UP : RoundingMode.DOWN);
            case SIGN:
                return sign(a);
            case POWER:
                return Math.pow(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case ATAN2:
                return Math.atan2(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case LOG:
                // LOG(x) is the natural logarithm, LOG(base, x) takes the base first, as in Flink.
                return b == null ? Math.log(((Number) a).doubleValue())
                        : Math.log(((Number) b).doubleValue()) / Math.log(((Number) a).doubleValue());
            default:
                return unary(((Number) a).doubleValue());
        }
    }

    private double unary(double x) {
        switch (fn) {
            case SQRT:
                return Math.sqrt(x);
            case EXP:
                return Math.exp(x);
            case LN:
                return Math.log(x);
            case LOG10:
                return Math.log10(x);
            case LOG2:
                return Math.log(x) / Math.log(2);
            case SIN:
                return Math.sin(x);
            case COS:
                return Math.cos(x);
            case TAN:
                return Math.tan(x);
            case COT:
                return 1.0d / Math.tan(x);
            case ASIN:
                return Math.asin(x);
            case ACOS:
                return Math.acos(x);
            case ATAN:
                return Math.atan(x);
            case SINH:
                return Math.sinh(x);
            case COSH:
                return Math.cosh(x);
            case TANH:
                return Math.tanh(x);
            case DEGREES:
                return Math.toDegrees(x);
            case RADIANS:
                return Math.toRadians(x);
            default:
                throw new IllegalStateException(fn.name());
        }
    }

    private Object round(Object a, int digits, RoundingMode mode) {
        if (kind == NumericKind.DECIMAL) {
            return NumericKind.decimal(a).setScale(digits, mode).setScale(resultScale, RoundingMode.UNNECESSARY);
        }
        if (kind.isIntegral()) {
            long x = ((Number) a).longValue();
            return digits >= 0 ? kind.box(x) : kind.box(BigDecimal.valueOf(x).setScale(digits, mode).longValueExact());
        }
        double x = ((Number) a).doubleValue();
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return kind.boxDouble(x);
        }
        return kind.boxDouble(BigDecimal.valueOf(x).setScale(digits, mode).doubleValue());
    }

    private Object sign(Object a) {
        if (kind == NumericKind.DECIMAL) {
            return BigDecimal.valueOf(NumericKind.decimal(a).signum()).setScale(resultScale, RoundingMode.UNNECESSARY);
        }
        if (kind.isIntegral()) {
            return kind.box(Long.signum(((Number) a).longValue()));
        }
        return kind.boxDouble(Math.signum(((Number) a).doubleValue()));
    }
}
