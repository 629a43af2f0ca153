package dev.weir.sql;

import dev.weir.sql.tableapi.Node;
import dev.weir.sql.tableapi.OperationSql;
import dev.weir.sql.tableapi.SqlRendering;
import dev.weir.table.api.AggregatedTable;
import dev.weir.table.api.FlatAggregateTable;
import dev.weir.table.api.GroupWindow;
import dev.weir.table.api.Table;
import dev.weir.table.api.ValidationException;
import dev.weir.table.expressions.Expression;
import dev.weir.table.types.DataType;
import dev.weir.table.types.logical.LogicalTypeRoot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Table API's row-based operations, as in Flink: {@code map} with a scalar function, {@code aggregate} with an
 * aggregate function and {@code flatAggregate} with a table aggregate function, each function's result (a ROW)
 * flattened into columns named by its type or by {@code as("x", "y")} on the call. Each renders as SQL over the input
 * that reads the fields of the one call, {@code (f(`a`)).`x`}; the planner computes that call once per row or group.
 */
final class RowBasedOperations {
    private RowBasedOperations() {
    }

    /** {@code table.map(call)}: a non-ROW result is one column, {@code _c0} unless aliased. */
    static Table map(TableImpl table, Expression call) {
        OperationSql sql = table.operations();
        Map<String, String> columns = resultColumns(table, sql, call, List.of(), null, false, "_c0", "map");
        return table.derive(sql.map(columns), "map");
    }

    /** {@code aggregate(call)} after {@code groupBy(keys)} (none: the whole table), or within {@code window} when not null. */
    static AggregatedTable aggregate(TableImpl table, List<Expression> keys, GroupWindow window, Expression call) {
        OperationSql sql = table.operations();
        String alias = window == null ? null : SqlRendering.node(window.getAlias()).name();
        Map<String, String> columns = resultColumns(table, sql, call, keys, alias, true, "EXPR$0", "aggregate");
        if (window == null) {
            return fields -> table.derive(sql.aggregateSelect(keys, columns, fields), "aggregate(..).select");
        }
        return fields -> table.derive(sql.windowAggregateSelect(window, keys, columns, fields),
                "window(..).groupBy(..).aggregate(..).select");
    }

    /**
     * {@code flatAggregate(call)} after {@code groupBy(keys)} (none: the whole table), or within {@code window} when not
     * null: the planner runs a group window's table aggregate on the window operator, emitting once per fired window.
     */
    static FlatAggregateTable flatAggregate(TableImpl table, List<Expression> keys, GroupWindow window, Expression call) {
        OperationSql sql = table.operations();
        String alias = window == null ? null : SqlRendering.node(window.getAlias()).name();
        Map<String, String> columns = resultColumns(table, sql, call, keys, alias, true, "f0", "flatAggregate");
        if (window == null) {
            return fields -> table.derive(sql.aggregateSelect(keys, columns, fields), "flatAggregate(..).select");
        }
        return fields -> {
            for (Expression field : fields) {
                Node node = SqlRendering.node(field);
                if (node.kind() == Node.Kind.FIELD && node.name().equals("*")) {
                    // Flink 2.3's message: a window's table aggregate names the window properties it selects.
                    throw new ValidationException("Can not use * for window aggregate! Select the keys, the function's "
                            + "columns " + columns.keySet() + " and the window's properties ($(\"" + alias + "\").start(), "
                            + "end(), rowtime() or proctime()) by name");
                }
            }
            return table.derive(sql.windowAggregateSelect(window, keys, columns, fields),
                    "window(..).groupBy(..).flatAggregate(..).select");
        };
    }

    /**
     * The columns of {@code call}'s flattened result, in order, each with its SQL: the fields of a ROW result, or the one
     * value of another type named {@code single}; renamed by an alias on the call, which must name every column.
     */
    private static Map<String, String> resultColumns(TableImpl table, OperationSql sql, Expression call, List<Expression> keys,
            String windowAlias, boolean grouped, String single, String operation) {
        Node node = SqlRendering.node(call);
        List<String> aliases = null;
        if (node.kind() == Node.Kind.ALIAS) {
            aliases = node.aliases();
            node = node.args().get(0);
        }
        if (node.kind() != Node.Kind.CALL) {
            throw new ValidationException("A " + operation + " takes a function call, optionally aliased: "
                    + "call(MyFunction.class, $(\"a\")).as(\"x\", \"y\"); not " + node.asSummaryString());
        }
        List<DataType> types = table.validatedSchema(sql.resultProbe(node, keys, windowAlias, grouped), operation)
                .getColumnDataTypes();
        DataType result = types.get(types.size() - 1);
        String callSql = "(" + sql.callSql(node) + ")";
        boolean row = result.getTypeRoot() == LogicalTypeRoot.ROW;
        List<String> fields = row ? result.getFieldNames() : List.of(single);
        if (aliases != null && aliases.size() != fields.size()) {
            throw new ValidationException("List of column aliases must have same degree as table; the returned table of "
                    + "function '" + node.asSummaryString() + "' has " + fields.size() + " columns " + fields
                    + ", whereas alias list has " + aliases.size() + " columns " + aliases);
        }
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = aliases != null ? aliases.get(i) : fields.get(i);
            columns.put(name, row ? callSql + "." + SqlRendering.quote(fields.get(i)) : callSql);
        }
        return columns;
    }
}
