package dev.weir.sql.plan;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.expr.Expr;
import dev.weir.sql.expr.ExprCompiler;
import dev.weir.sql.expr.OperatorWatermark;
import dev.weir.sql.runtime.CalcFunction;
import dev.weir.sql.runtime.GroupAggregateFunction;
import dev.weir.sql.runtime.GroupKeySelector;
import dev.weir.sql.runtime.WatermarkCalcFunction;
import dev.weir.sql.runtime.agg.AggCall;
import dev.weir.sql.runtime.agg.AggCalls;
import dev.weir.sql.runtime.agg.LongAggregate;
import dev.weir.sql.runtime.agg.SqlAggregate;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.TableException;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Translates Calcite's logical plan into Weir operators on the public DataStream API: scans to connector sources
 * with computed columns and watermarks, projections and filters to one compiled {@link CalcFunction}, window
 * table functions with a GROUP BY to Weir's window operators (the slicing operator for TUMBLE and HOP), other
 * GROUP BYs to a keyed, retracting {@link GroupAggregateFunction}, UNION ALL to a union, VALUES to a bounded source,
 * an ORDER BY to Flink's temporal sort or, with a LIMIT, to its Top-N ({@link SortTranslator}).
 * Whatever it cannot translate fails here, at planning time, naming what to write instead. It records the
 * operators it adds, for EXPLAIN.
 */
