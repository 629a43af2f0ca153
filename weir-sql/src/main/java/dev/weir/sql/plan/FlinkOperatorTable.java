package dev.weir.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlNameMatcher;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * The functions Weir SQL knows: Calcite's standard operators, with Flink's window table functions in place of
 * Calcite's TUMBLE/HOP/SESSION and of the deprecated group-window functions of the same names, plus Flink's own
 * scalar functions.
 */
final class FlinkOperatorTable {
    private static final Set<String> REPLACED = Set.of("TUMBLE", "HOP", "SESSION", "CUMULATE");

    private FlinkOperatorTable() {
    }

    static SqlOperatorTable create() {
        List<SqlOperator> own = new ArrayList<>(WindowTableFunction.ALL);
        own.addAll(FlinkFunctions.ALL);
        own.addAll(FlinkCollectionFunctions.ALL);
        own.add(PercentileFunction.INSTANCE);
        own.addAll(VariantFunctions.ALL);
        own.addAll(BitmapFunctions.ALL);
        own.addAll(ChangelogFunction.ALL);
        return SqlOperatorTables.chain(new CaseInsensitive(SqlOperatorTables.of(own)), new StandardWithoutReplaced());
    }

    /** Flink's function names match in any case ({@code now()}, {@code Lpad(...)}), as Calcite's standard ones do. */
    private static final class CaseInsensitive implements SqlOperatorTable {
        private final SqlOperatorTable table;

        CaseInsensitive(SqlOperatorTable table) {
            this.table = table;
        }

        @Override
        public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
            table.lookupOperatorOverloads(opName, category, syntax, operatorList, SqlNameMatchers.withCaseSensitive(false));
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            return table.getOperatorList();
        }
    }

    /** Calcite's standard table, minus the operators Flink defines differently. */
    private static final class StandardWithoutReplaced implements SqlOperatorTable {
        private final SqlOperatorTable standard = SqlStdOperatorTable.instance();

        @Override
        public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
                List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
            if (opName.isSimple() && (REPLACED.contains(opName.getSimple().toUpperCase())
                    || FlinkFunctions.REDEFINED.contains(opName.getSimple().toUpperCase()))) {
                return;
            }
            standard.lookupOperatorOverloads(opName, category, syntax, operatorList, nameMatcher);
        }

        @Override
        public List<SqlOperator> getOperatorList() {
            List<SqlOperator> list = new ArrayList<>();
            for (SqlOperator op : standard.getOperatorList()) {
                if (!REPLACED.contains(op.getName()) && !FlinkFunctions.REDEFINED.contains(op.getName())) {
                    list.add(op);
                }
            }
            return list;
        }
    }
}
