package dev.weir.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
    private static final long EVENTS = 1_000_000;

    private static List<Measurement> run(long weirMillis, long flinkMillis) {
        return List.of(new Measurement("weir", Workload.STATELESS, EVENTS, new long[] {weirMillis * 1_000_000}),
                new Measurement("flink-1.20.5", Workload.STATELESS, EVENTS, new long[] {flinkMillis * 1_000_000}));
    }

    @Test
    void severalRunsShowTheMedianRunsFiguresAndEveryRunsRatioWithTheirSpread(@TempDir Path docs) throws Exception {
        Report report = new Report(List.of(run(100, 400), run(100, 600), run(100, 500)), "--runs 3", "bench");

        report.write(docs);

        String md = Files.readString(docs.resolve("bench.md"));
        assertThat(md).contains("| ratio Weir / faster Flink | each run (ratio, or Weir's figures) | target | cores |");
        assertThat(md).contains("| 1 | stateless map+filter | 2 | 1,000,000 | 10.00 M/s | 2.00 M/s | 5.00× | "
                + "4.00× · 6.00× · 5.00× (spread 1.50) | ≥ 6× |");
        assertThat(md).contains("3 independent runs, each with fresh worker JVMs");
        assertThat(report.plainTable()).contains("4.00× · 6.00× · 5.00× (spread 1.50)");
    }

    @Test
    void aFloorOnAFigureShowsWeirsOwnFiguresInEachRunWhateverFlinkMeasured(@TempDir Path docs) throws Exception {
        List<List<Measurement>> runs = List.of(
                List.of(new Measurement("weir", Workload.STARTUP, 1, new long[] {80_000_000, 91_000_000, 77_000_000}),
                        new Measurement("flink-1.20.5", Workload.STARTUP, 1, new long[] {2_100_000_000L})),
                List.of(new Measurement("weir", Workload.STARTUP, 1, new long[] {79_000_000, 79_000_000}),
                        new Measurement("flink-1.20.5", Workload.STARTUP, 1, new long[] {2_200_000_000L})));

        new Report(runs, "--runs 2", "bench").write(docs);

        assertThat(Files.readString(docs.resolve("bench.md"))).contains("| Weir: 77–91 ms · 79 ms | ≤ 150 ms |");
    }

    @Test
    void aSingleRunKeepsTheTableWithoutTheEachRunColumn(@TempDir Path docs) throws Exception {
        new Report(List.of(run(100, 400)), "", "bench").write(docs);

        String md = Files.readString(docs.resolve("bench.md"));
        assertThat(md).contains("| ratio Weir / faster Flink | target | cores |");
        assertThat(md).contains("| 1 | stateless map+filter | 2 | 1,000,000 | 10.00 M/s | 2.50 M/s | 4.00× | ≥ 6× |");
        assertThat(md).doesNotContain("independent runs");
    }
}