public final class StreamTranslator {
    private final StreamExecutionEnvironment env;
    private final SessionCatalog catalog;
    private final SqlPlanner planner;
    private final ZoneId zone;
    private final List<String> operators = new ArrayList<>();
    private ExprCompiler compiler;
    private CallPlaces places;
    private java.time.Duration stateTtl = java.time.Duration.ZERO;
    private boolean twoPhaseAggregates = true;
    private boolean reuseSources = true;
    /** Each table's scan once translated, for the other scans of it when sources are reused. */
    private final java.util.Map<CatalogTable, Translated> scans = new java.util.IdentityHashMap<>();
    /** The tables translated so far whose scans emit only inserts. */
    private final java.util.Set<CatalogTable> insertOnlyTables = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The window aggregates translated so far, for identical ones (Flink's sub-plan reuse). */
    private final WindowAggregateReuse windowAggregates = new WindowAggregateReuse();
    private boolean reuseSubPlans = true;
    /** What the query reads of each table, from its root: the first {@link #translate} call. */
    private ScanReads reads;

    public StreamTranslator(StreamExecutionEnvironment env, SessionCatalog catalog, SqlPlanner planner, ZoneId zone) {
        this.env = env;
        this.catalog = catalog;
        this.planner = planner;
        this.zone = zone;
    }

    /** Sets {@code table.exec.state.ttl}: how long stateful operators keep a key's rows unwritten (zero: forever). */
    public StreamTranslator withStateTtl(java.time.Duration ttl) {
        this.stateTtl = ttl;
        return this;
    }

    java.time.Duration stateTtl() {
        return stateTtl;
    }

    /**
     * Sets {@code table.optimizer.agg-phase-strategy}: AUTO and TWO_PHASE let a window aggregate whose calls all merge
     * run as a local and a global phase, as Flink plans it; ONE_PHASE keeps every aggregate in one operator.
     */
    public StreamTranslator withAggPhaseStrategy(String strategy) {
        switch (strategy.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "AUTO", "TWO_PHASE" -> twoPhaseAggregates = true;
            case "ONE_PHASE" -> twoPhaseAggregates = false;
            default -> throw new ValidationException("Invalid value '" + strategy
                    + "' for option 'table.optimizer.agg-phase-strategy': write AUTO, ONE_PHASE or TWO_PHASE");
        }
        return this;
    }

    /**
     * Sets {@code table.optimizer.reuse-source-enabled} (Flink's default: true): the scans of one table in a query share
     * one source, its computed columns and its watermarks, as Flink's planner reuses them; false gives each scan its own.
     */
    public StreamTranslator withSourceReuse(boolean reuse) {
        this.reuseSources = reuse;
        return this;
    }

    /**
     * Sets {@code table.optimizer.reuse-sub-plan-enabled} (Flink's default: true): identical window aggregates of one
     * query run once and feed every place that reads them; false runs each as written.
     */
    public StreamTranslator withSubPlanReuse(boolean reuse) {
        this.reuseSubPlans = reuse;
        return this;
    }

    boolean twoPhaseAggregates() {
        return twoPhaseAggregates;
    }

    /** The Weir operators added so far, one line each, sources first. */
    public List<String> operators() {
        return operators;
    }

    /** Refusals name the place of the refused call as {@code places} recorded it (null: by RefusalPlaces' search only). */
    StreamTranslator placing(CallPlaces places) {
        this.places = places;
        return this;
    }

    public Translated translate(RelNode rel) {
        if (reads == null) {
            reads = ScanReads.of(rel, scan -> catalog.get(scan.getTable().getQualifiedName().get(
                    scan.getTable().getQualifiedName().size() - 1)) instanceof CatalogTable t ? t : null);
        }
        try {
            return translateNode(rel);
        } catch (ValidationException e) {
            // The innermost node whose expressions hold the refused call names its place; outer ones pass it on.
            throw RefusalPlaces.locatedIn(e, rel, places);
        }
    }

    private Translated translateNode(RelNode rel) {
        if (compiler == null) {
            compiler = new ExprCompiler(rel.getCluster().getRexBuilder(), zone);
        }
        if (rel instanceof TableScan) {
            return scan((TableScan) rel);
        }
        if (rel instanceof Project || rel instanceof Filter) {
            // Window Top-N first: a ROW_NUMBER over window_start/window_end is ranked per window, not as an updating Top-N.
            Translated topN = new WindowTopNTranslator(this).tryTranslate(rel);
            if (topN != null) {
                return topN;
            }
        }
        Translated ranked = new RankTranslator(this).tryTranslate(rel);
        if (ranked != null) {
            return ranked;
        }
        if (OverTranslator.hasOver(rel)) {
            return new OverTranslator(this).translate((Project) rel);
        }
        if (rel instanceof Project project) {
            return calc(JoinInputTrim.apply(project, new WindowJoinTranslator(this)));
        }
        if (rel instanceof Filter) {
            return calc(rel);
        }
        if (rel instanceof TableFunctionScan scan && ChangelogTranslator.applies(scan)) {
            return new ChangelogTranslator(this).translate(scan);
        }
        if (rel instanceof TableFunctionScan) {
            return new WindowTranslator(this).windowColumns((TableFunctionScan) rel);
        }
        if (rel instanceof Aggregate) {
            Aggregate aggregate = (Aggregate) rel;
            if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
                throw new ValidationException("GROUPING SETS, ROLLUP and CUBE are not supported yet; write one GROUP BY per "
                        + "grouping and combine them with UNION ALL");
            }
            if (TableAggregateTranslator.applies(aggregate)) {
                return new TableAggregateTranslator(this).translate(aggregate);
            }
            Translated windowed = reuseSubPlans ? windowAggregates.reused(aggregate) : null;
            if (windowed != null) {
                record("Reused(WindowAggregate(select=[" + String.join(", ", aggregate.getRowType().getFieldNames()) + "]))");
                return windowed;
            }
            windowed = new WindowTranslator(this).tryWindowAggregate(aggregate);
            if (windowed == null) {
                windowed = new CascadedWindowAggregateTranslator(this).tryTranslate(aggregate);
            }
            if (windowed != null) {
                windowAggregates.remember(aggregate, windowed);
            }
            return windowed != null ? windowed : groupAggregate(aggregate);
        }
        if (rel instanceof org.apache.calcite.rel.core.Join) {
            Translated windowJoin = new WindowJoinTranslator(this).tryTranslate((org.apache.calcite.rel.core.Join) rel);
            if (windowJoin != null) {
                return windowJoin;
            }
        }
        if (rel instanceof org.apache.calcite.rel.core.Correlate) {
            Translated temporal = new TemporalJoinTranslator(this).tryTranslate((org.apache.calcite.rel.core.Correlate) rel);
            if (temporal != null) {
                return temporal;
            }
            return new CorrelateTranslator(this).translate((org.apache.calcite.rel.core.Correlate) rel);
        }
        if (rel instanceof org.apache.calcite.rel.core.Join) {
            return new JoinTranslator(this).translate((org.apache.calcite.rel.core.Join) rel);
        }
        if (rel instanceof Union) {
            return union((Union) rel);
        }
        if (rel instanceof Values) {
            return values((Values) rel);
        }
        if (rel instanceof org.apache.calcite.rel.core.Match match) {
            return new MatchTranslator(this).translate(match);
        }
        if (rel instanceof org.apache.calcite.rel.core.Sort sort) {
            return new SortTranslator(this).translate(sort);
        }
        throw unsupported(rel);
    }

