package dev.weir.sql.exec;

import dev.weir.core.execution.JobClient;
import dev.weir.table.api.ResultKind;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.DataTypes;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A {@link TableResult}: a statement's own rows, or a job's rows as they arrive, or a submitted INSERT job. */
public final class TableResultImpl implements TableResult {
    /** Flink's result of DDL: SUCCESS with one row {@code OK} in a column {@code result}. */
    public static final TableResultImpl OK = new TableResultImpl(ResultKind.SUCCESS,
            ResolvedSchema.physical(List.of("result"), List.of(DataTypes.STRING())), List.of(Row.of("OK")), null, null);

    private final ResultKind kind;
    private final ResolvedSchema schema;
    private final List<Row> staticRows;
    private final CloseableIterator<Row> jobRows;
    private final JobClient job;
    private boolean consumed;

    private TableResultImpl(ResultKind kind, ResolvedSchema schema, List<Row> staticRows, CloseableIterator<Row> jobRows, JobClient job) {
        this.kind = kind;
        this.schema = schema;
        this.staticRows = staticRows;
        this.jobRows = jobRows;
        this.job = job;
    }

    /** A statement's rows, known at once (SHOW TABLES, DESCRIBE, EXPLAIN). */
    public static TableResultImpl ofRows(ResolvedSchema schema, List<Row> rows) {
        return new TableResultImpl(ResultKind.SUCCESS_WITH_CONTENT, schema, List.copyOf(rows), null, null);
    }

    /** A running query's rows. */
    public static TableResultImpl ofJob(ResolvedSchema schema, CloseableIterator<Row> rows, JobClient job) {
        return new TableResultImpl(ResultKind.SUCCESS_WITH_CONTENT, schema, null, rows, job);
    }

    /** A submitted INSERT job: one row, -1, as Flink gives (the number of rows is not known). */
    public static TableResultImpl ofInsert(String target, JobClient job) {
        ResolvedSchema schema = ResolvedSchema.physical(List.of("default_catalog.default_database." + target),
                List.of(DataTypes.BIGINT().notNull()));
        return new TableResultImpl(ResultKind.SUCCESS_WITH_CONTENT, schema, List.of(Row.of(-1L)), null, job);
    }

    @Override
    public ResultKind getResultKind() {
        return kind;
    }

    @Override
    public ResolvedSchema getResolvedSchema() {
        return schema;
    }

    @Override
    public Optional<JobClient> getJobClient() {
        return Optional.ofNullable(job);
    }

    @Override
    public CloseableIterator<Row> collect() {
        if (consumed) {
            throw new IllegalStateException("The rows of this result were already collected or printed; a result can be "
                    + "consumed once, so run the statement again");
        }
        consumed = true;
        if (jobRows != null) {
            return jobRows;
        }
        Iterator<Row> it = staticRows.iterator();
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                return it.next();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void print() {
        if (kind == ResultKind.SUCCESS) {
            consumed = true;
            System.out.println("OK");
            return;
        }
        if (jobRows != null) {
            try (CloseableIterator<Row> rows = collect()) {
                TableauPrinter.printStreaming(schema, rows, System.out);
            } catch (Exception e) {
                throw e instanceof RuntimeException ? (RuntimeException) e : new RuntimeException(e);
            }
        } else {
            consumed = true;
            TableauPrinter.printBatch(schema, staticRows, System.out);
        }
    }

    @Override
    public void await() throws InterruptedException, ExecutionException {
        if (job != null) {
            job.getJobExecutionResult().get();
        }
    }

    @Override
    public void await(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        if (job != null) {
            job.getJobExecutionResult().get(timeout, unit);
        }
    }
}
