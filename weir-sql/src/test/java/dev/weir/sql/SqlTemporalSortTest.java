package dev.weir.sql;

import static dev.weir.table.api.Expressions.$;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.Watermark;
import dev.weir.api.common.eventtime.WatermarkGenerator;
import dev.weir.api.common.eventtime.WatermarkOutput;
import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY on an ascending event-time attribute, Flink's temporal sort: rows leave in time order as the watermark passes
 * them, rows of one time by the further keys, late rows are dropped; any other first key is refused with Flink's message.
 */
class SqlTemporalSortTest {
    /**
     * (k, v, ts) out of order; the watermark is the largest time so far minus 1 s, emitted with each row, so which row
     * is late does not depend on timing: (x, 9, 500) arrives after the watermark reached 1500 and the rows up to 1500
     * left, so it is dropped.
     */
    private static StreamTableEnvironment events() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<Row> rows = env.fromData(Row.of("c", 3L, 1_000L), Row.of("a", 1L, 200L), Row.of("b", 2L, 1_000L),
                Row.of("d", 4L, 700L), Row.of("e", 5L, 2_500L), Row.of("x", 9L, 500L), Row.of("f", 6L, 2_000L),
                Row.of("a", 7L, 2_000L))
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forGenerator(context -> new BoundedByOneSecond())
                        .withTimestampAssigner((row, previous) -> (Long) row.getField(2)));
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().set("table.local-time-zone", "UTC");
        tables.createTemporaryView("events", rows, Schema.newBuilder().column("k", DataTypes.STRING())
                .column("v", DataTypes.BIGINT()).column("ts", DataTypes.BIGINT())
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build());
        return tables;
    }

    private static List<String> collect(StreamTableEnvironment tables, Table table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = tables.toDataStream(table).executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @Test
    void rowsLeaveInEventTimeOrderAsTheWatermarkPassesThemAndALateRowIsDropped() throws Exception {
        StreamTableEnvironment tables = events();
        Table sorted = tables.sqlQuery("SELECT k, v, ts FROM events ORDER BY rowtime");

        assertThat(tables.explainSql("SELECT k, v, ts FROM events ORDER BY rowtime")).contains("TemporalSort(orderBy=[rowtime ASC])");
        // Rows of one time without a further key leave in arrival order: c before b at 1000, f before a at 2000.
        assertThat(collect(tables, sorted)).containsExactly("+I[a, 1, 200]", "+I[d, 4, 700]", "+I[c, 3, 1000]",
                "+I[b, 2, 1000]", "+I[f, 6, 2000]", "+I[a, 7, 2000]", "+I[e, 5, 2500]");
    }

    @Test
    void rowsOfTheSameTimeAreOrderedByTheFurtherSortKeys() throws Exception {
        StreamTableEnvironment tables = events();
        Table sorted = tables.sqlQuery("SELECT k, v, ts FROM events ORDER BY rowtime, k");

        assertThat(collect(tables, sorted)).containsExactly("+I[a, 1, 200]", "+I[d, 4, 700]", "+I[b, 2, 1000]",
                "+I[c, 3, 1000]", "+I[a, 7, 2000]", "+I[f, 6, 2000]", "+I[e, 5, 2500]");
        Table descending = tables.sqlQuery("SELECT k, v, ts FROM events ORDER BY rowtime, v DESC");
        assertThat(collect(tables, descending)).containsExactly("+I[a, 1, 200]", "+I[d, 4, 700]", "+I[c, 3, 1000]",
                "+I[b, 2, 1000]", "+I[a, 7, 2000]", "+I[f, 6, 2000]", "+I[e, 5, 2500]");
    }

    @Test
    void theTableApisOrderByOnTheRowtimeAloneRunsAsTheSameSort() throws Exception {
        StreamTableEnvironment tables = events();
        Table sorted = tables.from("events").select($("k"), $("v"), $("rowtime")).orderBy($("rowtime"), $("v").desc());

        assertThat(collect(tables, sorted)).containsExactly("+I[a, 1, 1970-01-01T00:00:00.200Z]",
                "+I[d, 4, 1970-01-01T00:00:00.700Z]", "+I[c, 3, 1970-01-01T00:00:01Z]", "+I[b, 2, 1970-01-01T00:00:01Z]",
                "+I[a, 7, 1970-01-01T00:00:02Z]", "+I[f, 6, 1970-01-01T00:00:02Z]", "+I[e, 5, 1970-01-01T00:00:02.500Z]");
    }

    @Test
    void operationsThatKeepEachRowRunAfterTheTableApisOrderByAsInFlinkEvenWhenTheyDropTheSortColumn() throws Exception {
        StreamTableEnvironment tables = events();
        Table sorted = tables.from("events").orderBy($("rowtime")).filter($("v").isLess(7)).select($("k"), $("v"), $("rowtime"))
                .addColumns($("v").times(10).as("v10")).dropColumns($("v"));
        assertThat(collect(tables, sorted)).containsExactly("+I[a, 1970-01-01T00:00:00.200Z, 10]",
                "+I[d, 1970-01-01T00:00:00.700Z, 40]", "+I[c, 1970-01-01T00:00:01Z, 30]", "+I[b, 1970-01-01T00:00:01Z, 20]",
                "+I[f, 1970-01-01T00:00:02Z, 60]", "+I[e, 1970-01-01T00:00:02.500Z, 50]");
        Table keys = tables.from("events").orderBy($("rowtime")).select($("k"));
        assertThat(collect(tables, keys)).containsExactly("+I[a]", "+I[d]", "+I[c]", "+I[b]", "+I[f]", "+I[a]", "+I[e]");
        assertThatThrownBy(() -> keys.select($("k").upperCase()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("call orderBy(..) after them");
        assertThatThrownBy(() -> tables.from("events").orderBy($("rowtime")).groupBy($("k")).select($("k")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("call orderBy(..) after them");
    }

    @Test
    void aSortWhoseFirstKeyIsNoAscendingTimeAttributeIsRefusedWithFlinksMessageAtTheOrderBy() {
        StreamTableEnvironment tables = events();
        String refusal = "Sort on a non-time-attribute field is not supported. Order the rows by an ascending time "
                + "attribute first (ORDER BY rowtime, other columns), or keep a Top-N with LIMIT";

        assertThatThrownBy(() -> tables.executeSql("SELECT k\nFROM events\nORDER BY v, rowtime"))
                .isInstanceOf(ValidationException.class).hasMessage("At line 3, column 1: " + refusal);
        assertThatThrownBy(() -> tables.executeSql("SELECT k FROM events ORDER BY rowtime DESC"))
                .isInstanceOf(ValidationException.class).hasMessage("At line 1, column 22: " + refusal);
    }

    /** Emits the largest time so far minus 1 s as the watermark with every row. */
    private static final class BoundedByOneSecond implements WatermarkGenerator<Row> {
        private long max = Long.MIN_VALUE;

        @Override
        public void onEvent(Row event, long eventTimestamp, WatermarkOutput output) {
            max = Math.max(max, eventTimestamp);
            output.emitWatermark(new Watermark(max - 1_000));
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
        }
    }
}
