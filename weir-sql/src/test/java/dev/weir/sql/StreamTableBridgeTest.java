package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DataStream bridge: streams become tables with watermarks, tables become insert-only or changelog streams. */
class StreamTableBridgeTest {

    private static List<String> collect(DataStream<Row> stream) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = stream.executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    private static DataStream<Row> clicks(StreamExecutionEnvironment env) {
        return env.fromData(
                Row.of("Mary", "/home", Instant.ofEpochMilli(1_000)),
                Row.of("Bob", "/cart", Instant.ofEpochMilli(2_000)),
                Row.of("Mary", "/prod", Instant.ofEpochMilli(61_000)),
                Row.of("Mary", "/home", Instant.ofEpochMilli(62_000)));
    }

    private static Schema clickSchema() {
        return Schema.newBuilder()
                .column("name", DataTypes.STRING())
                .column("url", "STRING")
                .column("ts", DataTypes.TIMESTAMP_LTZ(3))
                .watermark("ts", "ts - INTERVAL '1' SECOND")
                .build();
    }

    @Test
    void aWindowAggregateOverADataStreamBecomesAnInsertOnlyStream() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.createTemporaryView("clicks", clicks(env), clickSchema());
        Table perMinute = tEnv.sqlQuery("SELECT name, window_start, COUNT(*) AS clicks FROM TABLE(TUMBLE(TABLE clicks, "
                + "DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY name, window_start, window_end");
        assertThat(perMinute.getResolvedSchema().getColumnNames()).containsExactly("name", "window_start", "clicks");
        assertThat(collect(tEnv.toDataStream(perMinute))).containsExactlyInAnyOrder(
                "+I[Mary, 1970-01-01T00:00, 1]", "+I[Bob, 1970-01-01T00:00, 1]", "+I[Mary, 1970-01-01T00:01, 2]");
    }

    @Test
    void anUpdatingTableIsAChangelogStreamAndIsRefusedAsAnInsertOnlyOne() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        Table clicks = tEnv.fromDataStream(clicks(env), clickSchema());
        Table counts = tEnv.sqlQuery("SELECT name, COUNT(*) FROM " + clicks + " GROUP BY name");
        assertThatThrownBy(() -> tEnv.toDataStream(counts)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("doesn't support consuming update and delete changes").hasMessageContaining("toChangelogStream");
        assertThat(collect(tEnv.toChangelogStream(counts))).containsExactly(
                "+I[Mary, 1]", "+I[Bob, 1]", "-U[Mary, 1]", "+U[Mary, 2]", "-U[Mary, 2]", "+U[Mary, 3]");
    }

    @Test
    void theElementTimestampIsTheRowtimeMetadataColumn() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        DataStream<Row> stamped = env.fromData(Row.of("a", 1), Row.of("b", 2)).assignTimestampsAndWatermarks(
                dev.weir.api.common.eventtime.WatermarkStrategy.<Row>forMonotonousTimestamps()
                        .withTimestampAssigner((row, previous) -> (Integer) row.getField(1) * 1000L));
        Table t = tEnv.fromDataStream(stamped, Schema.newBuilder()
                .column("k", DataTypes.STRING())
                .column("n", DataTypes.INT())
                .columnByMetadata("rowtime", DataTypes.TIMESTAMP_LTZ(3))
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build());
        assertThat(collect(tEnv.toDataStream(tEnv.sqlQuery("SELECT k, rowtime FROM " + t))))
                .containsExactly("+I[a, 1970-01-01T00:00:01Z]", "+I[b, 1970-01-01T00:00:02Z]");
    }

    @Test
    void rowsBehindTheWatermarkAreDroppedByTheWindowAggregateAsInFlink() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        // The watermark follows each row at once, so the row at 2 s arrives after window [0 s, 3 s) has fired.
        DataStream<Row> events = env.fromData(Row.of("a", 1_000L), Row.of("a", 5_000L), Row.of("a", 2_000L), Row.of("a", 5_500L))
                .assignTimestampsAndWatermarks(dev.weir.api.common.eventtime.WatermarkStrategy.<Row>forGenerator(context -> new EveryRow())
                        .withTimestampAssigner((row, previous) -> (Long) row.getField(1)));
        Table t = tEnv.fromDataStream(events, Schema.newBuilder()
                .column("k", DataTypes.STRING())
                .column("millis", DataTypes.BIGINT())
                .columnByMetadata("rowtime", DataTypes.TIMESTAMP_LTZ(3))
                .watermark("rowtime", "SOURCE_WATERMARK()")
                .build());
        assertThat(collect(tEnv.toDataStream(tEnv.sqlQuery("SELECT window_start, COUNT(*), SUM(millis) FROM TABLE(TUMBLE(TABLE " + t
                + ", DESCRIPTOR(rowtime), INTERVAL '3' SECOND)) GROUP BY window_start, window_end"))))
                .containsExactly("+I[1970-01-01T00:00, 1, 1000]", "+I[1970-01-01T00:00:03, 2, 10500]");
    }

    /** Emits each row's timestamp as the watermark right away. */
    private static final class EveryRow implements dev.weir.api.common.eventtime.WatermarkGenerator<Row> {
        @Override
        public void onEvent(Row event, long eventTimestamp, dev.weir.api.common.eventtime.WatermarkOutput output) {
            output.emitWatermark(new dev.weir.api.common.eventtime.Watermark(eventTimestamp));
        }

        @Override
        public void onPeriodicEmit(dev.weir.api.common.eventtime.WatermarkOutput output) {
        }
    }
}
