package dev.weir.sqlcompat;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.flink.table.api.TableEnvironment;

/**
 * Runs a differential suite's Flink queries a few at a time on one {@link FlinkCluster}. A Flink query spends most of
 * its time waiting (submission, scheduling, the collect sink's polling) rather than computing, so jobs run side by side
 * finish the suite in a fraction of the time one after the other takes; each job is independent and runs at
 * parallelism 1, so its rows are what it gives alone. A thread's queries share one TableEnvironment, set up once.
 */
final class FlinkQueryThreads implements AutoCloseable {
    /** Fewer than the cluster's four slots, so that a job never waits for the slot of one that just ended. */
    static final int JOBS_AT_ONCE = 3;

    private final ExecutorService threads = Executors.newFixedThreadPool(JOBS_AT_ONCE, runnable -> {
        Thread thread = new Thread(runnable, "flink-query");
        thread.setDaemon(true);
        return thread;
    });
    private final ThreadLocal<TableEnvironment> environments;

    /** Each thread's TableEnvironment comes from {@code cluster} and first runs {@code setup} (the suite's DDL). */
    FlinkQueryThreads(FlinkCluster cluster, List<String> setup) {
        environments = ThreadLocal.withInitial(() -> {
            TableEnvironment env = cluster.tableEnvironment();
            setup.forEach(env::executeSql);
            return env;
        });
    }

    /** {@link EngineRows#flink} of the query on the running thread's TableEnvironment. */
    Future<List<String>> rows(String query) {
        return threads.submit(() -> EngineRows.flink(environments.get(), List.of(), query));
    }

    /** {@link EngineRows#flink} on the TableEnvironment {@code environment} gives (for queries with DDL of their own). */
    Future<List<String>> rows(Supplier<TableEnvironment> environment, List<String> statements, String query) {
        return threads.submit(() -> EngineRows.flink(environment.get(), statements, query));
    }

    /** A query's rows; the limit is only against a hang (the suites' own timeouts are longer). */
    static List<String> await(Future<List<String>> rows) throws InterruptedException, ExecutionException, TimeoutException {
        return rows.get(10, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
