package dev.weir.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard panels keep fixed memory: what they show, what they average, and what they drop and count. */
class DashboardPanelsTest {
    private static LineChartPanel.Snapshot chart(LineChartPanel panel) {
        return panel.snapshot();
    }

    private static List<String> plotted(LineChartPanel.Snapshot s, String series) {
        return s.series().stream().filter(x -> x.name().equals(series)).findFirst().orElseThrow().points().length == 0 ? List.of()
                : java.util.Arrays.stream(s.series().stream().filter(x -> x.name().equals(series)).findFirst().orElseThrow().points())
                        .map(p -> (long) p[0] + "=" + p[1]).toList();
    }

    @Test
    void aLineChartPlotsEachSeriesOverTheLastWindowOfEventTime() {
        LineChartPanel panel = new LineChartPanel("means", 10_000, 10, 4, 10);
        for (int i = 0; i < 15; i++) {
            panel.add("a", 1_000L * i, i);
            panel.add("b", 1_000L * i, 2 * i);
        }

        LineChartPanel.Snapshot s = chart(panel);

        assertThat(s.from()).isEqualTo(4_001L);
        assertThat(s.to()).isEqualTo(14_000L);
        assertThat(s.series()).extracting(LineChartPanel.Series::name).containsExactly("a", "b");
        assertThat(plotted(s, "a")).containsExactly("5000=5.0", "6000=6.0", "7000=7.0", "8000=8.0", "9000=9.0", "10000=10.0", "11000=11.0",
                "12000=12.0", "13000=13.0", "14000=14.0");
        assertThat(s.points()).isEqualTo(30);
        assertThat(s.downsampled()).isZero();
    }

    @Test
    void aFastStreamIsAveragedIntoTheFixedSlotsOfEachSeries() {
        LineChartPanel panel = new LineChartPanel("fast", 10_000, 10, 4, 10);
        for (long t = 0; t < 100_000; t++) {
            panel.add("a", t, t % 1_000 < 500 ? 1 : 3);
        }

        LineChartPanel.Snapshot s = chart(panel);

        assertThat(java.util.Arrays.asList(s.series().get(0).points())).hasSize(10).allSatisfy(p -> assertThat(p[1]).isEqualTo(2.0));
        assertThat(s.series().get(0).points()[9][0]).isEqualTo(99_999.0);
        assertThat(s.downsampled()).isEqualTo(100_000 - 100);
        assertThat(s.droppedTooOld()).isZero();
    }

    @Test
    void pointsOlderThanTheWindowAndSeriesBeyondTheLimitAreDroppedAndCounted() {
        LineChartPanel panel = new LineChartPanel("limits", 10_000, 10, 2, 10);
        panel.add("a", 50_000, 1);
        panel.add("a", 40_000, 2);
        panel.add("b", 50_000, 3);
        panel.add("c", 50_000, 4);
        panel.addEmpty();

        LineChartPanel.Snapshot s = chart(panel);

        assertThat(s.series()).extracting(LineChartPanel.Series::name).containsExactly("a", "b");
        assertThat(s.points()).isEqualTo(5);
        assertThat(s.droppedTooOld()).isEqualTo(1);
        assertThat(s.droppedSeries()).isEqualTo(1);
        assertThat(s.droppedNoValue()).isEqualTo(1);
    }

    @Test
    void marksInsideTheWindowAreShownNewestKept() {
        LineChartPanel panel = new LineChartPanel("marked", 10_000, 10, 2, 2);
        panel.add("a", 20_000, 1);
        panel.mark("a", 5_000, "too old", 1);
        panel.mark("a", 15_000, "first", 7.5);
        panel.mark(null, 19_000, "second", Double.NaN);

        assertThat(chart(panel).marks()).containsExactly(new LineChartPanel.Mark(15_000, "a", "first", 7.5),
                new LineChartPanel.Mark(19_000, null, "second", null));
    }

    @Test
    void aTableKeepsTheLatestRowPerKeyUpToItsLimit() {
        TablePanel panel = new TablePanel("latest", List.of("mean", "level"), 2);
        panel.put("s1", new Object[] {1.5, "ok"});
        panel.put("s2", new Object[] {2.5, "ok"});
        panel.put("s1", new Object[] {9.0, "alert"});
        panel.put("s3", new Object[] {3.0, "ok"});

        TablePanel.Snapshot s = panel.snapshot();

        assertThat(s.rows()).containsExactly(List.of("s1", "9.0", "alert"), List.of("s2", "2.5", "ok"));
        assertThat(s.updates()).isEqualTo(4);
        assertThat(s.droppedKeys()).isEqualTo(1);
    }

    @Test
    void aPanelNameServesOneKindOfPanel() {
        DashboardPanels panels = new DashboardPanels();
        panels.getOrCreate("x", CounterPanel.class, CounterPanel::new).add(3);

        assertThat(panels.getOrCreate("x", CounterPanel.class, CounterPanel::new).snapshot().count()).isEqualTo(3);
        assertThatThrownBy(() -> panels.getOrCreate("x", TablePanel.class, n -> new TablePanel(n, List.of("a"), 1)))
                .hasMessage("Dashboard panel 'x' is a CounterPanel, not a TablePanel; give each dashboard sink of another kind its own name");
    }
}
