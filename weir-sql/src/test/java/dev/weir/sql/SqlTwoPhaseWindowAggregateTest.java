package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A window aggregate whose calls all merge (COUNT, SUM, AVG, MIN, MAX of integers) over TUMBLE or HOP runs in two
 * phases, Flink's LocalWindowAggregate and GlobalWindowAggregate, with the rows of one phase: checked against rows
 * computed here, over more keys per window than the local phase holds at once (so its bundles also end when full),
 * with NULL keys and values, a FILTER clause and parallelism 2.
 */
class SqlTwoPhaseWindowAggregateTest {
    private static final int ROWS = 12_000;
    private static final int KEYS = 5_003;

    private static Long key(int i) {
        return i % 997 == 0 ? null : (long) (i % KEYS);
    }

    private static Long value(int i) {
        return i % 13 == 0 ? null : (long) (i % 101);
    }

    /**
     * Ten rows per millisecond: a first 1 s window of 10,000 rows over 5,003 keys (more than the local phase holds), a
     * second of 2,000; every seventh row 150 ms behind, out of order but within the watermark's second of delay, so no
     * row is late.
     */
    private static long timestamp(int i) {
        return Math.max(0, i / 10 - (i % 7 == 0 ? 150 : 0));
    }

    private static StreamTableEnvironment events() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2);
        List<Row> input = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            input.add(Row.of(key(i), value(i), timestamp(i)));
        }
        DataStream<Row> rows = env.fromData(input).assignTimestampsAndWatermarks(WatermarkStrategy.<Row>forBoundedOutOfOrderness(Duration.ofSeconds(1))
                .withTimestampAssigner((row, previous) -> (Long) row.getField(2)));
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().set("table.local-time-zone", "UTC");
        tables.createTemporaryView("events", rows, Schema.newBuilder().column("k", DataTypes.BIGINT())
                .column("v", DataTypes.BIGINT()).column("ts", DataTypes.BIGINT())
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build());
        return tables;
    }

    private static List<String> collect(StreamTableEnvironment tables, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = tables.toDataStream(tables.sqlQuery(query)).executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        // Sorted and compared as lists: thousands of rows compared in any order would take AssertJ quadratic time.
        Collections.sort(rows);
        return rows;
    }

    /** Count, count of values, sum, min, max and count of values over 50 of one key and window; null sums as SQL. */
    private static final class Expected {
        long count;
        long values;
        long sum;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long over50;

        void add(Long v) {
            count++;
            if (v != null) {
                values++;
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                over50 += v > 50 ? 1 : 0;
            }
        }

        Row row(Long key, long windowStart) {
            boolean none = values == 0;
            return Row.of(key, LocalDateTime.ofEpochSecond(Math.floorDiv(windowStart, 1000), (int) Math.floorMod(windowStart, 1000)
                    * 1_000_000, ZoneOffset.UTC), count, values,
                    none ? null : sum, none ? null : min, none ? null : max, none ? null : sum / values, over50);
        }
    }

    /** The rows of windows of {@code size} ms every {@code slide} ms from {@code offset}, as Flink assigns them. */
    private static List<String> expected(long size, long slide, long offset) {
        Map<List<Object>, Expected> windows = new HashMap<>();
        for (int i = 0; i < ROWS; i++) {
            long ts = timestamp(i);
            for (long start = ts - Math.floorMod(ts - offset, slide); start > ts - size; start -= slide) {
                List<Object> group = java.util.Arrays.asList(key(i), start);
                windows.computeIfAbsent(group, g -> new Expected()).add(value(i));
            }
        }
        List<String> rows = new ArrayList<>();
        windows.forEach((group, e) -> rows.add(e.row((Long) group.get(0), (Long) group.get(1)).toString()));
        Collections.sort(rows);
        return rows;
    }

    private static final String CALLS = "COUNT(*), COUNT(v), SUM(v), MIN(v), MAX(v), AVG(v), COUNT(*) FILTER (WHERE v > 50)";

    /** The plan and the sorted rows of the calls per key and window of {@code windowFunction} over the events. */
    private static List<String> twoPhaseRows(String windowFunction) throws Exception {
        StreamTableEnvironment tables = events();
        String query = "SELECT k, window_start, " + CALLS + " FROM TABLE(" + windowFunction + ") GROUP BY k, window_start, "
                + "window_end";
        assertThat(tables.explainSql(query)).contains("LocalWindowAggregate(groupBy=[k]", "GlobalWindowAggregate(groupBy=[k]");
        return collect(tables, query);
    }

    @Test
    void aTumblingAggregateOfIntegersRunsInTwoPhasesWithTheRowsOfOne() throws Exception {
        List<String> rows = twoPhaseRows("TUMBLE(TABLE events, DESCRIPTOR(rowtime), INTERVAL '1' SECOND)");

        assertThat(rows).isEqualTo(expected(1000, 1000, 0));
    }

    @Test
    void aHoppingAggregateMergesTheSlicePartialsOfEachWindow() throws Exception {
        List<String> rows = twoPhaseRows("HOP(TABLE events, DESCRIPTOR(rowtime), INTERVAL '1' SECOND, INTERVAL '2' SECOND)");

        assertThat(rows).isEqualTo(expected(2000, 1000, 0));
    }

    @Test
    void aTumblingAggregateWithAnOffsetSlicesFromTheOffset() throws Exception {
        List<String> rows = twoPhaseRows("TUMBLE(TABLE events, DESCRIPTOR(rowtime), INTERVAL '1' SECOND, INTERVAL '0.3' SECOND)");

        assertThat(rows).isEqualTo(expected(1000, 1000, 300));
    }

    @Test
    void aFullLocalTableSendsTheSlicesLeftBehindAndKeepsAggregatingTheCurrentOneWithTheRowsOfOnePhase() throws Exception {
        // 100 ms windows hold about 500 rows per subtask, so the local table fills over many slices and keeps the current
        // one; the rows 150 ms behind then reopen slices already sent, whose second partials the window merges.
        List<String> rows = twoPhaseRows("TUMBLE(TABLE events, DESCRIPTOR(rowtime), INTERVAL '0.1' SECOND)");

        assertThat(rows).isEqualTo(expected(100, 100, 0));
    }

    @Test
    void anAggregateThatDoesNotMergeOnIntegersRunsInOnePhase() throws Exception {
        String plan = events().explainSql("SELECT k, window_start, COUNT(DISTINCT v) FROM TABLE(TUMBLE(TABLE events, "
                + "DESCRIPTOR(rowtime), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end");

        assertThat(plan).contains("WindowAggregate(groupBy=[k]").doesNotContain("LocalWindowAggregate");
    }

    @Test
    void onePhaseStrategyKeepsTheAggregateInOneOperatorWithTheSameRows() throws Exception {
        StreamTableEnvironment tables = events();
        tables.getConfig().set("table.optimizer.agg-phase-strategy", "ONE_PHASE");
        String query = "SELECT k, window_start, " + CALLS + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(rowtime), "
                + "INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end";

        assertThat(tables.explainSql(query)).contains("WindowAggregate(groupBy=[k]").doesNotContain("LocalWindowAggregate");
        assertThat(collect(tables, query)).isEqualTo(expected(1000, 1000, 0));
    }

    @Test
    void anUnknownAggPhaseStrategyIsRefusedNamingTheValuesThatExist() {
        StreamTableEnvironment tables = events();
        tables.getConfig().set("table.optimizer.agg-phase-strategy", "THREE_PHASE");

        assertThatThrownBy(() -> tables.explainSql("SELECT k, COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(rowtime), "
                + "INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end"))
                .hasMessage("Invalid value 'THREE_PHASE' for option 'table.optimizer.agg-phase-strategy': write AUTO, "
                        + "ONE_PHASE or TWO_PHASE");
    }
}
