package dev.weir.table.api;

import dev.weir.core.execution.JobClient;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The result of a statement, as in Flink: its kind, its schema, its rows ({@link #collect()}, {@link #print()}) and,
 * for a statement that runs a job, the job. Rows can be consumed once.
 */
public interface TableResult {
    ResultKind getResultKind();

    ResolvedSchema getResolvedSchema();

    /** The job this statement runs, if it runs one. */
    Optional<JobClient> getJobClient();

    /** The rows, as they arrive; closing the iterator early cancels the job. */
    CloseableIterator<Row> collect();

    /**
     * Prints the rows to standard out in Flink's tableau layout: a bordered table with an {@code op} column of row
     * kinds, then {@code Received a total of N rows}.
     */
    void print();

    /** Waits until the job ends (at once for statements without a job); throws its failure. */
    void await() throws InterruptedException, ExecutionException;

    void await(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;
}
