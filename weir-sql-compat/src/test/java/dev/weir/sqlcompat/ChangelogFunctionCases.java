package dev.weir.sqlcompat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The differential suite's process table functions TO_CHANGELOG and FROM_CHANGELOG (Flink 2.3): an updating GROUP BY
 * turned into appended rows with an op column (default and custom op column and codes, a dropped change operation),
 * append-only rows with Flink's and Debezium-style op codes turned into an updating table, and both round trips.
 */
final class ChangelogFunctionCases {
    private ChangelogFunctionCases() {
    }

    /** The views the queries read: values with repeated keys, and changelogs with op codes. */
    static List<String> tables(Path dir) {
        return List.of(
                "CREATE VIEW cl_values AS SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (1, 'c'), (3, 'd'), (2, 'e')) AS t(id, name)",
                "CREATE VIEW cl_counts AS SELECT id, COUNT(*) AS cnt, MAX(name) AS mx FROM cl_values GROUP BY id",
                "CREATE VIEW cl_codes AS SELECT * FROM (VALUES (1, 'INSERT', 'a'), (2, 'INSERT', 'b'), (1, 'UPDATE_BEFORE', 'a'), "
                        + "(1, 'UPDATE_AFTER', 'c'), (2, 'DELETE', 'b'), (3, 'INSERT', 'd')) AS t(id, op, name)",
                "CREATE VIEW cl_debezium AS SELECT * FROM (VALUES (1, 'c', 'a'), (2, 'r', 'b'), (1, 'ub', 'a'), (1, 'u', 'c'), "
                        + "(2, 'd', 'b'), (3, 'c', 'd')) AS t(id, __op, name)");
    }

    static List<SqlCases.Query> queries() {
        List<SqlCases.Query> q = new ArrayList<>();
        q.add(new SqlCases.Query("toChangelogOfAnUpdatingGroupByAppendsEveryChangeWithItsOperation",
                "SELECT * FROM TO_CHANGELOG(input => TABLE cl_counts)", true));
        q.add(new SqlCases.Query("toChangelogWithAnOpColumnAndCodesDropsUnmappedOperations",
                "SELECT * FROM TO_CHANGELOG(input => TABLE cl_counts, op => DESCRIPTOR(kind), "
                        + "op_mapping => MAP['INSERT, UPDATE_AFTER', 'U', 'DELETE', 'D'])", true));
        q.add(new SqlCases.Query("toChangelogWithPositionalArguments",
                "SELECT kind, id FROM TO_CHANGELOG(TABLE cl_counts, DESCRIPTOR(kind), MAP['UPDATE_BEFORE', 'before'])", true));
        q.add(new SqlCases.Query("toChangelogOfAnInsertOnlyTable", "SELECT * FROM TO_CHANGELOG(input => TABLE cl_values)"));
        q.add(new SqlCases.Query("fromChangelogOfFlinksOperationNamesIsAnUpdatingTable",
                "SELECT * FROM FROM_CHANGELOG(input => TABLE cl_codes)", true));
        q.add(new SqlCases.Query("fromChangelogOfDebeziumCodesIntoAGroupBy",
                "SELECT id, COUNT(*) AS c, MAX(name) AS mx FROM FROM_CHANGELOG(input => TABLE cl_debezium, op => DESCRIPTOR(__op), "
                        + "op_mapping => MAP['c, r', 'INSERT', 'ub', 'UPDATE_BEFORE', 'u', 'UPDATE_AFTER', 'd', 'DELETE']) GROUP BY id", true));
        q.add(new SqlCases.Query("toChangelogThenFromChangelogGivesTheUpdatingTableBack",
                "SELECT * FROM FROM_CHANGELOG(input => (SELECT * FROM TO_CHANGELOG(input => TABLE cl_counts)))", true));
        q.add(new SqlCases.Query("fromChangelogThenToChangelogGivesTheCodesBack",
                "SELECT * FROM TO_CHANGELOG(input => (SELECT * FROM FROM_CHANGELOG(input => TABLE cl_codes)))", true));
        return q;
    }
}
