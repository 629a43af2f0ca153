package dev.weir.sqlcompat;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's rows on each engine as {@code Row.toString()} lines, after the statements that set it up; a failure on
 * either engine becomes one line ({@code FLINK FAILED: ...} / {@code WEIR FAILED: ...}) for the test to assert on.
 */
final class EngineRows {
    private EngineRows() {
    }

    static List<String> flink(org.apache.flink.table.api.TableEnvironment env, List<String> statements, String query) {
        List<String> rows = new ArrayList<>();
        try {
            for (String statement : statements) {
                env.executeSql(statement);
            }
            try (org.apache.flink.util.CloseableIterator<org.apache.flink.types.Row> it = env.executeSql(query).collect()) {
                it.forEachRemaining(r -> rows.add(r.toString()));
            }
        } catch (Exception e) {
            rows.add("FLINK FAILED: " + withRootCause(e));
        }
        return rows;
    }

    static List<String> weir(dev.weir.table.api.TableEnvironment env, List<String> statements, String query) {
        List<String> rows = new ArrayList<>();
        try {
            for (String statement : statements) {
                env.executeSql(statement);
            }
            try (dev.weir.util.CloseableIterator<dev.weir.types.Row> it = env.executeSql(query).collect()) {
                it.forEachRemaining(r -> rows.add(r.toString()));
            }
        } catch (Exception e) {
            rows.add("WEIR FAILED: " + e);
        }
        return rows;
    }

    private static String withRootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return e + (root != e ? " (root cause: " + root + ")" : "");
    }
}
