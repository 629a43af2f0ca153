package dev.weir.sql.plan;

import dev.weir.sql.expr.Expr;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.CumulativeEventTimeWindows;
import dev.weir.sql.runtime.CumulativeProcessingTimeWindows;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.RowKeySelector;
import dev.weir.sql.runtime.SessionRowsFunction;
import dev.weir.sql.runtime.WindowAggregateOutput;
import dev.weir.sql.runtime.WindowColumnsFunction;
import dev.weir.sql.runtime.WindowSpec;
import dev.weir.sql.runtime.agg.AggCalls;
import dev.weir.sql.runtime.agg.GlobalWindowAggregate;
import dev.weir.sql.runtime.agg.LocalWindowAggregate;
import dev.weir.sql.runtime.agg.LongAggregate;
import dev.weir.sql.runtime.agg.WindowPartial;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.datastream.WindowedStream;
import dev.weir.streaming.api.windowing.assigners.EventTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import dev.weir.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.assigners.WindowAssigner;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.util.mapping.MappingType;
import org.apache.calcite.util.mapping.Mappings;

/**
 * Translates Flink's window table functions. With a GROUP BY {@code window_start, window_end, ...} above them (through
 * projections and filters), the table function is not materialized: the aggregate runs on Weir's window operator
 * over the function's input, keyed by the other grouping columns (TUMBLE and HOP take the slicing operator, CUMULATE
 * the generic one). Alone, the function appends the window columns to each row, once per window.
 */
final class WindowTranslator {
    private final StreamTranslator translator;

    WindowTranslator(StreamTranslator translator) {
        this.translator = translator;
    }

    /** The parsed window function call: its spec and the descriptor's column in the function's input. */
    private record WindowCall(WindowSpec spec, int timeColumn, String function, int[] partitionKeys) {
    }

    static boolean isWindowFunction(RelNode rel) {
        return rel instanceof TableFunctionScan && ((TableFunctionScan) rel).getCall() instanceof RexCall
                && ((RexCall) ((TableFunctionScan) rel).getCall()).getOperator() instanceof WindowTableFunction;
    }

    private WindowCall parse(TableFunctionScan scan) {
        RexCall call = (RexCall) scan.getCall();
        String function = call.getOperator().getName();
        // Calcite's call may or may not keep the table operand in front; the descriptor is where the operands start.
        List<RexNode> all = call.getOperands();
        int at = 0;
        while (at < all.size() && all.get(at).getKind() != org.apache.calcite.sql.SqlKind.DESCRIPTOR) {
            at++;
        }
        if (at == all.size()) {
            throw new ValidationException(function + " needs DESCRIPTOR(time_column) as its second argument, e.g. "
                    + function + "(TABLE t, DESCRIPTOR(ts), INTERVAL '10' MINUTES)");
        }
        List<RexNode> operands = new ArrayList<>();
        operands.add(null);
        operands.addAll(all.subList(at, all.size()));
        RexNode descriptor = operands.get(1);
        int timeColumn = ((RexInputRef) ((RexCall) descriptor).getOperands().get(0)).getIndex();
        int[] partitionKeys = new int[0];
        if (function.equals("SESSION") && operands.size() > 3) {
            // SESSION(TABLE t, DESCRIPTOR(ts), DESCRIPTOR(keys), gap), as SessionPartitionRewrite leaves a PARTITION BY.
            List<RexNode> keys = ((RexCall) operands.remove(2)).getOperands();
            partitionKeys = keys.stream().mapToInt(k -> ((RexInputRef) k).getIndex()).toArray();
        }
        long first = interval(operands.get(2), function);
        WindowSpec spec;
        switch (function) {
            case "SESSION":
                spec = new WindowSpec(WindowSpec.Kind.SESSION, first, first, 0);
                break;
            case "TUMBLE":
                spec = new WindowSpec(WindowSpec.Kind.TUMBLE, first, first, operands.size() > 3 ? interval(operands.get(3), function) : 0);
                break;
            case "HOP": {
                long size = interval(operands.get(3), function);
                if (size % first != 0) {
                    throw new ValidationException("HOP table function based aggregate requires size must be an integral multiple "
                            + "of slide, but got size " + size + " ms and slide " + first + " ms; choose a size that is a "
                            + "multiple of the slide");
                }
                spec = new WindowSpec(WindowSpec.Kind.HOP, size, first, operands.size() > 4 ? interval(operands.get(4), function) : 0);
                break;
            }
            default: {
                long size = interval(operands.get(3), function);
                if (size % first != 0) {
                    throw new ValidationException("CUMULATE table function based aggregate requires maxSize must be an integral "
                            + "multiple of step, but got maxSize " + size + " ms and step " + first + " ms");
                }
                spec = new WindowSpec(WindowSpec.Kind.CUMULATE, size, first, operands.size() > 4 ? interval(operands.get(4), function) : 0);
            }
        }
        return new WindowCall(spec, timeColumn, function, partitionKeys);
    }

