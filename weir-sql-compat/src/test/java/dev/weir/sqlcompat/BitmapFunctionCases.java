package dev.weir.sqlcompat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's BITMAP functions (Flink 2.3's BITMAP type, a 32-bit Roaring bitmap) over a table of INT
 * values with negative ones (a bitmap orders them as unsigned), a NULL and repeats: the scalar functions per row, the
 * bitmap's bytes, and the aggregates in GROUP BY and in TUMBLE windows.
 */
final class BitmapFunctionCases {
    private BitmapFunctionCases() {
    }

    /** The table the queries read, written under {@code dir}. */
    static List<String> tables(Path dir) throws Exception {
        Path file = Files.write(dir.resolve("fn_bitmap.csv"), List.of("1,a,5,2020-01-01 00:00:01", "2,a,-1,2020-01-01 00:00:02",
                "3,b,5,2020-01-01 00:00:03", "4,a,NULL,2020-01-01 00:00:04", "5,b,70000,2020-01-01 00:00:11",
                "6,a,-2147483648,2020-01-01 00:00:12", "7,b,2,2020-01-01 00:00:13"));
        return List.of("CREATE TABLE fn_bitmap (id INT, k STRING, v INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'filesystem', 'path' = '" + file + "', 'format' = 'csv', 'csv.null-literal' = 'NULL')");
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("bitmapBuildPrintsUnsignedValuesInBraces", "SELECT id, BITMAP_BUILD(ARRAY[v, id, 3]), "
                + "BITMAP_TO_STRING(BITMAP_BUILD(ARRAY[v, -id])), BITMAP_TO_ARRAY(BITMAP_BUILD(ARRAY[v, id])), "
                + "BITMAP_CARDINALITY(BITMAP_BUILD(ARRAY[v, id, 5])), TYPEOF(BITMAP_BUILD(ARRAY[v])) FROM fn_bitmap"));
        q.add(new SqlCases.Query("bitmapBytesAreRoaringsPortableFormat", "SELECT id, BITMAP_TO_BYTES(BITMAP_BUILD(ARRAY[v, id])), "
                + "BITMAP_TO_STRING(BITMAP_FROM_BYTES(BITMAP_TO_BYTES(BITMAP_BUILD(ARRAY[v, id, 100000])))) FROM fn_bitmap"));
        q.add(new SqlCases.Query("bitmapSetOperations", "SELECT id, BITMAP_AND(BITMAP_BUILD(ARRAY[v, id]), BITMAP_BUILD(ARRAY[5, 2])), "
                + "BITMAP_OR(BITMAP_BUILD(ARRAY[v]), BITMAP_BUILD(ARRAY[id])), BITMAP_XOR(BITMAP_BUILD(ARRAY[v, 1]), "
                + "BITMAP_BUILD(ARRAY[1, id])), BITMAP_ANDNOT(BITMAP_BUILD(ARRAY[v, id, 7]), BITMAP_BUILD(ARRAY[7])) FROM fn_bitmap"));
        q.add(new SqlCases.Query("bitmapAggregatesPerKey", "SELECT k, BITMAP_BUILD_AGG(v), BITMAP_BUILD_CARDINALITY_AGG(v), "
                + "BITMAP_OR_AGG(BITMAP_BUILD(ARRAY[id])), BITMAP_AND_AGG(BITMAP_BUILD(ARRAY[id, 7])), "
                + "BITMAP_XOR_AGG(BITMAP_BUILD(ARRAY[id, 7])), BITMAP_AND_CARDINALITY_AGG(BITMAP_BUILD(ARRAY[id, 7])), "
                + "BITMAP_OR_CARDINALITY_AGG(BITMAP_BUILD(ARRAY[v])), BITMAP_XOR_CARDINALITY_AGG(BITMAP_BUILD(ARRAY[v])) "
                + "FROM fn_bitmap GROUP BY k", true, true));
        q.add(new SqlCases.Query("bitmapAggregatesInTumblingWindows", "SELECT k, window_start, BITMAP_BUILD_AGG(v), "
                + "BITMAP_BUILD_CARDINALITY_AGG(v), BITMAP_OR_AGG(BITMAP_BUILD(ARRAY[id])) "
                + "FROM TABLE(TUMBLE(TABLE fn_bitmap, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY k, window_start, window_end"));
        return q;
    }
}
