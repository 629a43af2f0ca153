package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Nexmark SQL workloads (14q*): each script reads the timed source bounded to the run's events, and each query
 * runs to its end on Weir. Flink's side runs only in run.sh's Flink 2.3 worker (its planner and Weir's Calcite do not
 * share a JVM's class path).
 */
@Timeout(120)
class NexmarkSqlWorkloadsTest {
    private static final Engine WEIR = Engine.named("weir");

    /**
     * A stateless query and the two windowed ones the issue names; weir-sql-compat's NexmarkDifferentialTest runs every
     * query's rows through Weir already, so this checks the bench's plumbing only and stays short.
     */
    static Stream<Workload> nexmarkSqlWorkloads() {
        return Stream.of(Workload.NEXMARK_SQL_Q0, Workload.NEXMARK_SQL_Q5, Workload.NEXMARK_SQL_Q7);
    }

    @Test
    void workloadFourteenIsTheTwentyOneQueriesBothEnginesRun() {
        assertThat(Workload.parseGroup("14")).extracting(Workload::nexmarkQuery).containsExactly("q0", "q1", "q2", "q3", "q4",
                "q5", "q7", "q8", "q9", "q10", "q11", "q12", "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22");
        assertThat(Workload.parse("14q5")).isEqualTo(Workload.NEXMARK_SQL_Q5);
    }

    @Test
    void theScriptReadsTheTimedSourceBoundedToTheRunsEventsAndKeepsTheSettingsAndTheInsert() {
        NexmarkSqlScript script = NexmarkSqlScript.of(Workload.NEXMARK_SQL_Q7, 12_345);

        assertThat(script.settings()).isEqualTo(Map.of("table.local-time-zone", "UTC", "table.dml-sync", "true"));
        assertThat(script.ddl().get(0)).startsWith("CREATE TABLE datagen (").contains("'connector' = 'nexmark-timed'")
                .contains("'events.num' = '12345'").doesNotContain("'connector' = 'nexmark'");
        assertThat(script.ddl()).anyMatch(d -> d.startsWith("CREATE VIEW bid AS"))
                .anyMatch(d -> d.startsWith("CREATE TABLE nexmark_q7"));
        assertThat(script.insert()).startsWith("INSERT INTO nexmark_q7").doesNotEndWith(";");
    }

    @ParameterizedTest
    @MethodSource("nexmarkSqlWorkloads")
    void aNexmarkQueryRunsToItsEndOnWeirSqlOverTheTimedSourceAndReportsItsSpan(Workload workload) throws Exception {
        assertThat(WEIR.measure(workload, 5_000)).isPositive();
    }
}