    private static ValidationException unsupported(RelNode rel) {
        String what = rel.getRelTypeName().replace("Logical", "");
        String hint;
        switch (what) {
            case "Sort":
                hint = "this ORDER BY or LIMIT is not supported on a streaming table";
                break;
            case "Correlate":
                hint = "LATERAL joins and correlated subqueries are not supported by Weir SQL yet; join on a key instead";
                break;
            case "Window":
                hint = "OVER aggregations are not supported yet; use a window table function (TUMBLE, HOP, CUMULATE) with "
                        + "GROUP BY";
                break;
            case "Intersect":
            case "Minus":
                hint = "INTERSECT and EXCEPT are not supported yet";
                break;
            default:
                hint = "this query shape (" + what + ") is not supported by Weir SQL yet";
        }
        return new ValidationException("Weir cannot run this query: " + hint + ".");
    }

    ExprCompiler compiler() {
        return compiler;
    }

    /** Each of {@code nodes} compiled. */
    Expr[] compile(List<RexNode> nodes) {
        Expr[] exprs = new Expr[nodes.size()];
        for (int i = 0; i < exprs.length; i++) {
            exprs[i] = compiler.compile(nodes.get(i));
        }
        return exprs;
    }

    StreamExecutionEnvironment env() {
        return env;
    }

    void record(String operator) {
        operators.add(operator);
    }

    /** Whether the table {@code scan} reads was translated and emits only inserts (for {@link UpdateFastRank}). */
    boolean scannedInsertOnly(TableScan scan) {
        return insertOnlyTables.contains(catalogTable(scan));
    }

    private Translated scan(TableScan scan) {
        CatalogTable table = catalogTable(scan);
        Translated translated = sharedScan(table, scan);
        if (!translated.updating()) {
            insertOnlyTables.add(table);
        }
        return translated;
    }

    private Translated sharedScan(CatalogTable table, TableScan scan) {
        if (!reuseSources) {
            return new SourceTranslator(this, planner).scan(table, scan.getRowType());
        }
        // A self-join or several views over one table (Nexmark's person, auction and bid over datagen) read the table
        // once: a second source would generate or fetch every record again.
        Translated shared = scans.get(table);
        if (shared == null) {
            shared = new SourceTranslator(this, planner).scan(table, scan.getRowType());
            scans.put(table, shared);
        } else {
            record("Reused(table=[" + table.name() + "])");
        }
        return shared;
    }

    /**
     * {@link SourceTranslator#physicalScan} of the DataStream table that {@code rel} scans (through identity
     * projections), for a consumer reading only columns below {@code columnsRead}; null when {@code rel} is no such
     * scan or the table has no physical form.
     */
    Translated tryPhysicalScan(RelNode rel, int columnsRead) {
        RelNode node = rel;
        while (node instanceof Project && isIdentity(((Project) node).getProjects(), node.getInput(0).getRowType())) {
            node = node.getInput(0);
        }
        if (!(node instanceof TableScan)) {
            return null;
        }
        Translated physical = new SourceTranslator(this, planner).physicalScan(catalogTable((TableScan) node),
                node.getRowType(), columnsRead);
        return physical == null ? null : new Translated(physical.stream(), rel.getRowType(), physical.rowtimeIndex(), false);
    }

    /** What the query reads of {@code table}'s source columns; null when the analysis did not see it scanned. */
    dev.weir.sql.connector.ReadFields reads(CatalogTable table) {
        return reads == null ? null : reads.of(table);
    }

    CatalogTable catalogTable(TableScan scan) {
        List<String> path = scan.getTable().getQualifiedName();
        String name = path.get(path.size() - 1);
        Object entry = catalog.get(name);
        if (!(entry instanceof CatalogTable)) {
            throw new TableException("Table '" + name + "' is not in the catalog any more");
        }
        return (CatalogTable) entry;
    }

