package dev.weir.sql.runtime;

import dev.weir.api.java.tuple.Tuple;
import dev.weir.sql.types.ValueConversions;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.lang.invoke.MethodHandle;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns a DataStream's elements into a table's source rows (internal form): a {@link Row}'s fields or a tuple's by
 * position, a POJO's public getters or fields by column name, any other element as the single column; a metadata column {@code rowtime} takes the element's
 * timestamp, as Flink's {@code columnByMetadata("rowtime", ...)} does.
 *
 * <p>Per element this builds exactly one row: the element's class is tested once, and only the columns whose type
 * has a different internal form (timestamps, dates, times) are converted. A {@link Row} element whose columns are its
 * fields in order and need no conversion is passed on as it is.
 */
public final class DataStreamRows<T> extends ProcessFunction<T, Row> {
    private static final long serialVersionUID = 1L;

    private final int[] sourceField;
    private final SqlTypeName[] types;
    /** Whether column i's value must go through {@link ValueConversions#toInternal(Object, SqlTypeName)}. */
    private final boolean[] converts;
    /** Whether a positional Row element of {@code sourceField.length} fields is already the table's row. */
    private final boolean rowIsTable;

    /** Column i's name, by which a POJO element's property is read; null: such elements are one column. */
    private final String[] names;
    /** A POJO element's getter per column (null for the timestamp), found at its first element; null until then. */
    private transient MethodHandle[] getters;
    private transient Class<?> pojoClass;

    /** {@code sourceField[i]} is the element's field for column i, or -1 for the element's timestamp. */
    public DataStreamRows(int[] sourceField, SqlTypeName[] types) {
        this(sourceField, types, null);
    }

    /**
     * As {@link #DataStreamRows(int[], SqlTypeName[])}; an element that is neither a Row nor a tuple fills the columns
     * {@code names} from its public getters or fields of those names, as Flink maps a POJO's fields by name, unless
     * the table has one physical column and the class has no property of its name (the element is the value).
     */
    public DataStreamRows(int[] sourceField, SqlTypeName[] types, String[] names) {
        this.names = names == null ? null : names.clone();
        this.sourceField = sourceField.clone();
        this.types = types.clone();
        this.converts = new boolean[types.length];
        boolean identity = true;
        for (int i = 0; i < types.length; i++) {
            SqlTypeName t = types[i];
            // The element's timestamp (sourceField -1) is epoch millis already, the internal form of a rowtime.
            converts[i] = sourceField[i] >= 0 && (t == SqlTypeName.TIMESTAMP || t == SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE
                    || t == SqlTypeName.DATE || t == SqlTypeName.TIME);
            identity &= !converts[i] && sourceField[i] == i;
        }
        this.rowIsTable = identity;
    }

    /** Whether column {@code column} is an element's field or property as it is, with no conversion to internal form. */
    public boolean readsAsIs(int column) {
        return sourceField[column] >= 0 && !converts[column];
    }

    /** A fresh copy, with nothing found yet of the elements' classes, for another operator. */
    public DataStreamRows<T> copy() {
        return new DataStreamRows<>(sourceField, types, names);
    }

    @Override
    public void processElement(T value, Context ctx, Collector<Row> out) {
        if (value instanceof Row) {
            Row element = (Row) value;
            if (rowIsTable && element.getArity() == sourceField.length && element.getFieldNames(false) == null) {
                out.collect(element);
                return;
            }
            Row row = new Row(element.getKind(), sourceField.length);
            for (int i = 0; i < sourceField.length; i++) {
                int f = sourceField[i];
                set(row, i, f < 0 ? ctx.timestamp() : element.getField(f));
            }
            out.collect(row);
        } else if (value instanceof Tuple) {
            Tuple element = (Tuple) value;
            Row row = new Row(RowKind.INSERT, sourceField.length);
            for (int i = 0; i < sourceField.length; i++) {
                int f = sourceField[i];
                set(row, i, f < 0 ? ctx.timestamp() : element.getField(f));
            }
            out.collect(row);
        } else if (names != null && (value.getClass() == pojoClass || isPojo(value.getClass()))) {
            Row row = new Row(RowKind.INSERT, sourceField.length);
            try {
                for (int i = 0; i < sourceField.length; i++) {
                    set(row, i, sourceField[i] < 0 ? ctx.timestamp() : getters[i].invoke(value));
                }
            } catch (Throwable t) {
                throw new IllegalStateException("Could not read the fields of " + value + " into the table's columns: " + t, t);
            }
            out.collect(row);
        } else {
            Row row = new Row(RowKind.INSERT, sourceField.length);
            for (int i = 0; i < sourceField.length; i++) {
                set(row, i, sourceField[i] < 0 ? ctx.timestamp() : value);
            }
            out.collect(row);
        }
    }

    /**
     * Whether {@code value} fills the columns from its properties, as a POJO: neither a Row nor a tuple, and of a class
     * with a public getter or field for every physical column. Refuses, as {@link #processElement} does, a class that
     * has some of the columns' properties but not all.
     */
    public boolean fillsFromProperties(T value) {
        return !(value instanceof Row) && !(value instanceof Tuple) && names != null
                && (value.getClass() == pojoClass || isPojo(value.getClass()));
    }

    /**
     * Whether elements of {@code type} are POJOs whose properties fill the columns, finding their getters if so; refuses
     * a class that has some of the columns' properties but not all, and several columns from an element without any.
     */
    private boolean isPojo(Class<?> type) throws IllegalStateException {
        int columns = 0;
        for (int f : sourceField) {
            columns += f >= 0 ? 1 : 0;
        }
        if (columns == 1 && type.getName().startsWith("java.")) {
            // A String, number or time is the one column's value, even where it has a getter of the column's name.
            return false;
        }
        MethodHandle[] found = new MethodHandle[sourceField.length];
        java.util.List<String> missing = new java.util.ArrayList<>();
        int physical = 0;
        for (int i = 0; i < sourceField.length; i++) {
            if (sourceField[i] >= 0) {
                physical++;
                found[i] = PojoGetters.find(type, names[i]);
                if (found[i] == null) {
                    missing.add(names[i]);
                }
            }
        }
        if (missing.isEmpty()) {
            getters = found;
            pojoClass = type;
            return true;
        }
        if (physical == 1 && missing.size() == 1) {
            return false;
        }
        throw new IllegalStateException("A DataStream element of " + type.getName() + " has no public getter or field for "
                + "the column(s) " + missing + ": the columns of a table over a DataStream of POJOs take their properties by "
                + "name; rename the columns in the Schema, or map the elements to Rows first");
    }

    private void set(Row row, int i, Object value) {
        row.setField(i, converts[i] ? ValueConversions.toInternal(value, types[i]) : value);
    }
}
