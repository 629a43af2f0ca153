package dev.weir.sql.runtime;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;
import java.lang.invoke.MethodHandle;

/**
 * A table column read straight from a DataStream's POJO element, which {@link PojoScanCalc} hands its expressions as
 * field 0 of its one reused row: the property of the column's name (a public getter or field, as Flink maps a POJO's
 * fields by name), through a handle bound once per element class, never by reflection per row. A primitive integer
 * property is read by {@link #evalLong(Row)} without boxing.
 */
public final class PojoColumn extends Expr {
    private static final long serialVersionUID = 1L;

    private final String property;
    // Method handles are not serializable: bound again, at the first element of each class, in every copy.
    private transient Class<?> boundClass;
    private transient MethodHandle value;
    private transient MethodHandle primitive;

    /** The column that reads property {@code property} of the element. */
    public PojoColumn(String property) {
        this.property = property;
    }

    @Override
    public Object eval(Row row) {
        Object element = row.getField(0);
        if (element.getClass() != boundClass) {
            bind(element.getClass());
        }
        try {
            return (Object) value.invokeExact(element);
        } catch (Throwable t) {
            throw failure(element, t);
        }
    }

    @Override
    public long evalLong(Row row) {
        Object element = row.getField(0);
        if (element.getClass() != boundClass) {
            bind(element.getClass());
        }
        if (primitive == null) {
            return super.evalLong(row);
        }
        try {
            return (long) primitive.invokeExact(element);
        } catch (Throwable t) {
            throw failure(element, t);
        }
    }

    private void bind(Class<?> type) {
        MethodHandle found = PojoGetters.find(type, property);
        if (found == null) {
            throw new IllegalStateException("A DataStream element of " + type.getName() + " has no public getter or field '"
                    + property + "' for the table's column of that name; give every element of the stream the columns' "
                    + "properties, or map the elements to Rows first");
        }
        value = found;
        primitive = PojoGetters.findLong(type, property);
        boundClass = type;
    }

    private IllegalStateException failure(Object element, Throwable t) {
        return new IllegalStateException("Could not read property '" + property + "' of " + element + " into the table's "
                + "column of that name: " + t, t);
    }
}
