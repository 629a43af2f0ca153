package dev.weir.sql.expr;

import dev.weir.table.api.ValidationException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimestampString;

/**
 * Compiles Calcite's {@link RexNode}s into {@link Expr} trees once, at planning time. A function or operator Weir
 * cannot evaluate fails here, while planning, naming the function and what to use instead.
 */
public final class ExprCompiler {
    private final RexBuilder rexBuilder;
    private final ZoneId zone;
    // The watermark CURRENT_WATERMARK reads while a Calc is compiled; null elsewhere, where no operator feeds one.
    private OperatorWatermark calcWatermark;
    private boolean watermarkRead;
    // What a column reference compiles to while set (a fused scan reads its columns from the element); null: the row's field.
    private java.util.function.IntFunction<Expr> columns;

    public ExprCompiler(RexBuilder rexBuilder, ZoneId zone) {
        this.rexBuilder = rexBuilder;
        this.zone = zone;
    }

    public Expr compile(RexNode node) {
        RexNode expanded = RexUtil.expandSearch(rexBuilder, null, node);
        return compileExpanded(expanded);
    }

    /**
     * Starts compiling the expressions of one Calc whose operator will write {@code watermark} before each row, so
     * that CURRENT_WATERMARK may be used in them; {@link #endCalc()} ends it.
     */
    public void beginCalc(OperatorWatermark watermark) {
        this.calcWatermark = watermark;
        this.watermarkRead = false;
    }

    /** Ends the Calc begun by {@link #beginCalc}: whether one of its expressions reads CURRENT_WATERMARK. */
    public boolean endCalc() {
        boolean read = watermarkRead;
        calcWatermark = null;
        watermarkRead = false;
        return read;
    }

    /**
     * Compiles {@code node} with every column reference {@code i} compiled to {@code columns.apply(i)} instead of the
     * input row's field {@code i}: for an operator whose input is not a table row, such as a DataStream's POJO element.
     */
    public Expr compile(RexNode node, java.util.function.IntFunction<Expr> columns) {
        this.columns = columns;
        try {
            return compile(node);
        } finally {
            this.columns = null;
        }
    }

    private Expr compileExpanded(RexNode node) {
        if (node instanceof RexInputRef) {
            int index = ((RexInputRef) node).getIndex();
            return columns != null ? columns.apply(index) : new Leaf.Field(index);
        }
        if (node instanceof RexLiteral) {
            return new Leaf.Constant(literal((RexLiteral) node));
        }
        if (node instanceof RexCall) {
            return call((RexCall) node);
        }
        if (node instanceof RexFieldAccess) {
            RexFieldAccess access = (RexFieldAccess) node;
            if (access.getReferenceExpr() instanceof RexInputRef && columns == null) {
                return new Leaf.ColumnField(((RexInputRef) access.getReferenceExpr()).getIndex(), access.getField().getIndex());
            }
            return new Leaf.NestedField(compileExpanded(access.getReferenceExpr()), access.getField().getIndex());
        }
        throw unsupported(node.toString(), "a column, a field of a ROW column, a literal or a function call");
    }

    /** A literal's value in internal form. */
    public static Object literal(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        RelDataType type = literal.getType();
        switch (type.getSqlTypeName()) {
            case CHAR:
            case VARCHAR:
                return literal.getValueAs(NlsString.class).getValue();
            case BOOLEAN:
                return literal.getValueAs(Boolean.class);
            case TINYINT:
                return literal.getValueAs(Byte.class);
            case SMALLINT:
                return literal.getValueAs(Short.class);
            case INTEGER:
                return literal.getValueAs(Integer.class);
            case BIGINT:
                return literal.getValueAs(Long.class);
            case FLOAT:
            case REAL:
                return literal.getValueAs(Float.class);
            case DOUBLE:
                return literal.getValueAs(Double.class);
            case DECIMAL:
                return literal.getValueAs(BigDecimal.class);
            case TIMESTAMP:
                return literal.getValueAs(TimestampString.class).getMillisSinceEpoch();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return literal.getValueAs(Long.class);
            case DATE:
                return literal.getValueAs(DateString.class).getDaysSinceEpoch();
            case TIME:
                return literal.getValueAs(Integer.class);
            case SYMBOL:
                return literal.getValue();
            default:
                if (SqlTypeName.INTERVAL_TYPES.contains(type.getSqlTypeName())) {
                    return literal.getValueAs(BigDecimal.class).longValue();
                }
                return literal.getValue3();
        }
    }

