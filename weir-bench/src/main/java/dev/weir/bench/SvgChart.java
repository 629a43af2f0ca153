package dev.weir.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-drawn SVG bar chart: one group per workload, one bar per engine, each group scaled to its own largest
 * value (throughputs differ by orders of magnitude between workloads), the figure written on each bar.
 */
final class SvgChart {
    private static final String[] COLOURS = {"#1f6fb4", "#e07b1a", "#2e9e44", "#8c57b0", "#c0392b"};
    private static final int WIDTH = 900;
    private static final int LABEL = 330;
    private static final int BAR = 18;

    private final Map<Workload, Map<String, Measurement>> rows;
    private final List<String> engines;

    SvgChart(Map<Workload, Map<String, Measurement>> rows, List<String> engines) {
        this.rows = rows;
        this.engines = engines;
    }

    String svg() {
        int groupHeight = engines.size() * (BAR + 4) + 26;
        int height = 60 + rows.size() * groupHeight + 30;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, height));
        out.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        out.append("<text x=\"10\" y=\"22\" font-size=\"16\" font-weight=\"bold\">Weir against Apache Flink, same"
                + " machine, same run (throughput: longer is better; startup, latency p99.9, heap: shorter is better)</text>\n");
        for (int e = 0; e < engines.size(); e++) {
            int x = 10 + e * 160;
            out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"34\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"45\">%s</text>%n", x, COLOURS[e % COLOURS.length], x + 16, engines.get(e)));
        }
        int y = 60;
        for (Map.Entry<Workload, Map<String, Measurement>> row : rows.entrySet()) {
            Workload w = row.getKey();
            double ratio = Report.ratio(w, row.getValue());
            out.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"%d\" font-weight=\"bold\">%s %s (p=%d)%s</text>%n",
                    y + 14, w.number, escape(w.title), w.parallelism,
                    Double.isNaN(ratio) ? "" : String.format(Locale.ROOT, ": %.2f×", ratio)));
            double max = 0;
            for (Measurement m : row.getValue().values()) {
                max = m.present() ? Math.max(max, value(m)) : max;
            }
            int barY = y + 22;
            for (int e = 0; e < engines.size(); e++) {
                Measurement m = row.getValue().get(engines.get(e));
                int length = m == null || !m.present() || max == 0 ? 0
                        : (int) Math.round((WIDTH - LABEL - 20) * value(m) / max);
                out.append(String.format(Locale.ROOT, "<text x=\"20\" y=\"%d\">%s</text>%n", barY + 13,
                        engines.get(e)));
                out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                        + " fill=\"%s\"/>%n", LABEL - 180, barY, length, BAR, COLOURS[e % COLOURS.length]));
                out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n",
                        LABEL - 175 + length, barY + 13, escape(Report.figure(m))));
                barY += BAR + 4;
            }
            y += groupHeight;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    private static double value(Measurement m) {
        return m.value();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
