package dev.weir.sql.runtime;

import dev.weir.api.java.functions.KeySelector;
import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The grouping key of a row, in the cheapest form that groups alike: for one column of a type with a value-based
 * {@code hashCode} (integers, strings, booleans) the column's value itself ({@link NullKey} for NULL), which the
 * window operator's slice tables keep unboxed when it is a {@code Long}; for two non-NULL {@code Long}s a
 * {@link LongPairKey}; otherwise a {@link GroupKey} carrying its hash. Either way no {@link Row} is built and no field
 * array is hashed twice per record.
 */
public abstract class GroupKeySelector implements KeySelector<Row, Object> {
    private static final long serialVersionUID = 1L;

    /**
     * The selector of the columns {@code fields}; {@code singleValueKey} says that a one-column key may be the
     * column's value (its SQL type is BIGINT, INT, SMALLINT, TINYINT, BOOLEAN, CHAR or VARCHAR).
     */
    public static GroupKeySelector of(int[] fields, boolean singleValueKey) {
        return fields.length == 1 && singleValueKey ? new SingleColumn(fields[0]) : new Columns(fields);
    }

    /**
     * The selector of the values of {@code keys} over a row (a join's, a rank's key expressions, which may be more than
     * columns, such as a CAST on one side of an equality); {@code singleValueKey} as in {@link #of}.
     */
    public static GroupKeySelector ofExpressions(Expr[] keys, boolean singleValueKey) {
        return keys.length == 1 && singleValueKey ? new SingleExpression(keys[0]) : new Expressions(keys);
    }

    /** Whether values of SQL type {@code type} hash by value in every JVM, so that a one-column key can be the value. */
    public static boolean keysByValue(SqlTypeName type) {
        switch (type) {
            case BIGINT:
            case INTEGER:
            case SMALLINT:
            case TINYINT:
            case BOOLEAN:
            case CHAR:
            case VARCHAR:
                return true;
            default:
                return false;
        }
    }

    /** The value of the {@code index}-th column of {@code key}, made by any selector of this class; NULL as null. */
    public static Object column(Object key, int index) {
        if (key instanceof GroupKey) {
            return ((GroupKey) key).get(index);
        }
        if (key instanceof LongPairKey) {
            return ((LongPairKey) key).get(index);
        }
        return key instanceof NullKey ? null : key;
    }

    /** The row's key; never null, never throws. */
    @Override
    public abstract Object getKey(Row row);

    /** One column, keyed by its value. */
    private static final class SingleColumn extends GroupKeySelector {
        private static final long serialVersionUID = 1L;
        private final int field;

        SingleColumn(int field) {
            this.field = field;
        }

        @Override
        public Object getKey(Row row) {
            Object value = row.getField(field);
            return value == null ? NullKey.INSTANCE : value;
        }

    }

    /** Any number of columns, keyed by a {@link GroupKey}. */
    private static final class Columns extends GroupKeySelector {
        private static final long serialVersionUID = 1L;
        /** The one key of a GROUP BY of no columns besides the window's (a global aggregate per window). */
        private static final GroupKey NO_COLUMNS = new GroupKey(new Object[0]);
        private final int[] fields;

        Columns(int[] fields) {
            this.fields = fields.clone();
        }

        @Override
        public Object getKey(Row row) {
            if (fields.length == 0) {
                return NO_COLUMNS;
            }
            if (fields.length == 2) {
                return LongPairKey.of(row.getField(fields[0]), row.getField(fields[1]));
            }
            Object[] values = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                values[i] = row.getField(fields[i]);
            }
            return new GroupKey(values);
        }

    }

    /** One expression, keyed by its value. */
    private static final class SingleExpression extends GroupKeySelector {
        private static final long serialVersionUID = 1L;
        private final Expr key;

        SingleExpression(Expr key) {
            this.key = key;
        }

        @Override
        public Object getKey(Row row) {
            Object value = key.eval(row);
            return value == null ? NullKey.INSTANCE : value;
        }

    }

    /** Any number of expressions, keyed by a {@link GroupKey}. */
    private static final class Expressions extends GroupKeySelector {
        private static final long serialVersionUID = 1L;
        private final Expr[] keys;

        Expressions(Expr[] keys) {
            this.keys = keys.clone();
        }

        @Override
        public Object getKey(Row row) {
            if (keys.length == 2) {
                return LongPairKey.of(keys[0].eval(row), keys[1].eval(row));
            }
            Object[] values = new Object[keys.length];
            for (int i = 0; i < keys.length; i++) {
                values[i] = keys[i].eval(row);
            }
            return new GroupKey(values);
        }

    }
}
