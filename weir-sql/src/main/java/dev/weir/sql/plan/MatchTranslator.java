package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.match.MatchExpression;
import dev.weir.sql.match.MatchPattern;
import dev.weir.sql.match.MatchRecognizeFunction;
import dev.weir.sql.match.PatternReference;
import dev.weir.sql.runtime.join.ExprKeySelector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Match;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Translates MATCH_RECOGNIZE (Calcite's {@link Match}) to a {@link MatchRecognizeFunction} keyed by the PARTITION BY
 * columns: ONE ROW PER MATCH, ORDER BY the input's event-time attribute, a PATTERN that is a sequence of quantified
 * variables with an optional WITHIN, DEFINE and MEASURES with column references, FIRST, LAST, PREV and the integer
 * aggregates. Whatever else is refused here, at planning time, naming the construct and what to write instead.
 */
final class MatchTranslator {
    private final StreamTranslator translator;

    MatchTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    Translated translate(Match match) {
        if (match.isAllRows()) {
            throw refuse("ALL ROWS PER MATCH", "write ONE ROW PER MATCH");
        }
        if (!match.getSubsets().isEmpty()) {
            throw refuse("SUBSET", "name each variable's rows in the MEASURES instead of a union of variables");
        }
        Translated in = translator.translate(match.getInput());
        if (in.updating()) {
            throw refuse("an updating input", "match the rows of an insert-only table, before they are aggregated or joined");
        }
        RelDataType inputType = match.getInput().getRowType();
        List<RelFieldCollation> order = match.getOrderKeys().getFieldCollations();
        if (order.isEmpty() || order.get(0).getFieldIndex() != in.rowtimeIndex()
                || order.get(0).getDirection() != RelFieldCollation.Direction.ASCENDING) {
            // Flink's message first; Weir runs MATCH_RECOGNIZE on event time only.
            throw new ValidationException("MATCH_RECOGNIZE: You must specify either rowtime or proctime for order by as the "
                    + "first one; write ORDER BY " + (in.rowtimeIndex() < 0 ? "the rowtime column of a table with a WATERMARK"
                    : inputType.getFieldNames().get(in.rowtimeIndex())) + " (ascending)");
        }
        if (order.size() > 1) {
            throw refuse("a further ORDER BY column after the time attribute", "order by the time attribute alone");
        }
        List<String> names = new ArrayList<>();
        List<int[]> elements = new ArrayList<>();
        pattern(match.getPattern(), names, elements);
        for (String variable : match.getPatternDefinitions().keySet()) {
            if (!names.contains(variable)) {
                names.add(variable);
            }
        }
        MatchExpression[] defines = new MatchExpression[names.size()];
        for (Map.Entry<String, RexNode> define : match.getPatternDefinitions().entrySet()) {
            defines[names.indexOf(define.getKey())] = compile(define.getValue(), names, inputType);
        }
        List<MatchExpression> measures = new ArrayList<>();
        for (RexNode measure : match.getMeasures().values()) {
            measures.add(compile(measure, names, inputType));
        }
        int[] vars = new int[elements.size()];
        int[] min = new int[vars.length];
        int[] max = new int[vars.length];
        boolean[] reluctant = new boolean[vars.length];
        for (int i = 0; i < vars.length; i++) {
            int[] e = elements.get(i);
            vars[i] = e[0];
            min[i] = e[1];
            max[i] = e[2];
            reluctant[i] = e[3] == 1;
        }
        MatchPattern.Skip skip = MatchPattern.Skip.PAST_LAST_ROW;
        int skipVariable = -1;
        RexNode after = match.getAfter();
        if (after instanceof RexCall call && (call.getKind() == SqlKind.SKIP_TO_FIRST || call.getKind() == SqlKind.SKIP_TO_LAST)) {
            skip = call.getKind() == SqlKind.SKIP_TO_FIRST ? MatchPattern.Skip.TO_FIRST : MatchPattern.Skip.TO_LAST;
            skipVariable = names.indexOf(((RexLiteral) call.getOperands().get(0)).getValueAs(String.class));
        } else if (after instanceof RexLiteral literal && String.valueOf(literal.getValue()).contains("NEXT")) {
            skip = MatchPattern.Skip.TO_NEXT_ROW;
        }
        long within = 0;
        if (match.getInterval() instanceof RexLiteral interval) {
            within = ((BigDecimal) interval.getValue()).longValue();
        }
        MatchPattern pattern = new MatchPattern(vars, min, max, reluctant, names.toArray(new String[0]), defines, within, skip,
                skipVariable);
        int[] keys = match.getPartitionKeys().toArray();
        Expr[] keyExprs = new Expr[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyExprs[i] = translator.compiler().compile(new RexInputRef(keys[i], inputType.getFieldList().get(keys[i]).getType()));
        }
        String name = "Match(partitionBy=[" + StreamTranslator.names(keys, inputType) + "], orderBy=["
                + inputType.getFieldNames().get(in.rowtimeIndex()) + " ASC], pattern=[" + match.getPattern() + "])";
        translator.record(name);
        DataStream<Row> out = in.stream().keyBy(new ExprKeySelector(keyExprs))
                .process(new MatchRecognizeFunction(in.rowtimeIndex(), keys, pattern, measures.toArray(new MatchExpression[0])))
                .name(name);
        if (keys.length == 0) {
            // Without PARTITION BY every row is of one match sequence: one instance, as in Flink.
            out = ((dev.weir.streaming.api.datastream.SingleOutputStreamOperator<Row>) out).setParallelism(1);
        }
        return new Translated(out, match.getRowType(), -1, false);
    }

    /** Adds the sequence {@code node} to {@code elements} as {variable, min, max, reluctant}, naming variables in {@code names}. */
    private static void pattern(RexNode node, List<String> names, List<int[]> elements) {
        if (node instanceof RexLiteral literal) {
            elements.add(new int[] {variable(literal, names), 1, 1, 0});
            return;
        }
        RexCall call = (RexCall) node;
        if (call.getKind() == SqlKind.PATTERN_CONCAT) {
            for (RexNode operand : call.getOperands()) {
                pattern(operand, names, elements);
            }
            return;
        }
        if (call.getKind() == SqlKind.PATTERN_QUANTIFIER && call.getOperands().get(0) instanceof RexLiteral literal) {
            int min = ((RexLiteral) call.getOperands().get(1)).getValueAs(Integer.class);
            int max = ((RexLiteral) call.getOperands().get(2)).getValueAs(Integer.class);
            boolean reluctant = Boolean.TRUE.equals(((RexLiteral) call.getOperands().get(3)).getValueAs(Boolean.class));
            elements.add(new int[] {variable(literal, names), min, max < 0 ? Integer.MAX_VALUE : max, reluctant ? 1 : 0});
            return;
        }
        String what = switch (call.getKind()) {
            case PATTERN_ALTER -> "an alternation (|) in PATTERN";
            case PATTERN_PERMUTE -> "PERMUTE in PATTERN";
            case PATTERN_EXCLUDED -> "an exclusion ({- -}) in PATTERN";
            default -> "a quantified group in PATTERN";
        };
        throw refuse(what, "write the pattern as a sequence of variables, each with its own quantifier");
    }

    private static int variable(RexLiteral literal, List<String> names) {
        String name = literal.getValueAs(String.class);
        if (!names.contains(name)) {
            names.add(name);
        }
        return names.indexOf(name);
    }

    /** {@code node} with each navigation a column of the scratch row, compiled. */
    private MatchExpression compile(RexNode node, List<String> names, RelDataType inputType) {
        List<PatternReference> references = new ArrayList<>();
        RexNode rewritten = new PatternNavigations(names, inputType, references).rewrite(node);
        Expr expr = translator.compiler().compile(rewritten);
        return new MatchExpression(references.toArray(new PatternReference[0]), expr);
    }

    static ValidationException refuse(String construct, String instead) {
        return new ValidationException("MATCH_RECOGNIZE with " + construct + " is not supported by Weir SQL yet; " + instead);
    }

    /** Whether {@code type} is an integer type (SUM and AVG over a variable's rows compute on longs). */
    static boolean isInteger(RelDataType type) {
        return SqlTypeFamily.INTEGER.contains(type);
    }
}
