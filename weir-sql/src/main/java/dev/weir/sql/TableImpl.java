package dev.weir.sql;

import dev.weir.sql.tableapi.Node;
import dev.weir.sql.tableapi.OperationSql;
import dev.weir.sql.tableapi.SqlRendering;
import dev.weir.table.api.AggregatedTable;
import dev.weir.table.api.FlatAggregateTable;
import dev.weir.table.api.GroupWindow;
import dev.weir.table.api.GroupWindowedTable;
import dev.weir.table.api.GroupedTable;
import dev.weir.table.api.OverWindow;
import dev.weir.table.api.OverWindowedTable;
import dev.weir.table.api.SqlParserException;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableException;

import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TablePipeline;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.WindowGroupedTable;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.expressions.Expression;
import dev.weir.table.functions.UserDefinedFunction;
import java.util.List;
import java.util.Locale;

/**
 * A planned query of a {@link TableEnvironmentImpl}: its SQL text and result schema. Its {@link #toString()} is, as in
 * Flink, the name of an anonymous view of it, so {@code "SELECT * FROM " + table} works in SQL. Each relational
 * operation renders its SQL over that view ({@link OperationSql}) and plans it into a new table.
 */
final class TableImpl implements Table {
    private final TableEnvironmentImpl environment;
    private final String sql;
    private final ResolvedSchema schema;
    /** For a table made by {@code orderBy}: the sorted input's view and the ORDER BY clause; null otherwise. */
    private final String sortInput;
    private final String orderBy;
    /** For a table made by {@code orderBy(..).offset(n)}: n, the rows a later {@code fetch} skips; 0 otherwise. */
    private final long sortOffset;
    /** The columns the ORDER BY names, when it names columns only; null otherwise. */
    private final List<String> sortColumns;
    private String registeredName;

    TableImpl(TableEnvironmentImpl environment, String sql, ResolvedSchema schema) {
        this(environment, sql, schema, null, null, 0, null);
    }

    private TableImpl(TableEnvironmentImpl environment, String sql, ResolvedSchema schema, String sortInput, String orderBy,
            long sortOffset, List<String> sortColumns) {
        this.environment = environment;
        this.sql = sql;
        this.schema = schema;
        this.sortInput = sortInput;
        this.orderBy = orderBy;
        this.sortOffset = sortOffset;
        this.sortColumns = sortColumns;
    }

    String sql() {
        return sql;
    }

    TableEnvironmentImpl environment() {
        return environment;
    }

    @Override
    public ResolvedSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public void printSchema() {
        System.out.println(schema);
    }

    @Override
    public TableResult execute() {
        if (orderBy != null) {
            try {
                return environment.executeQuery(sql);
            } catch (ValidationException e) {
                throw new ValidationException("Table.orderBy(..) failed: " + e.getMessage() + " A streaming table sorts on an "
                        + "ascending time attribute first, or as a Top-N: add fetch(n)", e);
            }
        }
        return environment.executeQuery(sql);
    }

    @Override
    public TableResult executeInsert(String tablePath) {
        return environment.executeInsert(tablePath, sql);
    }

    // ---- the relational operations of the Table API

    @Override
    public Table select(Expression... fields) {
        return keepingOrder(o -> o.select(fields), "select");
    }

    @Override
    public Table filter(Expression predicate) {
        return keepingOrder(o -> o.filter(predicate), "filter");
    }

    @Override
    public Table where(Expression predicate) {
        return keepingOrder(o -> o.filter(predicate), "where");
    }