    private static long interval(RexNode node, String function) {
        if (!(node instanceof RexLiteral)) {
            throw new ValidationException("The interval arguments of " + function + " must be literals such as INTERVAL '10' "
                    + "MINUTES");
        }
        long millis = ((RexLiteral) node).getValueAs(BigDecimal.class).longValue();
        if (millis <= 0) {
            throw new ValidationException("The interval arguments of " + function + " must be positive, got " + millis + " ms");
        }
        return millis;
    }

    /** The function's input, checked: its descriptor column must be the input's event-time or processing-time attribute. */
    private Translated input(TableFunctionScan scan, WindowCall call) {
        Translated in = translator.translate(scan.getInputs().get(0));
        if (in.rowtimeIndex() != call.timeColumn() && !procTime(scan, call)) {
            String column = scan.getInputs().get(0).getRowType().getFieldNames().get(call.timeColumn());
            throw new ValidationException("The window function " + call.function() + "(TABLE ..., DESCRIPTOR(" + column
                    + "), ...) requires the timecol to be a time attribute, but '" + column + "' is not one. Declare it with "
                    + "WATERMARK FOR " + column + " AS ... in CREATE TABLE (or .watermark(\"" + column + "\", ...) in the "
                    + "Schema), or as a processing-time attribute (" + column + " AS PROCTIME()), and use that column in "
                    + "DESCRIPTOR");
        }
        if (in.updating()) {
            throw new ValidationException("Window table function " + call.function() + " cannot consume an updating input "
                    + "(the result of a GROUP BY without windows); apply it to an insert-only table");
        }
        return in;
    }

    /**
     * The function's input as a DataStream table's physical columns alone ({@link StreamTranslator#tryPhysicalScan}),
     * when the aggregate reads only picked columns and the window's time is the table's rowtime; null otherwise.
     */
    private Translated physicalInput(TableFunctionScan scan, WindowCall call, Mappings.TargetMapping picked) {
        int columnsRead = 0;
        for (int source = 0; source < picked.getSourceCount(); source++) {
            columnsRead = Math.max(columnsRead, picked.getTargetOpt(source) + 1);
        }
        Translated in = translator.tryPhysicalScan(scan.getInputs().get(0), columnsRead);
        return in != null && in.rowtimeIndex() == call.timeColumn() ? in : null;
    }

    /** Whether the window function's time column is a processing-time attribute ({@code PROCTIME()}). */
    private boolean procTime(TableFunctionScan scan, WindowCall call) {
        return ProcTimeAttributes.isProcTime(scan.getInputs().get(0), call.timeColumn(), translator);
    }

    Translated windowColumns(TableFunctionScan scan) {
        if (!isWindowFunction(scan)) {
            throw new ValidationException("Table function " + scan.getCall() + " is not supported yet; Weir SQL has the window "
                    + "table functions TUMBLE, HOP and CUMULATE");
        }
        WindowCall call = parse(scan);
        Translated in = input(scan, call);
        String name = "WindowTableFunction(window=[" + call.spec().describe() + "])";
        translator.record(name);
        DataStream<Row> out;
        if (call.spec().kind() == WindowSpec.Kind.SESSION) {
            // A row's session is known when the session closes: the rows wait in the session window of their partition key.
            out = in.stream().keyBy(new RowKeySelector(call.partitionKeys())).window(assigner(call.spec(), procTime(scan, call)))
                    .process(new SessionRowsFunction()).name(name);
        } else {
            out = in.stream().flatMap(new WindowColumnsFunction(call.spec(), call.timeColumn())).name(name);
        }
        return new Translated(out, scan.getRowType(), procTime(scan, call) ? -1 : scan.getRowType().getFieldCount() - 1, false);
    }

