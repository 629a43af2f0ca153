package dev.weir.table.api;

/**
 * An insert of a {@link Table} into a sink table, planned and not yet run, as in Flink: {@link #execute()} runs it as
 * a job, {@link StatementSet#add(TablePipeline)} runs it together with other inserts.
 */
public interface TablePipeline {
    /** Runs the insert as a job; {@link TableResult#await()} waits for it. */
    TableResult execute();

    /** A readable plan of the Weir operators the insert runs on. */
    String explain();

    /** Prints {@link #explain()} to standard out. */
    default void printExplain() {
        System.out.println(explain());
    }
}