    /** A Project over an optional Filter, or a Filter alone, with those below it ({@link CalcChain}), as one compiled step. */
    private Translated calc(RelNode rel) {
        CalcChain chain = CalcChain.of(rel, rel.getCluster().getRexBuilder());
        RexNode condition = chain.condition();
        List<RexNode> projects = chain.projects();
        RelNode input = chain.input();
        Translated fused = new PojoScanCalcTranslator(this).tryFuse(rel, chain);
        if (fused != null) {
            return fused;
        }
        // A projection that reads only a DataStream table's physical columns reads its elements' rows as they are.
        Translated in = projects == null ? null
                : tryPhysicalScan(input, org.apache.calcite.plan.RelOptUtil.InputFinder.bits(projects, condition).length());
        if (in == null) {
            in = translate(input);
        }
        OperatorWatermark watermark = new OperatorWatermark();
        compiler.beginCalc(watermark);
        Expr compiledCondition = condition == null ? null : compiler.compile(condition);
        Expr[] compiledProjects = null;
        int rowtime = condition != null && projects == null ? in.rowtimeIndex() : -1;
        if (projects != null && !isIdentity(projects, in.rowType())) {
            compiledProjects = new Expr[projects.size()];
            for (int i = 0; i < compiledProjects.length; i++) {
                compiledProjects[i] = compiler.compile(projects.get(i));
                if (in.rowtimeIndex() >= 0 && passesThrough(projects.get(i), in.rowtimeIndex())) {
                    rowtime = i;
                }
            }
        } else if (projects != null) {
            rowtime = in.rowtimeIndex();
        }
        boolean readsWatermark = compiler.endCalc();
        if (compiledCondition == null && compiledProjects == null) {
            return new Translated(in.stream(), rel.getRowType(), rowtime, in.updating());
        }
        String name = describeCalc(projects, condition, input.getRowType(), rel.getRowType());
        record(name);
        CalcFunction calc = new CalcFunction(compiledCondition, compiledProjects);
        DataStream<Row> out = readsWatermark ? in.stream().process(new WatermarkCalcFunction(calc, watermark)).name(name)
                : in.stream().flatMap(calc).name(name);
        return new Translated(out, rel.getRowType(), rowtime, in.updating());
    }

    static boolean passesThrough(RexNode node, int index) {
        if (node instanceof RexInputRef) {
            return ((RexInputRef) node).getIndex() == index;
        }
        if (node instanceof RexCall && (node.getKind() == org.apache.calcite.sql.SqlKind.CAST
                || node.getKind() == org.apache.calcite.sql.SqlKind.REINTERPRET)) {
            RexNode operand = ((RexCall) node).getOperands().get(0);
            return operand instanceof RexInputRef && ((RexInputRef) operand).getIndex() == index
                    && node.getType().getSqlTypeName() == operand.getType().getSqlTypeName();
        }
        return false;
    }

    static boolean isIdentity(List<RexNode> projects, RelDataType inputType) {
        if (projects.size() != inputType.getFieldCount()) {
            return false;
        }
        for (int i = 0; i < projects.size(); i++) {
            if (!(projects.get(i) instanceof RexInputRef) || ((RexInputRef) projects.get(i)).getIndex() != i) {
                return false;
            }
        }
        return true;
    }

    static String describeCalc(List<RexNode> projects, RexNode condition, RelDataType inputType, RelDataType outputType) {
        StringBuilder sb = new StringBuilder("Calc(select=[");
        if (projects == null) {
            sb.append(String.join(", ", inputType.getFieldNames()));
        } else {
            for (int i = 0; i < projects.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                String e = describe(projects.get(i), inputType);
                String n = outputType.getFieldNames().get(i);
                sb.append(e.equals(n) ? e : e + " AS " + n);
            }
        }
        sb.append(']');
        if (condition != null) {
            sb.append(", where=[").append(describe(condition, inputType)).append(']');
        }
        return sb.append(')').toString();
    }

