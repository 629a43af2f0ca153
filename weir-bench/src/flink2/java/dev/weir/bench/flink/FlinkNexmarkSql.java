package dev.weir.bench.flink;

import dev.weir.bench.NexmarkSqlScript;
import dev.weir.bench.SourceRecordSpan;
import dev.weir.bench.Span;
import dev.weir.bench.Workload;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Flink's side of the Nexmark SQL workloads (14q*): {@code weir/WeirNexmarkSql.java} with Flink's imports, and
 * q14's {@code count_char} bound to {@link FlinkCountChar}; keep the two in step.
 */
final class FlinkNexmarkSql {
    private FlinkNexmarkSql() {
    }

    static long measure(StreamExecutionEnvironment env, Workload workload, long events) throws Exception {
        NexmarkSqlScript script = NexmarkSqlScript.of(workload, events);
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        for (Map.Entry<String, String> setting : script.settings().entrySet()) {
            tables.getConfig().set(setting.getKey(), setting.getValue());
        }
        for (String ddl : script.ddl()) {
            tables.executeSql(ddl.replace(NexmarkSqlScript.WEIR_COUNT_CHAR, FlinkCountChar.class.getName()));
        }
        Span.reset();
        SourceRecordSpan.reset();
        tables.executeSql(script.insert()).await();
        Span.sinkFinished();
        System.err.println(workload.number + " " + "flink" + ": " + SourceRecordSpan.breakdown());
        return SourceRecordSpan.nanos();
    }
}
