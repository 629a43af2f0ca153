package dev.weir.table.api;

/** Several INSERT statements planned and run together as one job, as in Flink. */
public interface StatementSet {
    /** Adds {@code INSERT INTO ... SELECT ...}. */
    StatementSet addInsertSql(String statement);

    /** Adds an insert of {@code table} into {@code targetPath}. */
    StatementSet addInsert(String targetPath, Table table);

    /** A readable plan of all the statements. */
    String explain();

    /** Runs every statement added as one job. */
    TableResult execute();
}
