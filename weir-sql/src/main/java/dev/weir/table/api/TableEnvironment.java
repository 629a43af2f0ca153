package dev.weir.table.api;

import dev.weir.configuration.Configuration;
import dev.weir.sql.TableEnvironmentImpl;

/**
 * The entry point of Flink's Table API and SQL on Weir: registers tables and views, plans queries and runs them as
 * Weir jobs. {@code create(EnvironmentSettings.inStreamingMode())} makes a self-contained environment that runs
 * each statement as its own job.
 *
 * <p>Statements are planned by Apache Calcite with Flink's syntax: backquoted, case-sensitive identifiers,
 * {@code CREATE TABLE ... WITH ('connector' = ...)}, {@code WATERMARK FOR}, window table-valued functions. Every
 * query Weir cannot run fails in {@link #executeSql} or {@link #sqlQuery} with a {@link ValidationException} or
 * {@link SqlParserException} naming the position and the alternative, never once the job runs.
 */
public interface TableEnvironment {

    /** A streaming-mode environment; batch mode is refused with the alternative named. */
    static TableEnvironment create(EnvironmentSettings settings) {
        return TableEnvironmentImpl.create(settings);
    }

    /** A streaming-mode environment configured by {@code configuration}. */
    static TableEnvironment create(Configuration configuration) {
        return TableEnvironmentImpl.create(EnvironmentSettings.newInstance().withConfiguration(configuration).build());
    }

    /**
     * Runs one statement: DDL ({@code CREATE TABLE}, {@code CREATE VIEW}, {@code DROP}), {@code SHOW TABLES},
     * {@code DESCRIBE}, {@code EXPLAIN}, a query (its rows are in the result), or {@code INSERT INTO} (submitted as a
     * job; {@link TableResult#await()} waits for it).
     */
    TableResult executeSql(String statement);

    /** Plans a query and returns it as a {@link Table}; nothing runs until the table is executed. */
    Table sqlQuery(String query);

    /** The registered table or view {@code path}. */
    Table from(String path);

    /**
     * A table of the rows {@code values}, each {@code row(..)} of values or expressions, a {@code Row}, or one value:
     * columns {@code f0, f1, ..} of each column's common type, as in Flink.
     */
    default Table fromValues(Object... values) {
        return fromValuesSql(dev.weir.sql.tableapi.ValuesSql.of(null, values));
    }

    /** The same as {@link #fromValues(Object...)} for expressions ({@code row(1, "a")}). */
    default Table fromValues(dev.weir.table.expressions.Expression... values) {
        return fromValuesSql(dev.weir.sql.tableapi.ValuesSql.of(null, (Object[]) values));
    }

    /** The same as {@link #fromValues(Object...)} for a collection of rows. */
    default Table fromValues(Iterable<?> values) {
        return fromValues(java.util.stream.StreamSupport.stream(values.spliterator(), false).toArray());
    }

    /** A table of the rows {@code values}, their fields cast to the fields of {@code rowType}, a ROW type. */
    default Table fromValues(dev.weir.table.types.DataType rowType, Object... values) {
        return fromValuesSql(dev.weir.sql.tableapi.ValuesSql.of(rowType, values));
    }

    /** The same as {@link #fromValues(dev.weir.table.types.DataType, Object...)} for expressions. */
    default Table fromValues(dev.weir.table.types.DataType rowType, dev.weir.table.expressions.Expression... values) {
        return fromValuesSql(dev.weir.sql.tableapi.ValuesSql.of(rowType, (Object[]) values));
    }

    /** The same as {@link #fromValues(dev.weir.table.types.DataType, Object...)} for a collection of rows. */
    default Table fromValues(dev.weir.table.types.DataType rowType, Iterable<?> values) {
        return fromValues(rowType, java.util.stream.StreamSupport.stream(values.spliterator(), false).toArray());
    }

    private Table fromValuesSql(String sql) {
        try {
            return sqlQuery(sql);
        } catch (ValidationException | SqlParserException e) {
            throw new ValidationException("fromValues(..) failed: " + e.getMessage() + "\n(Weir planned it as: " + sql + ")", e);
        }
    }

    TableConfig getConfig();

    /** Names of all tables and views, sorted. */
    String[] listTables();

    /** Names of all views, sorted. */
    String[] listViews();

    /** Registers {@code view} under {@code path}. */
    void createTemporaryView(String path, Table view);

    /** Drops the temporary view {@code path}; false if there was none. */
    boolean dropTemporaryView(String path);

    /** Drops the temporary table {@code path}; false if there was none. */
    boolean dropTemporaryTable(String path);

    /** A set of INSERT statements that run together as one job. */
    StatementSet createStatementSet();

    /** A readable plan of the Weir operators {@code statement} runs on. */
    String explainSql(String statement);

    /**
     * Registers a user-defined function ({@code ScalarFunction}, {@code TableFunction}, {@code AggregateFunction}) under
     * {@code name} for this session, made with the class's public no-argument constructor; names are case-insensitive.
     */
    void createTemporarySystemFunction(String name, Class<? extends dev.weir.table.functions.UserDefinedFunction> functionClass);

    /** Registers a user-defined function instance under {@code name}; it is serialized into each job that calls it. */
    void createTemporarySystemFunction(String name, dev.weir.table.functions.UserDefinedFunction functionInstance);

    /** The same as {@link #createTemporarySystemFunction(String, Class)}: Weir has one catalog and database. */
    default void createTemporaryFunction(String path, Class<? extends dev.weir.table.functions.UserDefinedFunction> functionClass) {
        createTemporarySystemFunction(path.substring(path.lastIndexOf('.') + 1), functionClass);
    }

    /** The same as {@link #createTemporarySystemFunction(String, dev.weir.table.functions.UserDefinedFunction)}. */
    default void createTemporaryFunction(String path, dev.weir.table.functions.UserDefinedFunction functionInstance) {
        createTemporarySystemFunction(path.substring(path.lastIndexOf('.') + 1), functionInstance);
    }

    /** Drops the function {@code name}; false if there was none. */
    boolean dropTemporarySystemFunction(String name);

    /** The same as {@link #dropTemporarySystemFunction}. */
    default boolean dropTemporaryFunction(String path) {
        return dropTemporarySystemFunction(path.substring(path.lastIndexOf('.') + 1));
    }

    /** Names of the user-defined functions, sorted. */
    String[] listUserDefinedFunctions();
}