    /** A RexNode with input references written as column names. */
    static String describe(RexNode node, RelDataType inputType) {
        if (node instanceof RexInputRef) {
            return inputType.getFieldNames().get(((RexInputRef) node).getIndex());
        }
        if (node instanceof RexCall) {
            RexCall call = (RexCall) node;
            StringBuilder sb = new StringBuilder(call.getOperator().getName()).append('(');
            for (int i = 0; i < call.getOperands().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(describe(call.getOperands().get(i), inputType));
            }
            return sb.append(')').toString();
        }
        return node.toString();
    }

    private Translated groupAggregate(Aggregate aggregate) {
        Translated in = translate(aggregate.getInput());
        int[] keys = aggregate.getGroupSet().toArray();
        // Only an updating input retracts (GroupAggregateFunction retracts on -U/-D alone), so over an insert-only
        // input MIN/MAX keep just the extreme, as Flink's MaxAggFunction does, not every value.
        AggCall[] calls = aggCalls(aggregate, in.updating());
        String name = "GroupAggregate(groupBy=[" + names(keys, aggregate.getInput().getRowType()) + "], select=["
                + String.join(", ", aggregate.getRowType().getFieldNames()) + "])";
        record(name);
        boolean byValue = keys.length == 1
                && GroupKeySelector.keysByValue(aggregate.getInput().getRowType().getFieldList().get(keys[0]).getType().getSqlTypeName());
        // Over an insert-only input, integer COUNT/SUM/AVG/MIN/MAX calls keep one long[] per key (Nexmark q17, q4's MAX).
        LongAggregate integers = in.updating() ? null
                : LongAggregate.tryCreate(aggregate.getAggCallList(), aggregate.getInput().getRowType());
        GroupAggregateFunction function = integers != null ? new GroupAggregateFunction(integers, keys)
                : new GroupAggregateFunction(new SqlAggregate(calls), keys);
        DataStream<Row> out = in.stream().keyBy(GroupKeySelector.of(keys, byValue)).process(function).name(name);
        return new Translated(out, aggregate.getRowType(), -1, true);
    }

    AggCall[] aggCalls(Aggregate aggregate, boolean retracting) {
        List<AggregateCall> list = aggregate.getAggCallList();
        AggCall[] calls = new AggCall[list.size()];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = AggCalls.of(list.get(i), aggregate.getInput().getRowType(), retracting);
        }
        return calls;
    }

    /** The runtime calls of the insert-only aggregate {@code calls} over rows of {@code inputType}. */
    AggCall[] aggCalls(List<AggregateCall> calls, RelDataType inputType) {
        AggCall[] result = new AggCall[calls.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = AggCalls.of(calls.get(i), inputType, false);
        }
        return result;
    }

    static String names(int[] fields, RelDataType type) {
        List<String> names = new ArrayList<>();
        for (int f : fields) {
            names.add(type.getFieldNames().get(f));
        }
        return String.join(", ", names);
    }

    private Translated union(Union union) {
        if (!union.all) {
            throw new ValidationException("UNION without ALL is not supported yet; write UNION ALL, and SELECT DISTINCT over it "
                    + "if duplicates must go");
        }
        List<Translated> inputs = new ArrayList<>();
        boolean updating = false;
        for (RelNode input : union.getInputs()) {
            Translated t = translate(input);
            inputs.add(t);
            updating |= t.updating();
        }
        DataStream<Row> first = inputs.get(0).stream();
        @SuppressWarnings("unchecked")
        DataStream<Row>[] rest = new DataStream[inputs.size() - 1];
        for (int i = 1; i < inputs.size(); i++) {
            rest[i - 1] = inputs.get(i).stream();
        }
        record("Union(all=[true])");
        int rowtime = inputs.get(0).rowtimeIndex();
        for (Translated t : inputs) {
            if (t.rowtimeIndex() != rowtime) {
                rowtime = -1;
            }
        }
        return new Translated(first.union(rest), union.getRowType(), rowtime, updating);
    }

    private Translated values(Values values) {
        List<Row> rows = new ArrayList<>();
        for (List<RexLiteral> tuple : values.getTuples()) {
            Row row = new Row(tuple.size());
            for (int i = 0; i < tuple.size(); i++) {
                row.setField(i, ExprCompiler.literal(tuple.get(i)));
            }
            rows.add(row);
        }
        record("Values(tuples=" + rows.size() + ")");
        DataStream<Row> stream = env.fromData(rows).name("Values");
        return new Translated(stream, values.getRowType(), -1, false);
    }
}
