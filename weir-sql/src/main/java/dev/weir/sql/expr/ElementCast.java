package dev.weir.sql.expr;

import dev.weir.types.Row;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * An ARRAY, MAP or ROW value as one of a wider type: each element, key, value or field cast to the wider type's, as
 * Flink widens {@code ARRAY_APPEND(ARRAY[1], 2.5)} to {@code [1.0, 2.5]} or {@code ARRAY[ARRAY[1], ARRAY[2.5]]}. Built
 * only where the types differ; a new collection each time, since the operand's may be held elsewhere too.
 */
final class ElementCast extends Expr {
    private static final long serialVersionUID = 1L;

    private final Expr operand;
    private final Conversion conversion;

    private ElementCast(Expr operand, Conversion conversion) {
        this.operand = operand;
        this.conversion = conversion;
    }

    /**
     * {@code e}, of type {@code from}, as a value of type {@code to}: itself when the two have the same form (text to
     * text, equal scalar types, collections whose elements have), else cast element by element.
     */
    static Expr of(Expr e, RelDataType from, RelDataType to, ZoneId zone) {
        Conversion conversion = Conversion.of(from, to, zone);
        if (conversion == null) {
            return e;
        }
        return conversion.scalar != null ? new Cast(e, from, to, zone) : new ElementCast(e, conversion);
    }

    @Override
    public Object eval(Row row) {
        return conversion.convert(operand.eval(row));
    }

    /** How one value converts: a scalar cast, or the conversions of a collection's parts (null where a part stays). */
    private static final class Conversion implements Serializable {
        private static final long serialVersionUID = 1L;

        private final SqlTypeName kind;
        private final Cast scalar;
        private final Conversion element; // an ARRAY's elements, a MAP's keys
        private final Conversion value; // a MAP's values
        private final Conversion[] fields; // a ROW's

        private Conversion(SqlTypeName kind, Cast scalar, Conversion element, Conversion value, Conversion[] fields) {
            this.kind = kind;
            this.scalar = scalar;
            this.element = element;
            this.value = value;
            this.fields = fields;
        }

        static Conversion of(RelDataType from, RelDataType to, ZoneId zone) {
            SqlTypeName f = from.getSqlTypeName();
            SqlTypeName t = to.getSqlTypeName();
            if (f == SqlTypeName.NULL) {
                return null;
            }
            if (t == SqlTypeName.ARRAY && f == SqlTypeName.ARRAY) {
                Conversion element = of(from.getComponentType(), to.getComponentType(), zone);
                return element == null ? null : new Conversion(t, null, element, null, null);
            }
            if (t == SqlTypeName.MAP && f == SqlTypeName.MAP) {
                Conversion key = of(from.getKeyType(), to.getKeyType(), zone);
                Conversion value = of(from.getValueType(), to.getValueType(), zone);
                return key == null && value == null ? null : new Conversion(t, null, key, value, null);
            }
            if (to.isStruct() && from.isStruct() && from.getFieldCount() == to.getFieldCount()) {
                Conversion[] fields = new Conversion[to.getFieldCount()];
                boolean any = false;
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = of(from.getFieldList().get(i).getType(), to.getFieldList().get(i).getType(), zone);
                    any |= fields[i] != null;
                }
                return any ? new Conversion(SqlTypeName.ROW, null, null, null, fields) : null;
            }
            boolean same = f == t && from.getPrecision() == to.getPrecision() && from.getScale() == to.getScale();
            boolean text = SqlTypeName.CHAR_TYPES.contains(f) && SqlTypeName.CHAR_TYPES.contains(t);
            if (same || text || to.isStruct() || from.isStruct() || t == SqlTypeName.ARRAY || t == SqlTypeName.MAP
                    || f == SqlTypeName.ARRAY || f == SqlTypeName.MAP) {
                return null;
            }
            return new Conversion(t, new Cast(null, from, to, zone), null, null, null);
        }

        Object convert(Object v) {
            if (v == null) {
                return null;
            }
            if (scalar != null) {
                return scalar.convert(v);
            }
            switch (kind) {
                case ARRAY: {
                    Object[] in = (Object[]) v;
                    Object[] out = new Object[in.length];
                    for (int i = 0; i < in.length; i++) {
                        out[i] = element.convert(in[i]);
                    }
                    return out;
                }
                case MAP: {
                    Map<Object, Object> out = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                        out.put(element == null ? e.getKey() : element.convert(e.getKey()),
                                value == null ? e.getValue() : value.convert(e.getValue()));
                    }
                    return out;
                }
                default: {
                    Row out = Row.copy((Row) v);
                    for (int i = 0; i < fields.length; i++) {
                        if (fields[i] != null) {
                            out.setField(i, fields[i].convert(out.getField(i)));
                        }
                    }
                    return out;
                }
            }
        }
    }
}