    private Expr call(RexCall call) {
        List<RexNode> operands = call.getOperands();
        RelDataType type = call.getType();
        String name = call.getOperator().getName();
        if (call.getOperator() instanceof CompiledCall) {
            return ((CompiledCall) call.getOperator()).compile(call, all(operands));
        }
        switch (call.getKind()) {
            case PLUS:
                return arithmetic(Arithmetic.Op.PLUS, call);
            case MINUS:
                if (operands.size() == 1) {
                    return new Numeric(Numeric.Fn.NEGATE, compileExpanded(operands.get(0)), NumericKind.of(type));
                }
                return arithmetic(Arithmetic.Op.MINUS, call);
            case MINUS_PREFIX:
                return new Numeric(Numeric.Fn.NEGATE, compileExpanded(operands.get(0)), NumericKind.of(type));
            case PLUS_PREFIX:
                return compileExpanded(operands.get(0));
            case TIMES:
                return arithmetic(Arithmetic.Op.TIMES, call);
            case DIVIDE:
                return arithmetic(Arithmetic.Op.DIVIDE, call);
            case MOD:
                return arithmetic(Arithmetic.Op.MOD, call);
            case EQUALS:
                return comparison(Comparison.Op.EQ, call);
            case NOT_EQUALS:
                return comparison(Comparison.Op.NE, call);
            case LESS_THAN:
                return comparison(Comparison.Op.LT, call);
            case LESS_THAN_OR_EQUAL:
                return comparison(Comparison.Op.LE, call);
            case GREATER_THAN:
                return comparison(Comparison.Op.GT, call);
            case GREATER_THAN_OR_EQUAL:
                return comparison(Comparison.Op.GE, call);
            case AND:
                return new Logic.And(all(operands));
            case OR:
                return new Logic.Or(all(operands));
            case NOT:
                return new Logic.Not(compileExpanded(operands.get(0)));
            case IS_NULL:
                return new Logic.Is(Logic.Is.Test.NULL, compileExpanded(operands.get(0)));
            case IS_NOT_NULL:
                return new Logic.Is(Logic.Is.Test.NOT_NULL, compileExpanded(operands.get(0)));
            case IS_TRUE:
                return new Logic.Is(Logic.Is.Test.TRUE, compileExpanded(operands.get(0)));
            case IS_NOT_TRUE:
                return new Logic.Is(Logic.Is.Test.NOT_TRUE, compileExpanded(operands.get(0)));
            case IS_FALSE:
                return new Logic.Is(Logic.Is.Test.FALSE, compileExpanded(operands.get(0)));
            case IS_NOT_FALSE:
                return new Logic.Is(Logic.Is.Test.NOT_FALSE, compileExpanded(operands.get(0)));
            case CASE: {
                int pairs = (operands.size() - 1) / 2;
                Expr[] conditions = new Expr[pairs];
                Expr[] values = new Expr[pairs];
                for (int i = 0; i < pairs; i++) {
                    conditions[i] = compileExpanded(operands.get(2 * i));
                    values[i] = compileExpanded(operands.get(2 * i + 1));
                }
                return new Logic.Case(conditions, values, compileExpanded(operands.get(operands.size() - 1)));
            }
            case CAST: {
                if (isCollection(type) && isCollection(operands.get(0).getType())) {
                    // Calcite's widening of an ARRAY[..] or MAP[..] element that is itself a collection.
                    return castTo(compileExpanded(operands.get(0)), operands.get(0).getType(), type);
                }
                Expr cast = new Cast(compileExpanded(operands.get(0)), operands.get(0).getType(), type, zone);
                Expr fused = IntegerCastOfDecimalProduct.tryCreate(operands.get(0), type, this::compileExpanded, cast);
                return fused != null ? fused : cast;
            }
            case REINTERPRET:
                return compileExpanded(operands.get(0));
            case LIKE: {
                Strings.Fn fn = call.getOperator().getName().startsWith("NOT") ? Strings.Fn.NOT_LIKE : Strings.Fn.LIKE;
                java.util.regex.Pattern p = operands.get(1) instanceof RexLiteral
                        ? Strings.likeToRegex((String) literal((RexLiteral) operands.get(1))) : null;
                return new Strings(fn, all(operands), p);
            }
            case TRIM: {
                Object flag = ((RexLiteral) operands.get(0)).getValue();
                Strings.Fn fn = "LEADING".equals(String.valueOf(flag)) ? Strings.Fn.TRIM_LEADING
                        : "TRAILING".equals(String.valueOf(flag)) ? Strings.Fn.TRIM_TRAILING : Strings.Fn.TRIM_BOTH;
                return new Strings(fn, new Expr[] {compileExpanded(operands.get(1)), compileExpanded(operands.get(2))}, null);
            }
            case POSITION:
                return new Strings(Strings.Fn.POSITION, all(operands), null);
            case ARRAY_VALUE_CONSTRUCTOR:
                return new ArrayCalls(ArrayCalls.Fn.VALUE, castAll(operands, type.getComponentType(), type.getComponentType()));
            case MAP_VALUE_CONSTRUCTOR:
                return new MapCalls(MapCalls.Fn.VALUE, castAll(operands, type.getKeyType(), type.getValueType()));
            case ITEM:
                return item(call);
            case ROW: {
                RexNode whole = rebuiltRow(call);
                return whole != null ? compileExpanded(whole) : new RowConstructor(all(operands));
            }
            case EXTRACT:
                // A DATE counts days; EXTRACT reads the milliseconds of a timestamp.
                return new Temporal(Temporal.Fn.EXTRACT, new Expr[] {operands.get(1).getType().getSqlTypeName() == SqlTypeName.DATE
                        ? new Arithmetic(Arithmetic.Op.TIMES, NumericKind.LONG, 0, compileExpanded(operands.get(1)),
                                new Leaf.Constant(86_400_000L)) : compileExpanded(operands.get(1))},
                        (TimeUnitRange) ((RexLiteral) operands.get(0)).getValue(), zone, isLtz(operands.get(1)));
            case FLOOR:
            case CEIL:
                if (operands.size() == 2) {
                    return new Temporal(call.getKind() == SqlKind.FLOOR ? Temporal.Fn.FLOOR : Temporal.Fn.CEIL,
                            new Expr[] {compileExpanded(operands.get(0))}, (TimeUnitRange) ((RexLiteral) operands.get(1)).getValue(),
                            zone, false);
                }
                return new Numeric(call.getKind() == SqlKind.FLOOR ? Numeric.Fn.FLOOR : Numeric.Fn.CEIL,
                        compileExpanded(operands.get(0)), NumericKind.of(type));
            default:
                return function(name, call);
        }
    }