    @Override
    public GroupedTable groupBy(Expression... fields) {
        List<Expression> keys = List.of(fields);
        return new GroupedTable() {
            @Override
            public Table select(Expression... select) {
                return derive(operations().groupBySelect(keys, select), "groupBy(..).select");
            }

            @Override
            public AggregatedTable aggregate(Expression aggregateFunction) {
                return RowBasedOperations.aggregate(TableImpl.this, keys, null, aggregateFunction);
            }

            @Override
            public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
                return RowBasedOperations.flatAggregate(TableImpl.this, keys, null, tableAggregateFunction);
            }
        };
    }

    @Override
    public Table map(Expression scalarFunction) {
        return RowBasedOperations.map(this, scalarFunction);
    }

    @Override
    public AggregatedTable aggregate(Expression aggregateFunction) {
        return RowBasedOperations.aggregate(this, List.of(), null, aggregateFunction);
    }

    @Override
    public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
        return RowBasedOperations.flatAggregate(this, List.of(), null, tableAggregateFunction);
    }

    @Override
    public Table distinct() {
        return derive(operations().distinct(), "distinct");
    }

    @Override
    public Table as(String field, String... fields) {
        List<String> names = new java.util.ArrayList<>();
        names.add(field);
        names.addAll(List.of(fields));
        return keepingOrder(o -> o.as(names), "as");
    }

    @Override
    public Table addColumns(Expression... fields) {
        return keepingOrder(o -> o.addColumns(false, fields), "addColumns");
    }

    @Override
    public Table addOrReplaceColumns(Expression... fields) {
        return keepingOrder(o -> o.addColumns(true, fields), "addOrReplaceColumns");
    }

    @Override
    public Table renameColumns(Expression... fields) {
        return keepingOrder(o -> o.renameColumns(fields), "renameColumns");
    }

    @Override
    public Table dropColumns(Expression... fields) {
        return keepingOrder(o -> o.dropColumns(fields), "dropColumns");
    }

    @Override
    public Table join(Table right) {
        return join("INNER", right, null, "join");
    }

    @Override
    public Table join(Table right, Expression joinPredicate) {
        return join("INNER", right, joinPredicate, "join");
    }

    @Override
    public Table leftOuterJoin(Table right) {
        return join("LEFT", right, null, "leftOuterJoin");
    }

    @Override
    public Table leftOuterJoin(Table right, Expression joinPredicate) {
        return join("LEFT", right, joinPredicate, "leftOuterJoin");
    }

    @Override
    public Table rightOuterJoin(Table right, Expression joinPredicate) {
        return join("RIGHT", right, joinPredicate, "rightOuterJoin");
    }

    @Override
    public Table fullOuterJoin(Table right, Expression joinPredicate) {
        return join("FULL", right, joinPredicate, "fullOuterJoin");
    }

    private Table join(String type, Table right, Expression condition, String call) {
        TableImpl other = sameEnvironment(right, call);
        return derive(operations().join(type, other.toString(), other.schema.getColumnNames(), condition), call);
    }

    @Override
    public Table joinLateral(Expression tableFunctionCall) {
        return derive(operations().joinLateral(tableFunctionCall, null, false), "joinLateral");
    }

    @Override
    public Table joinLateral(Expression tableFunctionCall, Expression joinPredicate) {
        return derive(operations().joinLateral(tableFunctionCall, joinPredicate, false), "joinLateral");
    }

    @Override
    public Table leftOuterJoinLateral(Expression tableFunctionCall) {
        return derive(operations().joinLateral(tableFunctionCall, null, true), "leftOuterJoinLateral");
    }

    @Override
    public Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate) {
        return derive(operations().joinLateral(tableFunctionCall, joinPredicate, true), "leftOuterJoinLateral");
    }

    @Override
    public Table flatMap(Expression tableFunction) {
        Table flat = derive(operations().flatMap(tableFunction), "flatMap");
        // As in Flink, the one column of a function of an atomic type (named f0 in SQL) is EXPR$0 unless aliased.
        if (flat.getResolvedSchema().getColumnNames().equals(List.of("f0"))
                && SqlRendering.node(tableFunction).kind() != dev.weir.sql.tableapi.Node.Kind.ALIAS) {
            return derive("SELECT `f0` AS `EXPR$0` FROM " + flat, "flatMap");
        }
        return flat;
    }

    @Override
    public Table union(Table right) {
        throw unboundedSetOperation("UNION", right);
    }

    @Override
    public Table unionAll(Table right) {
        return derive(operations().unionAll(sameEnvironment(right, "unionAll").toString()), "unionAll");
    }

    @Override
    public Table intersect(Table right) {
        throw unboundedSetOperation("INTERSECT", right);
    }

    @Override
    public Table intersectAll(Table right) {
        throw unboundedSetOperation("INTERSECT", right);
    }

    @Override
    public Table minus(Table right) {
        throw unboundedSetOperation("MINUS", right);
    }

    @Override
    public Table minusAll(Table right) {
        throw unboundedSetOperation("MINUS", right);
    }

    /** Flink's Table API refuses set operations but UNION ALL in streaming mode, the only mode Weir has. */
    private ValidationException unboundedSetOperation(String operation, Table right) {
        sameEnvironment(right, operation.toLowerCase(Locale.ROOT));
        return new ValidationException("The " + operation + " operation on two unbounded tables is currently not supported; "
                + "use unionAll, or a join or an aggregate over it");
    }

    @Override
    public Table orderBy(Expression... fields) {
        String clause = operations().orderBy(fields);
        String input = toString();
        List<String> columns = new java.util.ArrayList<>();
        for (Expression field : fields) {
            Node node = SqlRendering.node(field);
            Node key = node.kind() == Node.Kind.ORDER ? node.args().get(0) : node;
            if (key.kind() != Node.Kind.FIELD) {
                columns = null;
                break;
            }
            columns.add(key.name());
        }
        // Planned once offset or fetch make it a Top-N, or when it is used: a sort alone has the input's schema.
        return new TableImpl(environment, "SELECT * FROM " + input + clause, schema, input, clause, 0, columns);
    }

    /**
     * An operation that keeps each row as one row (or none), so it commutes with a sort: after {@code orderBy(..)} it
     * applies to the sorted input and the sort to its result, the rows and their order Flink's plan (a sort, then a
     * calc) gives. While the result keeps the sort's columns, it stays sorted for the next such operation.
     */
    private Table keepingOrder(java.util.function.Function<OperationSql, String> operation, String call) {
        if (orderBy == null) {
            return derive(operation.apply(operations()), call);
        }
        if (sortInput == null || sortOffset > 0) {
            throw afterOrderByRefusal();
        }
        String unsorted = operation.apply(new OperationSql(sortInput, schema.getColumnNames(), this::functionName));
        TableImpl plain = (TableImpl) derive(unsorted, call);
        if (sortColumns != null && plain.schema.getColumnNames().containsAll(sortColumns)) {
            String view = plain.toString();
            return new TableImpl(environment, "SELECT * FROM " + view + orderBy, plain.schema, view, orderBy, 0, sortColumns);
        }
        // The sort's columns are gone: sorted by the input's columns, it is complete, and no later operation can sort it.
        TableImpl sorted = (TableImpl) derive(unsorted + orderBy, call);
        return new TableImpl(environment, sorted.sql, sorted.schema, null, orderBy, 0, null);
    }

    @Override
    public Table offset(int offset) {
        sorted("offset", offset, 0);
        // Planned when fetch(n) follows or when it is used: Flink refuses an OFFSET without FETCH on a stream then.
        long skipped = sortOffset + offset;
        return new TableImpl(environment, "SELECT * FROM " + sortInput + orderBy + " OFFSET " + skipped, schema, sortInput,
                orderBy, skipped, sortColumns);
    }

    @Override
    public Table fetch(int fetch) {
        sorted("fetch", 0, fetch);
        return range(sortOffset, fetch, "fetch");
    }

    @Override
    public Table limit(int fetch) {
        return limit(0, fetch);
    }

    @Override
    public Table limit(int offset, int fetch) {
        if (orderBy != null) {
            sorted("limit", offset, fetch);
            return range(sortOffset + offset, fetch, "limit");
        }
        return derive("SELECT * FROM " + this + " LIMIT " + fetch + (offset > 0 ? " OFFSET " + offset : ""), "limit");
    }

    private void sorted(String call, int offset, int fetch) {
        if (orderBy == null) {
            throw new ValidationException("A limit operation must be preceded by a sort operation: call orderBy(..) before "
                    + call + "(..)");
        }
        if (sortInput == null) {
            throw afterOrderByRefusal();
        }
        if (offset < 0 || fetch < 0) {
            throw new ValidationException(call + "(..) takes a non-negative number of rows");
        }
    }

    /**
     * Rows {@code offset + 1} to {@code offset + fetch} of a sorted table: in streaming, as in SQL's ORDER BY .. LIMIT,
     * Flink's SortLimit, a Top-N over the whole input and an updating result.
     */
    private Table range(long offset, int fetch, String call) {
        return derive("SELECT * FROM " + sortInput + orderBy + " LIMIT " + fetch + (offset > 0 ? " OFFSET " + offset : ""),
                call);
    }

    @Override
    public GroupWindowedTable window(GroupWindow groupWindow) {
        return keys -> new WindowGroupedTable() {
            @Override
            public Table select(Expression... select) {
                return derive(operations().windowSelect(groupWindow, List.of(keys), select), "window(..).groupBy(..).select");
            }

            @Override
            public AggregatedTable aggregate(Expression aggregateFunction) {
                return RowBasedOperations.aggregate(TableImpl.this, List.of(keys), groupWindow, aggregateFunction);
            }

            @Override
            public FlatAggregateTable flatAggregate(Expression tableAggregateFunction) {
                return RowBasedOperations.flatAggregate(TableImpl.this, List.of(keys), groupWindow, tableAggregateFunction);
            }
        };
    }

    @Override
    public OverWindowedTable window(OverWindow... overWindows) {
        List<OverWindow> windows = List.of(overWindows);
        return select -> derive(operations().overSelect(windows, select), "window(Over..).select");
    }

    @Override
    public TablePipeline insertInto(String tablePath) {
        return new InsertPipeline(environment, tablePath, sql);
    }

    OperationSql operations() {
        if (orderBy != null) {
            // Calcite cannot expand a view ending in ORDER BY inside another query, and dropping the sort would not be Flink's.
            throw afterOrderByRefusal();
        }
        return new OperationSql(toString(), schema.getColumnNames(), this::functionName);
    }

    private static ValidationException afterOrderByRefusal() {
        return new ValidationException("After orderBy(..) Weir runs offset, fetch and limit, and operations that keep each row "
                + "(select, filter, where, as, addColumns, addOrReplaceColumns, renameColumns, dropColumns) while the sort's "
                + "columns are kept; other operations are not supported there yet: call orderBy(..) after them");
    }

    /** Registers a function instance passed to {@code call(..)} under a name of its own, once. */
    private String functionName(Object function) {
        String name = "tableapi_" + function.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "_"
                + Integer.toHexString(System.identityHashCode(function));
        for (String registered : environment.listUserDefinedFunctions()) {
            if (registered.equalsIgnoreCase(name)) {
                return name;
            }
        }
        environment.createTemporarySystemFunction(name, (UserDefinedFunction) function);
        return name;
    }

    private TableImpl sameEnvironment(Table table, String call) {
        if (!(table instanceof TableImpl) || ((TableImpl) table).environment != environment) {
            throw new ValidationException("Only tables from the same TableEnvironment can be used in " + call);
        }
        return (TableImpl) table;
    }

    /** The schema {@code query} validates to, not planned; a validation error names the Table API call. */
    ResolvedSchema validatedSchema(String query, String call) {
        return planned(query, call, environment::validatedSchema);
    }

    /** The table {@code query} plans to; a planning error names the Table API call. */
    Table derive(String query, String call) {
        return planned(query, call, environment::sqlQuery);
    }

    /** {@code step} applied to {@code query}; a failure becomes a ValidationException naming the call and the SQL. */
    private static <T> T planned(String query, String call, java.util.function.Function<String, T> step) {
        try {
            return step.apply(query);
        } catch (ValidationException | SqlParserException | TableException e) {
            throw new ValidationException("Table." + call + "(..) failed: " + e.getMessage() + "\n(Weir planned it as: "
                    + query + ")", e);
        }
    }

    @Override
    public String explain() {
        return environment.explainSql(sql);
    }

    @Override
    public synchronized String toString() {
        if (registeredName == null) {
            registeredName = environment.registerAnonymous(this);
        }
        return "`" + registeredName + "`";
    }

    @Override
    public TablePipeline insertInto(TableDescriptor descriptor) {
        return new InsertPipeline(environment, environment.registerSink(descriptor, this), sql);
    }

    @Override
    public TableResult executeInsert(TableDescriptor descriptor) {
        return insertInto(descriptor).execute();
    }

    @Override
    public TableResult executeInsert(TableDescriptor descriptor, boolean overwrite) {
        TableEnvironmentImpl.refuseOverwrite(overwrite);
        return executeInsert(descriptor);
    }
}
