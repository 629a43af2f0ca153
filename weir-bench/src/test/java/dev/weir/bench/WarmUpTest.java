package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm-up's stopping rule, with fake rounds of fixed length (no clock), and its options. */
class WarmUpTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachEngineWarmsUpUntilItHasSpentTheSecondsSoShortRoundsRunMoreOften() throws Exception {
        List<String> calls = new ArrayList<>();
        Map<String, long[]> spent = new WarmUp(1, 5 * SECOND).run(List.of("weir", "flink"), (engine, round) -> {
            calls.add(engine + " " + round);
            return engine.equals("weir") ? SECOND : 2 * SECOND;
        });

        // Passes rotate the order by one; flink stops after 3 rounds (6 s), weir after 5 (5 s).
        assertThat(calls).containsExactly("weir 0", "flink 0", "flink 1", "weir 1", "weir 2", "flink 2", "weir 3",
                "weir 4");
        assertThat(spent.get("weir")).containsExactly(5, 5 * SECOND);
        assertThat(spent.get("flink")).containsExactly(3, 6 * SECOND);
    }

    @Test
    void theMinimumRoundsHoldEvenWhenOneRoundTakesLongerThanTheSeconds() throws Exception {
        Map<String, long[]> spent = new WarmUp(3, SECOND).run(List.of("weir", "flink"), (engine, round) -> 10 * SECOND);

        assertThat(spent.get("weir")).containsExactly(3, 30 * SECOND);
        assertThat(spent.get("flink")).containsExactly(3, 30 * SECOND);
    }

    @Test
    void noRoundsAndNoSecondsMeansNoWarmUp() throws Exception {
        Map<String, long[]> spent = new WarmUp(0, 0).run(List.of("weir"), (engine, round) -> {
            throw new AssertionError("no warm-up round expected");
        });

        assertThat(spent.get("weir")).containsExactly(0, 0);
    }

    @Test
    void aRoundThatCountsNoTimeFailsInsteadOfWarmingUpForever() {
        assertThatThrownBy(() -> new WarmUp(1, SECOND).run(List.of("weir"), (engine, round) -> 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("weir's warm-up round counted 0 ns; it cannot warm up by time");
    }

    @Test
    void theSummaryNamesEachEnginesRoundsAndSeconds() {
        Map<String, long[]> spent = new java.util.LinkedHashMap<>();
        spent.put("weir", new long[] {48, 5_020_000_000L});
        spent.put("flink-1.20.5", new long[] {6, 5_800_000_000L});

        assertThat(WarmUp.summary(Workload.STATELESS, spent))
                .isEqualTo("STATELESS warm-up: weir 48 rounds in 5.0 s, flink-1.20.5 6 rounds in 5.8 s");
    }

    @Test
    void warmUpSecondsDefaultToTenAndTheCommandLineSaysSo() {
        SideBySide.Options options = SideBySide.Options.parse(new String[] {"--workloads", "1", "--warmup", "2"});

        assertThat(options.warmup()).isEqualTo(2);
        assertThat(options.warmupSeconds()).isEqualTo(10.0);
        assertThat(options.commandLine()).isEqualTo("--workloads 1 --warmup 2 --warmup-seconds 10");
    }

    @Test
    void givenWarmUpSecondsAreKeptAsWritten() {
        SideBySide.Options options = SideBySide.Options.parse(new String[] {"--warmup-seconds", "0.5"});

        assertThat(options.warmupSeconds()).isEqualTo(0.5);
        assertThat(options.commandLine()).isEqualTo("--warmup-seconds 0.5");
        assertThat(SideBySide.Options.parse(new String[0]).commandLine()).isEqualTo("--warmup-seconds 10");
    }

    @Test
    void negativeWarmUpSecondsAreRefused() {
        assertThatThrownBy(() -> SideBySide.Options.parse(new String[] {"--warmup-seconds", "-1"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--warmup-seconds must be at least 0, was -1.0");
    }
}