    /** The window aggregate, or null when {@code aggregate} does not group by a window function's bounds. */
    Translated tryWindowAggregate(Aggregate aggregate) {
        List<RelNode> between = new ArrayList<>();
        RelNode node = belowProjectionsAndFilters(aggregate, between);
        if (!isWindowFunction(node)) {
            return null;
        }
        TableFunctionScan scan = (TableFunctionScan) node;
        int windowStart = scan.getRowType().getFieldCount() - 3;
        int[] groups = aggregate.getGroupSet().toArray();
        int[] mapped = new int[groups.length];
        boolean hasStart = false;
        boolean hasEnd = false;
        for (int i = 0; i < groups.length; i++) {
            mapped[i] = traceToScan(groups[i], between);
            hasStart |= mapped[i] == windowStart;
            hasEnd |= mapped[i] == windowStart + 1;
        }
        if (!hasStart || !hasEnd) {
            return null;
        }
        WindowCall call = parse(scan);
        if (call.spec().kind() == WindowSpec.Kind.SESSION && !groupsByPartitionKeysAlone(call, mapped, windowStart)) {
            // Sessions belong to the PARTITION BY keys; grouped by other columns, they are the table function's rows
            // aggregated by an updating GROUP BY, as Flink plans it.
            return null;
        }
        // Projections that only pick columns need no Calc (and no row per record): the key and the aggregates read
        // the picked columns straight from the table function's input.
        Mappings.TargetMapping picked = pickedColumns(aggregate, between, windowStart);
        Translated in = picked == null ? null : physicalInput(scan, call, picked);
        if (in == null) {
            in = input(scan, call);
        }
        boolean procTime = in.rowtimeIndex() != call.timeColumn();
        DataStream<Row> stream = in.stream();
        RelDataType aggregateInput = aggregate.getInput().getRowType();
        if (picked != null) {
            aggregateInput = scan.getInputs().get(0).getRowType();
        } else {
            RexBuilder rexBuilder = aggregate.getCluster().getRexBuilder();
            for (int i = between.size() - 1; i >= 0; i--) {
                stream = applyWithoutWindowColumns(between.get(i), stream, windowStart, rexBuilder);
            }
        }
        List<Integer> keyFields = new ArrayList<>();
        int[] groupColumns = new int[groups.length];
        for (int i = 0; i < groups.length; i++) {
            int m = mapped[i];
            if (m == windowStart) {
                groupColumns[i] = WindowAggregateOutput.WINDOW_START;
            } else if (m == windowStart + 1) {
                groupColumns[i] = WindowAggregateOutput.WINDOW_END;
            } else if (m == windowStart + 2) {
                groupColumns[i] = WindowAggregateOutput.WINDOW_TIME;
            } else {
                groupColumns[i] = keyFields.size();
                keyFields.add(picked != null ? m : groups[i]);
            }
        }
        int[] keys = keyFields.stream().mapToInt(Integer::intValue).toArray();
        GroupKeySelector keySelector = GroupKeySelector.of(keys, keys.length == 1
                && GroupKeySelector.keysByValue(aggregateInput.getFieldList().get(keys[0]).getType().getSqlTypeName()));
        boolean tableAggregate = TableAggregateTranslator.applies(aggregate);
        String name = (tableAggregate ? "GroupWindowTableAggregate" : "WindowAggregate") + "(groupBy=["
                + StreamTranslator.names(keys, aggregateInput) + "], window=["
                + call.spec().describe() + (procTime ? ", PROCTIME" : "") + "], select=["
                + String.join(", ", aggregate.getRowType().getFieldNames()) + "])";
        List<AggregateCall> aggCalls = picked == null ? aggregate.getAggCallList()
                : aggregate.getAggCallList().stream().map(c -> c.transform(picked)).toList();
        if (call.spec().kind() == WindowSpec.Kind.HOP || call.spec().kind() == WindowSpec.Kind.SESSION) {
            AggCalls.refuseWithoutMerge(aggCalls, call.function());
        }
        LongAggregate integers = tableAggregate ? null : LongAggregate.tryCreate(aggCalls, aggregateInput);
        WindowAggregateOutput output = new WindowAggregateOutput(groupColumns);
        DataStream<Row> out;
        if (integers != null && !procTime && translator.twoPhaseAggregates() && (call.spec().kind() == WindowSpec.Kind.TUMBLE
                || call.spec().kind() == WindowSpec.Kind.HOP)) {
            out = twoPhase(stream, call.spec(), keySelector, integers, output, name);
        } else {
            translator.record(name);
            WindowedStream<Row, Object, TimeWindow> windowed = stream.keyBy(keySelector).window(assigner(call.spec(), procTime));
            out = (tableAggregate ? TableAggregateTranslator.emitPerWindow(windowed, aggCalls, aggregateInput, groupColumns,
                    call.spec().kind() != WindowSpec.Kind.TUMBLE)
                    : integers != null ? windowed.aggregate(integers, output)
                    : windowed.aggregate(new SqlAggregate(translator.aggCalls(aggCalls, aggregateInput)), output)).name(name);
        }
        int rowtime = -1;
        // A processing-time window's window_time is no event-time attribute.
        for (int i = 0; i < groupColumns.length && !procTime; i++) {
            if (groupColumns[i] == WindowAggregateOutput.WINDOW_TIME) {
                rowtime = i;
            }
        }
        return new Translated(out, aggregate.getRowType(), rowtime, false);
    }

