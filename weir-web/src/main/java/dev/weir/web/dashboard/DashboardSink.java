package dev.weir.web.dashboard;

import dev.weir.api.connector.sink2.Sink;
import dev.weir.api.connector.sink2.SinkWriter;
import dev.weir.api.connector.sink2.WriterInitContext;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A sink that shows a stream live on Weir's dashboard (Weir only; Flink has none), on the page {@code /charts/<name>}:
 * <pre>{@code
 * means.sinkTo(DashboardSink.<SensorStats>lineChart("rolling means")
 *         .series(s -> s.sensor).value(s -> s.mean).time(s -> s.windowEnd).window(Duration.ofMinutes(5)));
 * alerts.sinkTo(DashboardSink.<Alert>marks("rolling means").series(a -> a.sensor).time(a -> a.time).label(Alert::toString));
 * alerts.sinkTo(DashboardSink.<Alert>table("latest alerts").key(a -> a.sensor).column("mean", a -> a.mean));
 * alerts.sinkTo(DashboardSink.<Alert>counter("alerts"));
 * }</pre>
 * A line chart plots the last {@link #window} of event time (a record's {@link #time}, else its timestamp) with a
 * legend, in fixed memory: {@link #pointsPerSeries} points per series (a faster stream is averaged into them) and
 * {@link #maxSeries} series; points it cannot show are counted and shown under the chart, never waited for, so the
 * sink never slows the job. Sinks of one name share the panel (a chart's marks come from their own sink), which takes
 * the window and limits of the first of them to start: give them the same.
 *
 * @param <T> the records
 */
public final class DashboardSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;

    /** A serializable function of a record, as the sink's functions travel with the job. */
    @FunctionalInterface
    public interface Field<T, R> extends Function<T, R>, Serializable {
    }

    enum Kind { LINE, MARKS, TABLE, COUNTER }

    final Kind kind;
    final String name;
    Field<T, String> series;
    Field<T, ? extends Number> value;
    Field<T, Long> time;
    Field<T, String> label;
    Field<T, ?> key;
    Field<T, String> chart;
    final List<String> lineNames = new ArrayList<>();
    final List<Field<T, ? extends Number>> lines = new ArrayList<>();
    final List<String> columnNames = new ArrayList<>();
    final List<Field<T, ?>> columns = new ArrayList<>();
    long windowMillis = Duration.ofMinutes(5).toMillis();
    int pointsPerSeries = 300;
    int maxSeries = 32;
    int maxMarks = 200;
    int maxRows = 500;
    int maxCharts = 64;

    private DashboardSink(Kind kind, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("DashboardSink: a panel needs a name, e.g. DashboardSink.lineChart(\"rolling means\")");
        }
        this.kind = kind;
        this.name = name;
    }

    /** A line chart: one line per {@link #series}, of each record's {@link #value}, over event time. */
    public static <T> DashboardSink<T> lineChart(String name) {
        return new DashboardSink<>(Kind.LINE, name);
    }

    /** Marks on the line chart {@code chartName}: one per record, at its time, on its {@link #series}, with its {@link #label}. */
    public static <T> DashboardSink<T> marks(String chartName) {
        return new DashboardSink<>(Kind.MARKS, chartName);
    }

    /** A table view: the latest record of each {@link #key}, in the {@link #column}s. */
    public static <T> DashboardSink<T> table(String name) {
        return new DashboardSink<>(Kind.TABLE, name);
    }

    /** A counter of the records that reach the sink. */
    public static <T> DashboardSink<T> counter(String name) {
        return new DashboardSink<>(Kind.COUNTER, name);
    }

    /** The series (line) of a record; without it, every record is on one line named like the chart. */
    public DashboardSink<T> series(Field<T, String> series) {
        this.series = Objects.requireNonNull(series, "series");
        return this;
    }

    /**
     * The value a line chart plots (a record whose value is null is counted, not plotted), or where a mark sits (else
     * on its series' line).
     */
    public DashboardSink<T> value(Field<T, ? extends Number> value) {
        this.value = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * A line of a fixed name, of each record's {@code value}: several lines per record (a mean and its thresholds) are
     * several calls, and replace {@link #series}/{@link #value}.
     */
    public DashboardSink<T> line(String seriesName, Field<T, ? extends Number> value) {
        lineNames.add(Objects.requireNonNull(seriesName, "seriesName"));
        lines.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    /**
     * Splits a line chart (or its marks) into one chart per value of {@code chart}, each its own panel and page named by
     * that value (e.g. one per sensor), at most 64 of them: records of further charts are counted as dropped on the
     * panel named like this sink.
     */
    public DashboardSink<T> charts(Field<T, String> chart) {
        this.chart = Objects.requireNonNull(chart, "chart");
        return this;
    }

    /** A record's event time in epoch milliseconds; without it, the record's timestamp (else the wall clock). */
    public DashboardSink<T> time(Field<T, Long> time) {
        this.time = Objects.requireNonNull(time, "time");
        return this;
    }

    /** The text of a mark. */
    public DashboardSink<T> label(Field<T, String> label) {
        this.label = Objects.requireNonNull(label, "label");
        return this;
    }

    /** How much event time a line chart shows, ending at its newest point (default 5 minutes). */
    public DashboardSink<T> window(Duration window) {
        this.windowMillis = window.toMillis();
        return this;
    }

    /** The points kept per series (default 300): the window is cut into this many slots, each the mean of its points. */
    public DashboardSink<T> pointsPerSeries(int points) {
        this.pointsPerSeries = positive(points, "pointsPerSeries");
        return this;
    }

    /** The most series a line chart keeps (default 32); points of further series are counted as dropped. */
    public DashboardSink<T> maxSeries(int series) {
        this.maxSeries = positive(series, "maxSeries");
        return this;
    }

    /** The key of a table view's rows. */
    public DashboardSink<T> key(Field<T, ?> key) {
        this.key = Objects.requireNonNull(key, "key");
        return this;
    }

    /** A column of a table view, in the order given. */
    public DashboardSink<T> column(String columnName, Field<T, ?> column) {
        columnNames.add(Objects.requireNonNull(columnName, "columnName"));
        columns.add(Objects.requireNonNull(column, "column"));
        return this;
    }

    /** The most keys a table view keeps (default 500); rows of further keys are counted as dropped. */
    public DashboardSink<T> maxRows(int rows) {
        this.maxRows = positive(rows, "maxRows");
        return this;
    }

    private static int positive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException("DashboardSink." + what + " must be at least 1, was " + n);
        }
        return n;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        DashboardPanels panels = DashboardPanels.global();
        switch (kind) {
            case LINE:
                require(value != null || !lines.isEmpty(), "lineChart", ".value(r -> r.mean)");
                return new LineChartWriter<>(this, new ChartPanels(this, panels));
            case MARKS:
                return new MarkWriter<>(this, new ChartPanels(this, panels));
            case TABLE:
                require(key != null, "table", ".key(r -> r.sensor)");
                require(!columns.isEmpty(), "table", ".column(\"mean\", r -> r.mean)");
                return new TableWriter<>(this, panels.getOrCreate(name, TablePanel.class, n -> new TablePanel(n, columnNames, maxRows)));
            default:
                return new CounterWriter<>(panels.getOrCreate(name, CounterPanel.class, CounterPanel::new));
        }
    }

    LineChartPanel newLineChart(String panelName) {
        return new LineChartPanel(panelName, windowMillis, pointsPerSeries, maxSeries, maxMarks);
    }

    private void require(boolean present, String factory, String example) {
        if (!present) {
            throw new IllegalStateException("DashboardSink." + factory + "(\"" + name + "\") needs " + example.substring(1, example.indexOf('('))
                    + ": add e.g. " + example);
        }
    }

    /** The event time of {@code element}: its {@link #time}, else its timestamp, else now. */
    long timeOf(T element, SinkWriter.Context context) {
        if (time != null) {
            Long t = time.apply(element);
            return t == null ? Long.MIN_VALUE : t;
        }
        Long timestamp = context.timestamp();
        return timestamp != null ? timestamp : System.currentTimeMillis();
    }

    String seriesOf(T element) {
        return series == null ? name : series.apply(element);
    }
}
