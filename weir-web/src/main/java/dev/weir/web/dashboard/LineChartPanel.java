package dev.weir.web.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The server side of one line chart: up to {@code maxSeries} series of {@code pointsPerSeries} points each over the
 * last {@code windowMillis} of event time (the window ends at the newest point seen), and the newest {@code maxMarks}
 * marks. Memory is fixed by those three numbers: a fast stream is averaged into fewer points, and what cannot be shown
 * (a point older than the window, a series beyond the limit) is dropped and counted, never waited for.
 */
public final class LineChartPanel implements DashboardPanel {
    private final String name;
    private final long windowMillis;
    private final int pointsPerSeries;
    private final int maxSeries;
    /** By name, so a series keeps its place (and colour) in the legend whichever subtask saw it first. */
    private final Map<String, SeriesBuckets> series = new TreeMap<>();
    private final long[] markTimes;
    private final String[] markSeries;
    private final String[] markLabels;
    private final double[] markValues;
    private final Counts counts = new Counts();
    private long marks;
    private long newest = Long.MIN_VALUE;

    /** What the chart accepted, averaged and dropped so far; shown under the chart. */
    static final class Counts {
        long points;
        long downsampled;
        long droppedTooOld;
        long droppedSeries;
        long droppedNoValue;
    }

    LineChartPanel(String name, long windowMillis, int pointsPerSeries, int maxSeries, int maxMarks) {
        if (windowMillis < pointsPerSeries) {
            throw new IllegalArgumentException("Line chart '" + name + "': a window of " + windowMillis + " ms cannot hold "
                    + pointsPerSeries + " points; widen the window or lower pointsPerSeries");
        }
        this.name = name;
        this.windowMillis = windowMillis;
        this.pointsPerSeries = pointsPerSeries;
        this.maxSeries = maxSeries;
        this.markTimes = new long[maxMarks];
        this.markSeries = new String[maxMarks];
        this.markLabels = new String[maxMarks];
        this.markValues = new double[maxMarks];
    }

    @Override
    public String name() {
        return name;
    }

    /** Adds a point of {@code seriesName} at event time {@code time}. */
    public synchronized void add(String seriesName, long time, double value) {
        counts.points++;
        if (newest != Long.MIN_VALUE && time <= newest - windowMillis) {
            counts.droppedTooOld++;
            return;
        }
        SeriesBuckets s = series.get(seriesName);
        if (s == null) {
            if (series.size() >= maxSeries) {
                counts.droppedSeries++;
                return;
            }
            // Slots of window / points: a ring one slot longer than the window, so the oldest shown slot is never reused.
            s = new SeriesBuckets(pointsPerSeries + 1, Math.max(1, windowMillis / pointsPerSeries));
            series.put(seriesName, s);
        }
        if (!s.add(time, value, counts)) {
            counts.droppedTooOld++;
            return;
        }
        newest = Math.max(newest, time);
    }

    /** Counts a record that had no value (or no time) to plot. */
    public synchronized void addEmpty() {
        counts.points++;
        counts.droppedNoValue++;
    }

    /**
     * Marks event time {@code time} on {@code seriesName} (or on the chart, when null) with {@code label}, at
     * {@code value} (NaN: on the series' line).
     */
    public synchronized void mark(String seriesName, long time, String label, double value) {
        int i = (int) (marks++ % markTimes.length);
        markTimes[i] = time;
        markSeries[i] = seriesName;
        markLabels[i] = label;
        markValues[i] = value;
        newest = Math.max(newest, time);
    }

    @Override
    public synchronized Snapshot snapshot() {
        long to = newest;
        long from = to == Long.MIN_VALUE ? Long.MIN_VALUE : to - windowMillis + 1;
        List<Series> shown = new ArrayList<>();
        for (Map.Entry<String, SeriesBuckets> e : series.entrySet()) {
            shown.add(new Series(e.getKey(), e.getValue().points(from, to)));
        }
        List<Mark> shownMarks = new ArrayList<>();
        long first = Math.max(0, marks - markTimes.length);
        for (long m = first; m < marks; m++) {
            int i = (int) (m % markTimes.length);
            if (markTimes[i] >= from && markTimes[i] <= to) {
                shownMarks.add(new Mark(markTimes[i], markSeries[i], markLabels[i], Double.isNaN(markValues[i]) ? null : markValues[i]));
            }
        }
        return new Snapshot(name, "line", windowMillis, to == Long.MIN_VALUE ? null : from, to == Long.MIN_VALUE ? null : to,
                shown, shownMarks, counts.points, counts.downsampled, counts.droppedTooOld, counts.droppedSeries,
                counts.droppedNoValue);
    }

    /** One series as plotted: {@code [eventTimeMillis, value]} pairs, oldest first. */
    public record Series(String name, double[][] points) {
    }

    /** A mark on the chart (an alert): its event time, the series it belongs to (or null), its label and value (or null). */
    public record Mark(long time, String series, String label, Double value) {
    }

    /** What the chart page draws, and the counts it shows under the chart. */
    public record Snapshot(String name, String kind, long windowMillis, Long from, Long to, List<Series> series, List<Mark> marks,
            long points, long downsampled, long droppedTooOld, long droppedSeries, long droppedNoValue) {
    }
}