    /**
     * The window aggregate in two phases, as Flink plans a window aggregate whose calls all merge: a local aggregate
     * chained to the input sums each subtask's rows per key and slice, and the window operator merges those partials.
     * Only partials cross the exchange, one per key and slice and bundle instead of one per row.
     */
    private DataStream<Row> twoPhase(DataStream<Row> stream, WindowSpec spec, GroupKeySelector keySelector,
            LongAggregate integers, WindowAggregateOutput output, String name) {
        long sliceSize = spec.kind() == WindowSpec.Kind.HOP ? spec.slide() : spec.size();
        translator.record("Local" + name);
        translator.record("Global" + name);
        DataStream<WindowPartial> partials = stream.flatMap(new LocalWindowAggregate(keySelector, integers, sliceSize,
                spec.offset())).name("Local" + name).setParallelism(stream.getParallelism());
        return partials.keyBy(new WindowPartial.Key()).window(assigner(spec, false))
                .aggregate(new GlobalWindowAggregate(integers), output).name("Global" + name);
    }

    /**
     * When every projection between the table function and the aggregate only picks columns and every grouping column
     * and aggregate argument is a picked column of the function's input (or a window bound, for grouping), the mapping
     * from the aggregate's input columns to the function's input columns; null otherwise.
     */
    private static Mappings.TargetMapping pickedColumns(Aggregate aggregate, List<RelNode> between, int windowStart) {
        if (between.isEmpty() || between.stream().anyMatch(node -> !(node instanceof Project))) {
            return null;
        }
        int columns = aggregate.getInput().getRowType().getFieldCount();
        Mappings.TargetMapping mapping = Mappings.create(MappingType.PARTIAL_FUNCTION, columns, windowStart);
        for (int group : aggregate.getGroupSet()) {
            int traced = traceToScan(group, between);
            if (traced < 0) {
                return null;
            }
            if (traced < windowStart) {
                mapping.set(group, traced);
            }
        }
        for (AggregateCall call : aggregate.getAggCallList()) {
            List<Integer> used = new ArrayList<>(call.getArgList());
            if (call.filterArg >= 0) {
                used.add(call.filterArg);
            }
            for (int column : used) {
                int traced = traceToScan(column, between);
                if (traced < 0 || traced >= windowStart) {
                    return null;
                }
                mapping.set(column, traced);
            }
        }
        return mapping;
    }

