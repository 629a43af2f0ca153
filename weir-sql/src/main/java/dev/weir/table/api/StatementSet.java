package dev.weir.table.api;

/** Several INSERT statements planned and run together as one job, as in Flink. */
public interface StatementSet {
    /** Adds {@code INSERT INTO ... SELECT ...}. */
    StatementSet addInsertSql(String statement);

    /** Adds an insert of {@code table} into {@code targetPath}. */
    StatementSet addInsert(String targetPath, Table table);

    /** As {@link #addInsert(String, Table)}; {@code overwrite} (INSERT OVERWRITE) is refused in streaming mode, as in Flink. */
    StatementSet addInsert(String targetPath, Table table, boolean overwrite);

    /** Adds an insert of {@code table} into the anonymous table {@code targetDescriptor} declares. */
    StatementSet addInsert(TableDescriptor targetDescriptor, Table table);

    /** As {@link #addInsert(TableDescriptor, Table)}; {@code overwrite} is refused in streaming mode. */
    StatementSet addInsert(TableDescriptor targetDescriptor, Table table, boolean overwrite);

    /** Adds the insert {@code tablePipeline} ({@link Table#insertInto}). */
    StatementSet add(TablePipeline tablePipeline);

    /** A readable plan of all the statements. */
    String explain();

    /** Prints {@link #explain()} to standard out. */
    default void printExplain() {
        System.out.println(explain());
    }

    /** Runs every statement added as one job. */
    TableResult execute();
}
