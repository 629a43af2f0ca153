package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's deprecated group windows (TUMBLE, HOP and SESSION in GROUP BY with their auxiliary
 * functions) over their own table: rows out of order, NULL keys and NULL values. Both engines emit a watermark right
 * after a row that raised it by more than the auto-watermark interval, so lateness depends on the rows' order only:
 * the row {@code b,8,10:02:30} comes after the watermark reached 10:03 and is dropped from the windows that ended by
 * then (HOP's window to 10:03, the sessions it would have extended) but counted in the later ones.
 */
final class GroupWindowCases {
    private GroupWindowCases() {
    }

    /** The table the queries read, written under {@code dir}. */
    static List<String> tables(Path dir) throws Exception {
        Path events = Files.write(dir.resolve("gw_events.csv"), List.of("a,1,2020-01-01 10:00:00", "b,,2020-01-01 10:00:30",
                "a,3,2020-01-01 10:01:10", ",4,2020-01-01 10:00:50", "b,5,2020-01-01 10:02:00", "a,,2020-01-01 10:03:59.999",
                ",7,2020-01-01 10:04:00", "b,8,2020-01-01 10:02:30", "a,9,2020-01-01 10:09:00"));
        return List.of("CREATE TABLE gw_events (k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) "
                + "WITH ('connector' = 'filesystem', 'path' = '" + events + "', 'format' = 'csv', 'csv.null-literal' = '')");
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("groupWindowTumble", "SELECT k, TUMBLE_START(ts, INTERVAL '2' MINUTE), TUMBLE_END(ts, "
                + "INTERVAL '2' MINUTE), COUNT(*), COUNT(v), SUM(v) FROM gw_events GROUP BY k, TUMBLE(ts, INTERVAL '2' MINUTE)"));
        q.add(new SqlCases.Query("groupWindowTumbleRowtimeCascaded", "SELECT TUMBLE_START(rt, INTERVAL '4' MINUTE), MAX(c) FROM "
                + "(SELECT k, TUMBLE_ROWTIME(ts, INTERVAL '2' MINUTE) AS rt, COUNT(*) AS c FROM gw_events GROUP BY "
                + "TUMBLE(ts, INTERVAL '2' MINUTE), k) GROUP BY TUMBLE(rt, INTERVAL '4' MINUTE)"));
        q.add(new SqlCases.Query("groupWindowHop", "SELECT HOP_START(ts, INTERVAL '1' MINUTE, INTERVAL '3' MINUTE) AS s, "
                + "HOP_END(ts, INTERVAL '1' MINUTE, INTERVAL '3' MINUTE) AS e, MIN(v), MAX(v) FROM gw_events "
                + "GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '3' MINUTE)"));
        q.add(new SqlCases.Query("groupWindowSessionPerKey", "SELECT e.k, COUNT(*) AS n, SUM(e.v), SESSION_START(e.ts, "
                + "INTERVAL '1' MINUTE) AS s, SESSION_END(e.ts, INTERVAL '1' MINUTE) AS en, SESSION_ROWTIME(e.ts, "
                + "INTERVAL '1' MINUTE) FROM gw_events e GROUP BY e.k, SESSION(e.ts, INTERVAL '1' MINUTE)"));
        q.add(new SqlCases.Query("groupWindowSessionGlobalWithHaving", "SELECT SESSION_START(ts, INTERVAL '30' SECOND), "
                + "COUNT(*) FROM gw_events GROUP BY SESSION(ts, INTERVAL '30' SECOND) HAVING COUNT(*) > 1"));
        q.add(new SqlCases.Query("groupWindowOverSubquery", "SELECT TUMBLE_END(ts, INTERVAL '5' MINUTE), k2, SUM(v) FROM "
                + "(SELECT COALESCE(k, 'none') AS k2, v * 2 AS v, ts FROM gw_events WHERE v IS NOT NULL) AS s "
                + "GROUP BY k2, TUMBLE(ts, INTERVAL '5' MINUTE)"));
        // CURRENT_WATERMARK at parallelism 1 (the serial environment): NULL before the first watermark, then the watermark
        // emitted after the row before; the filter drops the late row b,8,10:02:30 (the watermark was then 10:03).
        q.add(new SqlCases.Query("currentWatermarkProjected", "SELECT k, ts, CURRENT_WATERMARK(ts) FROM gw_events", true));
        q.add(new SqlCases.Query("currentWatermarkDropsLateRows", "SELECT k, v FROM gw_events WHERE CURRENT_WATERMARK(ts) IS NULL "
                + "OR ts > CURRENT_WATERMARK(ts)", true));
        return q;
    }
}
