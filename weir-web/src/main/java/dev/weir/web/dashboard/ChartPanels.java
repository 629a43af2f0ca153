package dev.weir.web.dashboard;

import java.util.HashMap;
import java.util.Map;

/**
 * The line chart panels one writer of a {@link DashboardSink} writes to: the sink's own, or with {@code charts(...)}
 * one per chart name, looked up once per name and kept, at most {@code maxCharts}; records for further charts go to the
 * sink's own panel as counted drops.
 */
final class ChartPanels {
    private final DashboardSink<?> sink;
    private final DashboardPanels panels;
    private final Map<String, LineChartPanel> byName = new HashMap<>();
    private LineChartPanel own;

    ChartPanels(DashboardSink<?> sink, DashboardPanels panels) {
        this.sink = sink;
        this.panels = panels;
        if (sink.chart == null) {
            own = panels.getOrCreate(sink.name, LineChartPanel.class, sink::newLineChart);
        }
    }

    /** The panel for charts named {@code chartName} (ignored without {@code charts(...)}), or null when over the limit. */
    LineChartPanel panel(String chartName) {
        if (sink.chart == null) {
            return own;
        }
        LineChartPanel panel = byName.get(chartName);
        if (panel == null) {
            if (byName.size() >= sink.maxCharts) {
                return null;
            }
            panel = panels.getOrCreate(chartName, LineChartPanel.class, sink::newLineChart);
            byName.put(chartName, panel);
        }
        return panel;
    }

    /** Counts a record that could not be charted on the sink's own panel. */
    void dropOverLimit() {
        if (own == null) {
            own = panels.getOrCreate(sink.name, LineChartPanel.class, sink::newLineChart);
        }
        own.addEmpty();
    }
}
