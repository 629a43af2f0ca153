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
}
