package dev.weir.sql.plan;

import dev.weir.sql.catalog.SessionCatalog;
import dev.weir.sql.udf.AggregateFunctionOperator;
import dev.weir.sql.udf.TableAggregateFunctionOperator;
import dev.weir.sql.udf.ScalarFunctionOperator;
import dev.weir.sql.udf.TableFunctionOperator;
import dev.weir.table.functions.AggregateFunction;
import dev.weir.table.functions.TableAggregateFunction;
import dev.weir.table.functions.ScalarFunction;
import dev.weir.table.functions.TableFunction;
import dev.weir.table.functions.UserDefinedFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.validate.SqlNameMatcher;

/** The session's user-defined functions as SQL operators, found by name regardless of case, as in Flink. */
final class UserFunctionTable implements SqlOperatorTable {
    private final SessionCatalog catalog;

    UserFunctionTable(SessionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void lookupOperatorOverloads(SqlIdentifier opName, SqlFunctionCategory category, SqlSyntax syntax,
            List<SqlOperator> operatorList, SqlNameMatcher nameMatcher) {
        if (!opName.isSimple()) {
            return;
        }
        UserDefinedFunction function = catalog.functions().get(opName.getSimple());
        if (function != null) {
            operatorList.add(operator(opName.getSimple(), function));
        }
    }

    @Override
    public List<SqlOperator> getOperatorList() {
        List<SqlOperator> list = new ArrayList<>();
        for (Map.Entry<String, UserDefinedFunction> e : catalog.functions().entrySet()) {
            list.add(operator(e.getKey(), e.getValue()));
        }
        return list;
    }

    private static SqlOperator operator(String name, UserDefinedFunction function) {
        if (function instanceof ScalarFunction) {
            return new ScalarFunctionOperator(name, (ScalarFunction) function);
        }
        if (function instanceof TableFunction) {
            return new TableFunctionOperator(name, (TableFunction<?>) function);
        }
        if (function instanceof TableAggregateFunction) {
            return new TableAggregateFunctionOperator(name, (TableAggregateFunction<?, ?>) function);
        }
        return new AggregateFunctionOperator(name, (AggregateFunction<?, ?>) function);
    }
}
