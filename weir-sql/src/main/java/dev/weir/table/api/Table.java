package dev.weir.table.api;

import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.expressions.Expression;

/**
 * A planned query, as in Flink: nothing runs until {@link #execute()} or {@link #executeInsert(String)}. The relational
 * operations ({@code filter($("a").isGreater(1)).groupBy($("b")).select($("b"), $("c").sum())}) each plan a new table:
 * Weir renders them as Flink SQL over this table and plans that, so both have one semantics.
 */
public interface Table {
    /** The result columns and their types. */
    ResolvedSchema getResolvedSchema();

    /** Prints the schema to standard out. */
    void printSchema();

    /** Runs the query as a job; its rows are in the returned result. */
    TableResult execute();

    /** Runs {@code INSERT INTO tablePath} of this query as a job. */
    TableResult executeInsert(String tablePath);

    // ---- the relational operations of the Table API (expressions from Expressions: $("a"), lit(1), ...)

    /** The columns {@code fields}; aggregates over the whole table when they aggregate. */
    Table select(Expression... fields);

    /** The rows for which {@code predicate} holds. */
    Table filter(Expression predicate);

    /** The same as {@link #filter(Expression)}. */
    Table where(Expression predicate);

    /** Groups the rows by {@code fields}, for an aggregating {@link GroupedTable#select}. */
    GroupedTable groupBy(Expression... fields);

    /** The distinct rows; an updating result on an unbounded table, as in Flink. */
    Table distinct();

    /** The table with its columns renamed, in order. */
    Table as(String field, String... fields);

    /** The table with columns {@code fields} added at the end; a name that exists already is refused. */
    Table addColumns(Expression... fields);

    /** The table with columns {@code fields} added, replacing those of the same name. */
    Table addOrReplaceColumns(Expression... fields);

    /** The table with the columns renamed: {@code renameColumns($("a").as("a2"))}. */
    Table renameColumns(Expression... fields);

    /** The table without the columns {@code fields}. */
    Table dropColumns(Expression... fields);

    /** The inner join with {@code right}, every pair of rows (follow it with {@code where}); column names must differ. */
    Table join(Table right);

    /** The inner join with {@code right} on {@code joinPredicate}. */
    Table join(Table right, Expression joinPredicate);

    /** The left outer join with {@code right}, every pair of rows. */
    Table leftOuterJoin(Table right);

    /** The left outer join with {@code right} on {@code joinPredicate}. */
    Table leftOuterJoin(Table right, Expression joinPredicate);

    /** The right outer join with {@code right} on {@code joinPredicate}. */
    Table rightOuterJoin(Table right, Expression joinPredicate);

    /** The full outer join with {@code right} on {@code joinPredicate}. */
    Table fullOuterJoin(Table right, Expression joinPredicate);

    /** Each row joined with the rows a table function returns for it: {@code call("split", $("c")).as("word")}. */
    Table joinLateral(Expression tableFunctionCall);

    /** {@link #joinLateral(Expression)} keeping the pairs for which {@code joinPredicate} holds. */
    Table joinLateral(Expression tableFunctionCall, Expression joinPredicate);

    /** {@link #joinLateral(Expression)} keeping each row the function returns nothing for, with nulls. */
    Table leftOuterJoinLateral(Expression tableFunctionCall);

    /** {@link #leftOuterJoinLateral(Expression)} on {@code joinPredicate}. */
    Table leftOuterJoinLateral(Expression tableFunctionCall, Expression joinPredicate);

    /** The rows of both tables, duplicates removed: refused on unbounded tables, as in Flink; use {@link #unionAll}. */
    Table union(Table right);

    /** The rows of both tables. */
    Table unionAll(Table right);

    /** The distinct rows in both tables: refused on unbounded tables, as in Flink. */
    Table intersect(Table right);

    /** The rows in both tables, with multiplicity: refused on unbounded tables, as in Flink. */
    Table intersectAll(Table right);

    /** The distinct rows not in {@code right}: refused on unbounded tables, as in Flink. */
    Table minus(Table right);

    /** The rows not in {@code right}, with multiplicity: refused on unbounded tables, as in Flink. */
    Table minusAll(Table right);

    /** The rows sorted by {@code fields} ({@code $("a").desc()}); a field alone ascends. */
    Table orderBy(Expression... fields);

    /** The sorted rows from the {@code offset}-th on. */
    Table offset(int offset);

    /** The first {@code fetch} sorted rows. */
    Table fetch(int fetch);

    /** The first {@code fetch} rows. */
    Table limit(int fetch);

    /** {@code fetch} rows from the {@code offset}-th on. */
    Table limit(int offset, int fetch);

    /** Groups the rows into time windows: {@code window(Tumble.over(lit(10).minutes()).on($("rowtime")).as("w"))}. */
    GroupWindowedTable window(GroupWindow groupWindow);

    /** Defines over windows for over aggregates: {@code window(Over.partitionBy($("a")).orderBy($("rowtime")).as("w"))}. */
    OverWindowedTable window(OverWindow... overWindows);

    /** This table written to the table {@code tablePath}, once the pipeline is executed. */
    TablePipeline insertInto(String tablePath);

    /** {@link #insertInto(String)}; {@code overwrite} (INSERT OVERWRITE) is refused in streaming mode, as in Flink. */
    default TablePipeline insertInto(String tablePath, boolean overwrite) {
        if (overwrite) {
            throw new ValidationException("INSERT OVERWRITE is not supported in streaming mode; use insertInto(tablePath)");
        }
        return insertInto(tablePath);
    }

    /** Runs {@code INSERT INTO tablePath}; {@code overwrite} is refused in streaming mode, as in Flink. */
    default TableResult executeInsert(String tablePath, boolean overwrite) {
        return insertInto(tablePath, overwrite).execute();
    }

    /** The rows a table function returns for each row, as the table: {@code flatMap(call("split", $("c")))}. */
    Table flatMap(Expression tableFunction);

    /**
     * Each row mapped by a scalar function, as in Flink: a ROW result is flattened into its fields, named by the ROW
     * type or by {@code as}: {@code map(call(MyMapFunction.class, $("c")).as("a", "b"))}.
     */
    Table map(Expression scalarFunction);

    /** {@link GroupedTable#aggregate} over the whole table, as one group. */
    AggregatedTable aggregate(Expression aggregateFunction);

    /** {@link GroupedTable#flatAggregate} over the whole table, as one group. */
    FlatAggregateTable flatAggregate(Expression tableAggregateFunction);

    /** Prints {@link #explain()} to standard out. */
    default void printExplain() {
        System.out.println(explain());
    }

    /** A readable plan of the Weir operators this query runs on. */
    String explain();

    /** An insert of this query into the anonymous table {@code descriptor} declares, to run or add to a StatementSet. */
    TablePipeline insertInto(TableDescriptor descriptor);

    /** Runs an insert of this query into the anonymous table {@code descriptor} declares, as a job. */
    TableResult executeInsert(TableDescriptor descriptor);

    /** As {@link #executeInsert(TableDescriptor)}; {@code overwrite} (INSERT OVERWRITE) is refused in streaming mode. */
    TableResult executeInsert(TableDescriptor descriptor, boolean overwrite);
}
