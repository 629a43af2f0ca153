package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietWorkersTest {
    /** Far more CPU than any window's wall time: "busy" whatever the machine's load makes a 50 ms sleep last. */
    private static final long BUSY = 1_000_000_000_000L;

    /** CPU clocks that advance by the scripted amounts, one step per poll, then stand still. */
    private static final class ScriptedClocks implements QuietWorkers.CpuClocks {
        private final List<long[]> steps;
        private final long[] now;
        int polls;

        ScriptedClocks(int workers, List<long[]> steps) {
            this.steps = steps;
            this.now = new long[workers];
        }

        @Override
        public long[] cpuNanos() {
            if (polls < steps.size()) {
                long[] step = steps.get(polls);
                for (int i = 0; i < now.length; i++) {
                    now[i] += step[i];
                }
            }
            polls++;
            return now.clone();
        }
    }

    @Test
    void aRoundStartsOnlyAfterAWindowInWhichEveryWorkerWasQuiet() throws Exception {
        List<long[]> steps = new ArrayList<>();
        steps.add(new long[] {0, 0});
        steps.add(new long[] {0, BUSY});
        steps.add(new long[] {BUSY, 0});
        ScriptedClocks clocks = new ScriptedClocks(2, steps);
        QuietWorkers quiet = new QuietWorkers(List.of("weir", "flink-1.20.5"), clocks);

        quiet.awaitQuietThenStartRound();

        // The first poll opens a window; the second and third close busy ones; the fourth closes the quiet one.
        assertThat(clocks.polls).isEqualTo(4);
        assertThat(quiet.lastWaitQuiet()).isTrue();
        assertThat(quiet.cpuSinceRoundStart()).containsExactly(0, 0);
    }

    @Test
    void theCpuSinceTheRoundStartedIsEachWorkersOwnInTheWorkersOrder() throws Exception {
        List<long[]> steps = new ArrayList<>();
        steps.add(new long[] {0, 0});
        steps.add(new long[] {0, 0});
        steps.add(new long[] {7_000_000, 3_000_000});
        ScriptedClocks clocks = new ScriptedClocks(2, steps);
        QuietWorkers quiet = new QuietWorkers(List.of("weir", "flink-1.20.5"), clocks);

        quiet.awaitQuietThenStartRound();

        assertThat(quiet.cpuSinceRoundStart()).containsExactly(7_000_000, 3_000_000);
        assertThat(quiet.indexOf("flink-1.20.5")).isEqualTo(1);
    }
}
