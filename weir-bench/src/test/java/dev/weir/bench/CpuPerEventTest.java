package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuPerEventTest {
    @Test
    void theLineGivesEachEnginesMedianRoundPerEventAndTheCheaperFlinkOverWeir() {
        Map<String, long[]> rounds = new LinkedHashMap<>();
        rounds.put("weir", new long[] {30_000_000, 20_000_000, 21_000_000});
        rounds.put("flink-1.20.5", new long[] {350_000_000, 290_000_000, 400_000_000});
        rounds.put("flink-2.3.0", new long[] {500_000_000, 500_000_000, 500_000_000});

        assertThat(CpuPerEvent.line(Workload.STATELESS, 1_000_000, rounds)).isEqualTo("1 CPU per event (median round):"
                + " weir 21.0 ns, flink-1.20.5 350.0 ns, flink-2.3.0 500.0 ns; cheaper Flink / Weir 16.67x");
    }

    @Test
    void withoutAFlinkWorkerTheLineHasNoRatio() {
        Map<String, long[]> rounds = new LinkedHashMap<>();
        rounds.put("weir", new long[] {8_000_000});

        assertThat(CpuPerEvent.line(Workload.TUMBLING_P2, 400_000, rounds))
                .isEqualTo("2b CPU per event (median round): weir 20.0 ns");
    }
}