    private Expr function(String name, RexCall call) {
        List<RexNode> operands = call.getOperands();
        switch (name) {
            case "UPPER":
                return new Strings(Strings.Fn.UPPER, all(operands), null);
            case "LOWER":
                return new Strings(Strings.Fn.LOWER, all(operands), null);
            case "CHAR_LENGTH":
            case "CHARACTER_LENGTH":
                return new Strings(Strings.Fn.CHAR_LENGTH, all(operands), null);
            case "SUBSTRING":
                return new Strings(Strings.Fn.SUBSTRING, all(operands), null);
            case "||":
            case "CONCAT":
                return new Strings(Strings.Fn.CONCAT, all(operands), null);
            case "CARDINALITY":
                return new ArrayCalls(ArrayCalls.Fn.CARDINALITY, all(operands));
            case "ELEMENT":
                return new ArrayCalls(ArrayCalls.Fn.ELEMENT, all(operands));
            case "ABS":
                return new Numeric(Numeric.Fn.ABS, compileExpanded(operands.get(0)), NumericKind.of(call.getType()));
            case "TO_TIMESTAMP_LTZ":
                return new Temporal(Temporal.Fn.TO_TIMESTAMP_LTZ, all(operands), null, zone, false);
            case "PROCTIME":
                return new ProcTime();
            case "CURRENT_WATERMARK":
                if (calcWatermark == null) {
                    throw new ValidationException("Weir SQL evaluates CURRENT_WATERMARK only in a SELECT list or WHERE clause "
                            + "(a projection or filter); compute it there, e.g. in a subquery, and use the column");
                }
                watermarkRead = true;
                return new CurrentWatermark(calcWatermark);
            case "TO_TIMESTAMP":
                return new Temporal(Temporal.Fn.TO_TIMESTAMP, all(operands), null, zone, false);
            case "UNIX_TIMESTAMP":
                return new Temporal(Temporal.Fn.UNIX_TIMESTAMP, all(operands), null, zone, false);
            case "FROM_UNIXTIME":
                return new Temporal(Temporal.Fn.FROM_UNIXTIME, all(operands), null, zone, false);
            case "REGEXP_EXTRACT": {
                java.util.regex.Pattern p = null;
                if (operands.get(1) instanceof RexLiteral && !((RexLiteral) operands.get(1)).isNull()) {
                    try {
                        p = java.util.regex.Pattern.compile((String) literal((RexLiteral) operands.get(1)));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new ValidationException("Invalid regular expression in REGEXP_EXTRACT: " + e.getDescription()
                                + "; write a Java regular expression");
                    }
                }
                return new TextParts(TextParts.Fn.REGEXP_EXTRACT, all(operands), p);
            }
            case "TYPEOF":
                return BuiltInCalls.typeOf(call);
            case "SPLIT_INDEX":
                return new TextParts(TextParts.Fn.SPLIT_INDEX, all(operands), null);
            case "DATE_FORMAT":
                return new Temporal(Temporal.Fn.DATE_FORMAT, all(operands), null, zone, isLtz(operands.get(0)));
            case "$TUMBLE":
            case "$HOP":
            case "$SESSION":
            case "TUMBLE_START":
            case "TUMBLE_END":
            case "TUMBLE_ROWTIME":
            case "HOP_START":
            case "HOP_END":
            case "HOP_ROWTIME":
            case "SESSION_START":
            case "SESSION_END":
            case "SESSION_ROWTIME":
                // The group windows of a query's own GROUP BY were rewritten before planning (GroupWindowRewrite).
                throw new ValidationException("Weir SQL runs the group window functions (TUMBLE, HOP, SESSION in GROUP BY, and "
                        + "TUMBLE_START, SESSION_END, ...) only in a query's own SELECT with its GROUP BY window; group by the "
                        + "window, or use the window table functions, e.g. FROM "
                        + "TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, "
                        + "window_end, selecting window_start and window_end");
            default: {
                Expr[] widened = widened(name, call);
                Expr builtIn = BuiltInCalls.of(name, call, widened != null ? widened : all(operands), zone);
                if (builtIn != null) {
                    return builtIn;
                }
                throw unsupported(name, "arithmetic, comparisons, AND/OR/NOT, IS [NOT] NULL, CASE, CAST, COALESCE, NULLIF, "
                        + "UPPER, LOWER, CHAR_LENGTH, SUBSTRING, TRIM, CONCAT/||, POSITION, LIKE, ABS, FLOOR, CEIL, EXTRACT, "
                        + "TO_TIMESTAMP_LTZ, TO_TIMESTAMP, UNIX_TIMESTAMP, FROM_UNIXTIME, DATE_FORMAT, REGEXP_EXTRACT, SPLIT_INDEX, PROCTIME, CURRENT_WATERMARK and "
                        + BuiltInCalls.NAMES);
            }
        }
    }

