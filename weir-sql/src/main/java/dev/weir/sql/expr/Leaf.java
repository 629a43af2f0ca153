package dev.weir.sql.expr;

import dev.weir.types.Row;

/** The leaves of an expression tree: an input field, a field of a ROW value, and a constant. */
final class Leaf {
    private Leaf() {
    }

    /** The input row's field at {@code index}. */
    static final class Field extends Expr {
        private static final long serialVersionUID = 1L;
        private final int index;

        Field(int index) {
            this.index = index;
        }

        @Override
        public Object eval(Row row) {
            return row.getField(index);
        }

        @Override
        public long evalLong(Row row) {
            Object v = row.getField(index);
            if (v instanceof Long) {
                return (Long) v;
            }
            return v == null ? MAYBE_NULL : ((Number) v).longValue();
        }
    }

    /** Field {@code index} of a ROW value ({@code person.id}); NULL when the row is NULL, as in Flink. */
    static final class NestedField extends Expr {
        private static final long serialVersionUID = 1L;
        private final Expr row;
        private final int index;

        NestedField(Expr row, int index) {
            this.row = row;
            this.index = index;
        }

        @Override
        public Object eval(Row input) {
            Object value = row.eval(input);
            return value == null ? null : ((Row) value).getField(index);
        }
    }

    /**
     * Field {@code index} of the ROW column {@code column} ({@code bid.price}): {@link NestedField} over a {@link Field}
     * in one node, one virtual call per value fewer in a projection of a nested row's fields.
     */
    static final class ColumnField extends Expr {
        private static final long serialVersionUID = 1L;
        private final int column;
        private final int index;

        ColumnField(int column, int index) {
            this.column = column;
            this.index = index;
        }

        @Override
        public Object eval(Row input) {
            Object value = input.getField(column);
            return value == null ? null : ((Row) value).getField(index);
        }
    }

    /** A literal, already in internal form. */
    static final class Constant extends Expr {
        private static final long serialVersionUID = 1L;
        private final Object value;
        // The value as evalLong gives it, computed once (only read where the value is an integer).
        private final long asLong;

        Constant(Object value) {
            this.value = value;
            this.asLong = value == null ? MAYBE_NULL : value instanceof Number ? ((Number) value).longValue() : 0;
        }

        @Override
        public Object eval(Row row) {
            return value;
        }

        @Override
        public long evalLong(Row row) {
            return asLong;
        }

        /** The value, for the compiler's choice of a node specialised to a constant operand. */
        Object value() {
            return value;
        }
    }
}
