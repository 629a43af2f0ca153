package dev.weir.sql.runtime;

import dev.weir.sql.expr.Expr;
import dev.weir.types.Row;

/**
 * A table column read straight from a DataStream's POJO element, which {@link PojoScanCalc} hands its expressions as
 * field 0 of its one reused row: the property of the column's name (a public getter or field, as Flink maps a POJO's
 * fields by name), through a reader generated (or a handle bound) once per element class, never by reflection per row. A primitive integer
 * property is read by {@link #evalLong(Row)} without boxing.
 */
public final class PojoColumn extends Expr {
    private static final long serialVersionUID = 1L;

    private final String property;
    // Generated readers and method handles are not serializable: found again, at the first element of each class, in
    // every copy.
    private transient Class<?> boundClass;
    private transient PropertyReader reader;
    private transient boolean integral;

    /** The column that reads property {@code property} of the element. */
    public PojoColumn(String property) {
        this.property = property;
    }

    @Override
    public Object eval(Row row) {
        Object element = row.getField(0);
        if (element.getClass() != boundClass) {
            bind(element);
        }
        return reader.read(element);
    }

    @Override
    public long evalLong(Row row) {
        Object element = row.getField(0);
        if (element.getClass() != boundClass) {
            bind(element);
        }
        return integral ? reader.readLong(element) : super.evalLong(row);
    }

    private void bind(Object element) {
        Class<?> type = element.getClass();
        PropertyReader found = PropertyReader.of(type, property, element);
        if (found == null) {
            throw new IllegalStateException("A DataStream element of " + type.getName() + " has no public getter or field '"
                    + property + "' for the table's column of that name; give every element of the stream the columns' "
                    + "properties, or map the elements to Rows first");
        }
        reader = found;
        integral = found.integral();
        boundClass = type;
    }
}