    /**
     * The ROW-typed expression that {@code row} rebuilds field by field, or null when it builds a new row. Calcite's type
     * flattener turns a ROW column {@code r} into {@code ROW(r.a, ROW(r.b.c))} (typed nullable, unlike a ROW constructor),
     * which would make a NULL row a row of NULLs; reading {@code r} itself keeps it NULL, as in Flink.
     */
    private static RexNode rebuiltRow(RexCall row) {
        if (!row.getType().isNullable()) {
            return null;
        }
        List<RexNode> operands = row.getOperands();
        RexNode source = null;
        for (int i = 0; i < operands.size(); i++) {
            RexNode operand = operands.get(i);
            if (operand instanceof RexCall && operand.getKind() == SqlKind.ROW) {
                operand = rebuiltRow((RexCall) operand);
            }
            if (!(operand instanceof RexFieldAccess) || ((RexFieldAccess) operand).getField().getIndex() != i) {
                return null;
            }
            RexNode reference = ((RexFieldAccess) operand).getReferenceExpr();
            if (source != null && !source.equals(reference)) {
                return null;
            }
            source = reference;
        }
        return source != null && source.getType().getFieldCount() == operands.size() ? source : null;
    }

    private static boolean isCollection(RelDataType type) {
        return type.getSqlTypeName() == SqlTypeName.ARRAY || type.getSqlTypeName() == SqlTypeName.MAP || type.isStruct();
    }

