package dev.weir.table.api;

/** A table and the sink table it is written to ({@link Table#insertInto(String)}), ready to run. */
public interface TablePipeline {
    /** Runs {@code INSERT INTO} the sink as a job. */
    TableResult execute();

    /** A readable plan of the Weir operators the pipeline runs on. */
    String explain();

    /** Prints {@link #explain()} to standard out. */
    default void printExplain() {
        System.out.println(explain());
    }
}
