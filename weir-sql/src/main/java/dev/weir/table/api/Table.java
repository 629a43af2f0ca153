package dev.weir.table.api;

import dev.weir.table.catalog.ResolvedSchema;

/**
 * A planned query, as in Flink: nothing runs until {@link #execute()} or {@link #executeInsert(String)}. The
 * expression-based Table API ({@code select($("a"))}) is not supported yet; write the query in SQL with
 * {@code sqlQuery}.
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

    /** A readable plan of the Weir operators this query runs on. */
    String explain();

    /** An insert of this query into the anonymous table {@code descriptor} declares, to run or add to a StatementSet. */
    TablePipeline insertInto(TableDescriptor descriptor);

    /** Runs an insert of this query into the anonymous table {@code descriptor} declares, as a job. */
    TableResult executeInsert(TableDescriptor descriptor);

    /** As {@link #executeInsert(TableDescriptor)}; {@code overwrite} (INSERT OVERWRITE) is refused in streaming mode. */
    TableResult executeInsert(TableDescriptor descriptor, boolean overwrite);
}