    /** Whether the GROUP BY's columns besides the window bounds are exactly the session's PARTITION BY columns. */
    private static boolean groupsByPartitionKeysAlone(WindowCall call, int[] mapped, int windowStart) {
        java.util.Set<Integer> grouped = new java.util.HashSet<>();
        for (int m : mapped) {
            if (m < 0 || m < windowStart) {
                grouped.add(m);
            }
        }
        java.util.Set<Integer> partition = new java.util.HashSet<>();
        for (int k : call.partitionKeys()) {
            partition.add(k);
        }
        return grouped.equals(partition);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WindowAssigner<Object, TimeWindow> assigner(WindowSpec spec, boolean procTime) {
        if (procTime) {
            // Processing-time windows: a row belongs to the windows of the moment it arrives, fired by processing-time
            // timers; as in Flink, windows still open at the end of bounded input do not fire.
            switch (spec.kind()) {
                case SESSION:
                    return (WindowAssigner) ProcessingTimeSessionWindows.withGap(Duration.ofMillis(spec.size()));
                case TUMBLE:
                    return (WindowAssigner) TumblingProcessingTimeWindows.of(Duration.ofMillis(spec.size()),
                            Duration.ofMillis(spec.offset()));
                case HOP:
                    return (WindowAssigner) SlidingProcessingTimeWindows.of(Duration.ofMillis(spec.size()),
                            Duration.ofMillis(spec.slide()), Duration.ofMillis(spec.offset()));
                default:
                    return new CumulativeProcessingTimeWindows(spec);
            }
        }
        switch (spec.kind()) {
            case SESSION:
                return (WindowAssigner) EventTimeSessionWindows.withGap(Duration.ofMillis(spec.size()));
            case TUMBLE:
                return (WindowAssigner) TumblingEventTimeWindows.of(Duration.ofMillis(spec.size()), Duration.ofMillis(spec.offset()));
            case HOP:
                return (WindowAssigner) SlidingEventTimeWindows.of(Duration.ofMillis(spec.size()), Duration.ofMillis(spec.slide()),
                        Duration.ofMillis(spec.offset()));
            default:
                return new CumulativeEventTimeWindows(spec);
        }
    }

    /**
     * Whether column {@code column} of {@code node} is the {@code window_time} of a processing-time window, which Flink
     * keeps a PROCTIME attribute: of the window table function itself, or of a window aggregate grouped by it.
     */
    boolean isProcTimeWindowTime(RelNode node, int column) {
        if (isWindowFunction(node)) {
            TableFunctionScan scan = (TableFunctionScan) node;
            return column == scan.getRowType().getFieldCount() - 1 && procTime(scan, parse(scan));
        }
        if (!(node instanceof Aggregate) || column >= ((Aggregate) node).getGroupCount()) {
            return false;
        }
        Aggregate aggregate = (Aggregate) node;
        List<RelNode> between = new ArrayList<>();
        RelNode input = belowProjectionsAndFilters(aggregate, between);
        if (!isWindowFunction(input)) {
            return false;
        }
        int traced = traceToScan(aggregate.getGroupSet().toArray()[column], between);
        return traced >= 0 && isProcTimeWindowTime(input, traced);
    }

    /**
     * The windows of {@code node} when it is an event-time TUMBLE, HOP or CUMULATE table function, whose bounds a
     * cascaded window aggregate or a window join may be attached to; null otherwise.
     */
    WindowSpec eventTimeWindows(RelNode node) {
        if (!isWindowFunction(node)) {
            return null;
        }
        TableFunctionScan scan = (TableFunctionScan) node;
        WindowCall call = parse(scan);
        return call.spec().kind() == WindowSpec.Kind.SESSION || procTime(scan, call) ? null : call.spec();
    }

    /** The first node under {@code aggregate} that is no projection or filter; those passed are added to {@code between}. */
    private static RelNode belowProjectionsAndFilters(Aggregate aggregate, List<RelNode> between) {
        RelNode node = aggregate.getInput();
        while (node instanceof Project || node instanceof Filter) {
            between.add(node);
            node = node.getInput(0);
        }
        return node;
    }

    /** The table function's column that aggregate-input column {@code column} passes through from, or -1. */
    private static int traceToScan(int column, List<RelNode> between) {
        int c = column;
        for (RelNode node : between) {
            if (node instanceof Project) {
                RexNode e = ((Project) node).getProjects().get(c);
                if (!(e instanceof RexInputRef)) {
                    return -1;
                }
                c = ((RexInputRef) e).getIndex();
            }
        }
        return c;
    }

    /**
     * A projection or filter between the table function and the aggregate, run on the function's input: references to
     * the window columns (not materialized yet) read NULL; they may only be passed through to the GROUP BY.
     */
    private DataStream<Row> applyWithoutWindowColumns(RelNode node, DataStream<Row> stream, int windowStart, RexBuilder rexBuilder) {
        RexShuttle withoutWindow = new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return ref.getIndex() >= windowStart ? rexBuilder.makeNullLiteral(ref.getType()) : ref;
            }
        };
        Expr condition = null;
        Expr[] projections = null;
        if (node instanceof Filter) {
            RexNode c = ((Filter) node).getCondition();
            if (!c.accept(withoutWindow).equals(c)) {
                throw new ValidationException("A WHERE condition on window_start, window_end or window_time below a window "
                        + "aggregate is not supported yet; filter in HAVING or in an outer query");
            }
            condition = translator.compiler().compile(c);
        } else {
            List<RexNode> projects = ((Project) node).getProjects();
            projections = new Expr[projects.size()];
            for (int i = 0; i < projections.length; i++) {
                RexNode p = projects.get(i);
                RexNode replaced = p.accept(withoutWindow);
                if (!replaced.equals(p) && !(p instanceof RexInputRef)) {
                    throw new ValidationException("Expressions on window_start, window_end or window_time below a window "
                            + "aggregate are not supported yet; group by the window columns themselves and compute in an outer query");
                }
                projections[i] = translator.compiler().compile(replaced);
            }
        }
        String name = StreamTranslator.describeCalc(node instanceof Project ? ((Project) node).getProjects() : null,
                node instanceof Filter ? ((Filter) node).getCondition() : null, node.getInput(0).getRowType(), node.getRowType());
        translator.record(name);
        return stream.flatMap(new CalcFunction(condition, projections)).name(name);
    }
}
