package dev.weir.sql.plan;

import dev.weir.sql.runtime.FromChangelogFunction;
import dev.weir.sql.runtime.ToChangelogFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Translates a call of TO_CHANGELOG or FROM_CHANGELOG ({@link ChangelogFunction}) to its stateless runtime step on the
 * input's stream: {@link ToChangelogFunction} makes an updating table append-only, {@link FromChangelogFunction} makes
 * an append-only table updating. The arguments were checked while validating; what Flink 2.3 refuses only when it
 * plans (an updating input of FROM_CHANGELOG, the {@code on_time} argument) is refused here, as Flink's planner does.
 */
final class ChangelogTranslator {
    private static final int OP_MAPPING = 2;
    private static final int ON_TIME = 3;

    private final StreamTranslator translator;

    ChangelogTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    static boolean applies(TableFunctionScan scan) {
        return scan.getCall() instanceof RexCall call && call.getOperator() instanceof ChangelogFunction;
    }

    Translated translate(TableFunctionScan scan) {
        RexCall call = (RexCall) scan.getCall();
        ChangelogFunction function = (ChangelogFunction) call.getOperator();
        if (scan.getInputs().size() != 1) {
            throw new ValidationException(function.getName() + " reads one table; pass it as input => TABLE t");
        }
        Translated in = translator.translate(scan.getInput(0));
        RelDataType inputType = scan.getInput(0).getRowType();
        RelDataType outputType = scan.getRowType();
        if (given(call, ON_TIME)) {
            refuseOnTime(function, in.updating());
        }
        List<Map.Entry<String, String>> mapping = mapping(call);
        String name = "ProcessTableFunction(invocation=[" + function.getName() + "], select=["
                + String.join(",", outputType.getFieldNames()) + "])";
        translator.record(name);
        if (function.toChangelog()) {
            DataStream<Row> out = in.stream().flatMap(new ToChangelogFunction(ChangelogMapping.codesByKind(mapping))).name(name);
            return new Translated(out, outputType, in.rowtimeIndex() < 0 ? -1 : in.rowtimeIndex() + 1, false);
        }
        if (in.updating()) {
            throw new ValidationException(function.getName() + " doesn't support consuming update changes: its input is an "
                    + "updating table, and FROM_CHANGELOG reads an append-only table with an op column. Pass it the "
                    + "append-only table of codes, or TO_CHANGELOG(input => TABLE t) of the updating one");
        }
        int opColumn = opColumn(inputType, outputType);
        DataStream<Row> out = in.stream().flatMap(new FromChangelogFunction(opColumn, ChangelogMapping.kindsByCode(mapping)))
                .name(name);
        int rowtime = in.rowtimeIndex() < 0 || in.rowtimeIndex() == opColumn ? -1
                : in.rowtimeIndex() > opColumn ? in.rowtimeIndex() - 1 : in.rowtimeIndex();
        return new Translated(out, outputType, rowtime, true);
    }

    private static void refuseOnTime(ChangelogFunction function, boolean updatingInput) {
        if (!function.toChangelog() || updatingInput) {
            throw new ValidationException("Time operations using the `on_time` argument are currently not supported for PTFs "
                    + "that consume or produce updates. Leave out on_time => DESCRIPTOR(...) in " + function.getName());
        }
        throw new ValidationException("Weir does not support the on_time argument of TO_CHANGELOG yet; leave out on_time => "
                + "DESCRIPTOR(...): the input's time attribute stays one in TO_CHANGELOG's rows, for window functions");
    }

    /** The input column FROM_CHANGELOG's rows leave out: its output is the input without the op column. */
    private static int opColumn(RelDataType input, RelDataType output) {
        List<String> in = input.getFieldNames();
        List<String> out = output.getFieldNames();
        for (int i = 0; i < out.size(); i++) {
            if (!in.get(i).equals(out.get(i))) {
                return i;
            }
        }
        return in.size() - 1;
    }

    private static boolean given(RexCall call, int ordinal) {
        if (ordinal >= call.getOperands().size()) {
            return false;
        }
        RexNode operand = call.getOperands().get(ordinal);
        return !(operand instanceof RexLiteral literal && literal.isNull());
    }

    /** The op_mapping entries as written (null when left out); validation checked that they are string literals. */
    private static List<Map.Entry<String, String>> mapping(RexCall call) {
        if (!given(call, OP_MAPPING)) {
            return null;
        }
        RexNode node = call.getOperands().get(OP_MAPPING);
        if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexLiteral literal
                && literal.isNull()) {
            return null;
        }
        if (!(node instanceof RexCall map) || map.getKind() != SqlKind.MAP_VALUE_CONSTRUCTOR) {
            throw new ValidationException("The 'op_mapping' argument must be a constant MAP literal. To fix it, write "
                    + "string literals as its keys and values, e.g. op_mapping => MAP['INSERT', 'I', 'DELETE', 'D']");
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        List<RexNode> operands = map.getOperands();
        for (int i = 0; i + 1 < operands.size(); i += 2) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(text(operands.get(i)), text(operands.get(i + 1))));
        }
        return entries;
    }

    private static String text(RexNode node) {
        RexNode value = node;
        while (value.getKind() == SqlKind.CAST) {
            value = ((RexCall) value).getOperands().get(0);
        }
        if (value instanceof RexLiteral literal) {
            String text = literal.getValueAs(String.class);
            if (text != null) {
                return text;
            }
        }
        throw new ValidationException("The 'op_mapping' argument must be a constant MAP literal. To fix it, write string "
                + "literals as its keys and values, e.g. op_mapping => MAP['INSERT', 'I', 'DELETE', 'D']");
    }
}
