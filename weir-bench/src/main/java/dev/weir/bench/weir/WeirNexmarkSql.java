package dev.weir.bench.weir;

import dev.weir.bench.NexmarkSqlScript;
import dev.weir.bench.SourceRecordSpan;
import dev.weir.bench.Span;
import dev.weir.bench.Workload;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import java.util.Map;

/**
 * Weir's side of the Nexmark SQL workloads (14q*): the query's script on a table environment over the bench's
 * environment (parallelism 2), timed by the {@link SourceRecordSpan}, from the sources' first record to their last.
 * {@code flink/FlinkNexmarkSql.java} (Flink 2.x builds) is the same with Flink's imports; keep the two in step.
 */
final class WeirNexmarkSql {
    private WeirNexmarkSql() {
    }

    static long measure(StreamExecutionEnvironment env, Workload workload, long events) throws Exception {
        NexmarkSqlScript script = NexmarkSqlScript.of(workload, events);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        for (Map.Entry<String, String> setting : script.settings().entrySet()) {
            tables.getConfig().set(setting.getKey(), setting.getValue());
        }
        for (String ddl : script.ddl()) {
            tables.executeSql(ddl);
        }
        Span.reset();
        SourceRecordSpan.reset();
        tables.executeSql(script.insert()).await();
        Span.sinkFinished();
        System.err.println(workload.number + " " + "weir" + ": " + SourceRecordSpan.breakdown());
        return SourceRecordSpan.nanos();
    }
}