    /** Whether {@code node}'s type is TINYINT, SMALLINT, INTEGER or BIGINT, whose values {@link Expr#evalLong} gives. */
    private static boolean isInteger(RexNode node) {
        switch (node.getType().getSqlTypeName()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return true;
            default:
                return false;
        }
    }

    private static boolean isLtz(RexNode node) {
        return node.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
    }

    private Expr arithmetic(Arithmetic.Op op, RexCall call) {
        RelDataType type = call.getType();
        SqlTypeName t = type.getSqlTypeName();
        if (op == Arithmetic.Op.PLUS || op == Arithmetic.Op.MINUS) {
            Expr calendar = CalendarArithmetic.of(op == Arithmetic.Op.MINUS, call, this::compileExpanded, zone);
            if (calendar != null) {
                return calendar;
            }
        }
        // What remains of YEAR/MONTH intervals is arithmetic on their months (interval times or by a number).
        return new Arithmetic(op, NumericKind.of(type), Math.max(0, type.getScale()), compileExpanded(call.getOperands().get(0)),
                compileExpanded(call.getOperands().get(1)));
    }

    // a[i] on an ARRAY, m[k] on a MAP (the key cast to the map's key type, so that it finds keys of that class).
    private Expr item(RexCall call) {
        RexNode container = call.getOperands().get(0);
        RexNode index = call.getOperands().get(1);
        RelDataType type = container.getType();
        if (type.getSqlTypeName() == SqlTypeName.ARRAY) {
            return new ArrayCalls(ArrayCalls.Fn.ITEM, all(call.getOperands()));
        }
        if (type.getSqlTypeName() == SqlTypeName.MAP) {
            return new MapCalls(MapCalls.Fn.ITEM, new Expr[] {compileExpanded(container),
                castTo(compileExpanded(index), index.getType(), type.getKeyType())});
        }
        throw unsupported("ITEM on " + type.getFullTypeString(), "a[i] on an ARRAY and m[k] on a MAP; write row.field for a ROW's field");
    }

    /** The operands, those at even places cast to {@code even}, those at odd places to {@code odd} when they differ. */
    private Expr[] castAll(List<RexNode> operands, RelDataType even, RelDataType odd) {
        Expr[] result = new Expr[operands.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = castTo(compileExpanded(operands.get(i)), operands.get(i).getType(), i % 2 == 0 ? even : odd);
        }
        return result;
    }

    // A value of type from as one of type to (an element of an array of a wider type, an array of narrower elements):
    // text stays text (Flink types differing string literals VARCHAR).
    private Expr castTo(Expr e, RelDataType from, RelDataType to) {
        return ElementCast.of(e, from, to, zone);
    }

    /**
     * The arguments of a collection function whose result is wider than an argument ({@code ARRAY_APPEND(ARRAY[1], 2.5)},
     * {@code ARRAY_CONCAT(ARRAY[1], ARRAY[2.5])}), cast to the result's type (a collection) or element type (the element
     * of ARRAY_APPEND and ARRAY_PREPEND), as Flink widens them; null for any other call.
     */
    private Expr[] widened(String name, RexCall call) {
        RelDataType type = call.getType();
        List<RexNode> operands = call.getOperands();
        switch (name) {
            case "ARRAY_APPEND":
            case "ARRAY_PREPEND":
                return new Expr[] {castTo(compileExpanded(operands.get(0)), operands.get(0).getType(), type),
                    castTo(compileExpanded(operands.get(1)), operands.get(1).getType(), type.getComponentType())};
            case "ARRAY_CONCAT":
            case "ARRAY_UNION":
            case "ARRAY_EXCEPT":
            case "ARRAY_INTERSECT":
            case "MAP_UNION": {
                Expr[] args = new Expr[operands.size()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = castTo(compileExpanded(operands.get(i)), operands.get(i).getType(), type);
                }
                return args;
            }
            default:
                return null;
        }
    }

    private Expr comparison(Comparison.Op op, RexCall call) {
        RexNode left = call.getOperands().get(0);
        RexNode right = call.getOperands().get(1);
        return new Comparison(op, compileExpanded(left), compileExpanded(right), isInteger(left) && isInteger(right));
    }

    private Expr[] all(List<RexNode> operands) {
        Expr[] result = new Expr[operands.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = compileExpanded(operands.get(i));
        }
        return result;
    }

    private static ValidationException unsupported(String what, String instead) {
        return new ValidationException("Weir SQL does not support " + what + " yet; supported are " + instead);
    }

}
