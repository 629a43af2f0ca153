package dev.weir.sql.tableapi;

import dev.weir.table.api.ValidationException;
import dev.weir.table.expressions.Expression;
import dev.weir.table.types.DataType;
import dev.weir.table.types.logical.LogicalTypeRoot;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@code TableEnvironment.fromValues(..)}: a VALUES clause typed as Flink types it. Without a row type the
 * columns are {@code f0, f1, ..} of each column's common type, strings of different lengths a VARCHAR of the longest
 * (where SQL's VALUES would pad them to a CHAR); with a ROW type every value is cast to its field's type.
 */
public final class ValuesSql {
    private ValuesSql() {
    }

    /** {@code SELECT * FROM (VALUES ..) AS T(names)} of {@code values}, each a row(..), a Row or a single value. */
    public static String of(DataType rowType, Object... values) {
        if (values.length == 0) {
            throw new ValidationException("fromValues needs at least one row");
        }
        List<List<Node>> rows = new ArrayList<>();
        for (Object v : values) {
            rows.add(fields(v));
        }
        int arity = rows.get(0).size();
        for (List<Node> row : rows) {
            if (row.size() != arity) {
                throw new ValidationException("All rows of fromValues must have the same number of fields: " + arity + " and "
                        + row.size());
            }
        }
        List<String> names = new ArrayList<>();
        List<DataType> types = new ArrayList<>();
        if (rowType != null) {
            if (rowType.getTypeRoot() == LogicalTypeRoot.ROW) {
                names.addAll(rowType.getFieldNames());
                types.addAll(rowType.getChildren());
            } else {
                names.add("f0");
                types.add(rowType);
            }
            if (names.size() != arity) {
                throw new ValidationException("The row type " + rowType + " has " + names.size() + " fields, the values " + arity);
            }
        } else {
            for (int i = 0; i < arity; i++) {
                names.add("f" + i);
                types.add(commonStringType(rows, i));
            }
        }
        SqlRendering rendering = SqlRendering.plain(f -> {
            throw new ValidationException("fromValues takes values and built-in expressions, not function calls");
        });
        StringBuilder sb = new StringBuilder("SELECT * FROM (VALUES ");
        for (int r = 0; r < rows.size(); r++) {
            sb.append(r > 0 ? ", " : "").append('(');
            for (int i = 0; i < arity; i++) {
                String value = rendering.render(rows.get(r).get(i));
                DataType type = types.get(i);
                sb.append(i > 0 ? ", " : "").append(type == null ? value : "CAST(" + value + " AS " + SqlRendering.typeSql(type) + ")");
            }
            sb.append(')');
        }
        sb.append(") AS `T$values`(");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(SqlRendering.quote(names.get(i)));
        }
        return sb.append(')').toString();
    }

    private static List<Node> fields(Object value) {
        List<Node> fields = new ArrayList<>();
        if (value instanceof Expression) {
            Node node = SqlRendering.node((Expression) value);
            if (node.kind() == Node.Kind.CALL && node.name().equals("row")) {
                return node.args();
            }
            fields.add(node);
        } else if (value instanceof Row) {
            Row row = (Row) value;
            for (int i = 0; i < row.getArity(); i++) {
                fields.add(SqlRendering.literal(row.getField(i)));
            }
        } else {
            fields.add(SqlRendering.literal(value));
        }
        return fields;
    }

    /** VARCHAR(longest) when column {@code i} holds string literals of different lengths; null (as they are) otherwise. */
    private static DataType commonStringType(List<List<Node>> rows, int i) {
        int min = Integer.MAX_VALUE;
        int max = -1;
        for (List<Node> row : rows) {
            Node n = row.get(i);
            if (n.kind() == Node.Kind.LITERAL && n.sql().startsWith("'")) {
                int length = n.sql().length() - 2 - countQuotes(n.sql());
                min = Math.min(min, length);
                max = Math.max(max, length);
            }
        }
        return max >= 0 && min != max ? dev.weir.table.api.DataTypes.VARCHAR(max) : null;
    }

    private static int countQuotes(String quoted) {
        return (quoted.length() - 2 - quoted.substring(1, quoted.length() - 1).replace("''", "'").length());
    }
}
