package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A window aggregate or a projection over a DataStream table whose {@code rowtime} metadata column only repeats the
 * records' timestamps scans the elements' own rows when it reads no metadata column, and the full rows otherwise; the
 * results are the same either way.
 */
class DataStreamTablePhysicalScanTest {
    private static final String PER_WINDOW = "SELECT k, window_start, COUNT(*) AS c, SUM(v) AS s, MAX(v) AS m FROM TABLE("
            + "TUMBLE(TABLE events, DESCRIPTOR(rowtime), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end";
    /** PER_WINDOW's rows: the row at 900 ms is late and counts in no window. */
    private static final String[] PER_WINDOW_ROWS = {"+I[1, 1970-01-01T00:00, 2, 15, 10]", "+I[2, 1970-01-01T00:00, 1, 20, 20]",
        "+I[1, 1970-01-01T00:00:01, 1, 7, 7]", "+I[2, 1970-01-01T00:00:01, 1, 1, 1]", "+I[2, 1970-01-01T00:00:02, 1, 3, 3]"};

    private static StreamTableEnvironment events(StreamExecutionEnvironment env, String watermark) {
        // (k, v, ts): two keys over three windows; the row at 900 ms arrives after the watermark passed 1 s and is late.
        DataStream<Row> rows = env.fromData(Row.of(1L, 10L, 100L), Row.of(2L, 20L, 200L), Row.of(1L, 5L, 700L),
                Row.of(1L, 7L, 1_500L), Row.of(2L, 1L, 1_200L), Row.of(1L, 99L, 900L), Row.of(2L, 3L, 2_500L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forGenerator(context -> new EveryRow())
                        .withTimestampAssigner((row, previous) -> (Long) row.getField(2)));
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().set("table.local-time-zone", "UTC");
        tables.createTemporaryView("events", rows, Schema.newBuilder().column("k", DataTypes.BIGINT())
                .column("v", DataTypes.BIGINT()).column("ts", DataTypes.BIGINT())
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", watermark).build());
        return tables;
    }

    private static List<String> collect(StreamTableEnvironment tables, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = tables.toDataStream(tables.sqlQuery(query)).executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @Test
    void aWindowAggregateReadingNoMetadataColumnScansThePhysicalColumnsAlone() throws Exception {
        StreamTableEnvironment tables = events(StreamExecutionEnvironment.createLocalEnvironment(1), "SOURCE_WATERMARK()");

        assertThat(tables.explainSql(PER_WINDOW)).contains("DataStreamScan(table=[events], fields=[k, v, ts])");
        assertThat(collect(tables, PER_WINDOW)).containsExactlyInAnyOrder(PER_WINDOW_ROWS);
    }

    @Test
    void aWindowAggregateReadingTheRowtimeColumnScansTheFullRows() throws Exception {
        StreamTableEnvironment tables = events(StreamExecutionEnvironment.createLocalEnvironment(1), "SOURCE_WATERMARK()");
        String query = "SELECT k, window_start, MAX(rowtime) AS latest FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(rowtime), "
                + "INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end";

        assertThat(tables.explainSql(query)).contains("DataStreamScan(table=[events], fields=[k, v, ts, rowtime])");
        assertThat(collect(tables, query)).containsExactlyInAnyOrder(
                "+I[1, 1970-01-01T00:00, 1970-01-01T00:00:00.700Z]", "+I[2, 1970-01-01T00:00, 1970-01-01T00:00:00.200Z]",
                "+I[1, 1970-01-01T00:00:01, 1970-01-01T00:00:01.500Z]", "+I[2, 1970-01-01T00:00:01, 1970-01-01T00:00:01.200Z]",
                "+I[2, 1970-01-01T00:00:02, 1970-01-01T00:00:02.500Z]");
    }

    @Test
    void aDeclaredWatermarkExpressionReadsTheRowtimeColumnSoTheFullRowsAreScanned() throws Exception {
        StreamTableEnvironment tables = events(StreamExecutionEnvironment.createLocalEnvironment(1),
                "rowtime - INTERVAL '0.001' SECOND");

        assertThat(tables.explainSql(PER_WINDOW)).contains("DataStreamScan(table=[events], fields=[k, v, ts, rowtime])");
        assertThat(collect(tables, PER_WINDOW)).containsExactlyInAnyOrder(PER_WINDOW_ROWS);
    }

    @Test
    void aProjectionReadingNoMetadataColumnScansThePhysicalColumnsAlone() throws Exception {
        StreamTableEnvironment tables = events(StreamExecutionEnvironment.createLocalEnvironment(1), "SOURCE_WATERMARK()");
        String query = "SELECT k, v * 2 AS twice FROM events WHERE k = 1";

        assertThat(tables.explainSql(query)).contains("DataStreamScan(table=[events], fields=[k, v, ts])");
        assertThat(collect(tables, query)).containsExactly("+I[1, 20]", "+I[1, 10]", "+I[1, 14]", "+I[1, 198]");
    }

    @Test
    void aProjectionReadingTheRowtimeColumnScansTheFullRows() throws Exception {
        StreamTableEnvironment tables = events(StreamExecutionEnvironment.createLocalEnvironment(1), "SOURCE_WATERMARK()");
        String query = "SELECT k, rowtime FROM events WHERE v > 7";

        assertThat(tables.explainSql(query)).contains("DataStreamScan(table=[events], fields=[k, v, ts, rowtime])");
        assertThat(collect(tables, query)).containsExactly("+I[1, 1970-01-01T00:00:00.100Z]", "+I[2, 1970-01-01T00:00:00.200Z]",
                "+I[1, 1970-01-01T00:00:00.900Z]");
    }

    /** Emits each row's timestamp as the watermark right away, so which row is late does not depend on timing. */
    private static final class EveryRow implements WatermarkGenerator<Row> {
        @Override
        public void onEvent(Row event, long eventTimestamp, WatermarkOutput output) {
            output.emitWatermark(new Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
