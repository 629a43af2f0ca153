package dev.weir.bench.flink;

import dev.weir.bench.Workload;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Flink's side of workload 12 (SQL and its DataStream twins), implemented by {@code FlinkSqlJobs} in the Flink 2.x
 * source folder only: the Flink 1.20.5 table artifacts are not on Maven Central, so a 1.20 build has no SQL.
 */
public interface FlinkSqlWorkloads {
    /** The implementation in this build, or null when the build has no Flink SQL. */
    static FlinkSqlWorkloads inThisBuild() {
        try {
            return (FlinkSqlWorkloads) Class.forName("dev.weir.bench.flink.FlinkSqlJobs").getDeclaredConstructor()
                    .newInstance();
        } catch (ClassNotFoundException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create FlinkSqlJobs: " + e, e);
        }
    }

    /** Runs a SQL workload into a blackhole table and returns its span in nanoseconds. */
    long measure(StreamExecutionEnvironment env, Workload workload, long events) throws Exception;

    /** A SQL workload's rows as the bench's result objects, for the checksum. */
    DataStream<?> results(StreamExecutionEnvironment env, Workload workload, long events);

    /** The DataStream twin of a SQL workload. */
    DataStream<?> dataStream(StreamExecutionEnvironment env, Workload workload, long events);
}
