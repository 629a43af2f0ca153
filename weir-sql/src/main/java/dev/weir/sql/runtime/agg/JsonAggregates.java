package dev.weir.sql.runtime.agg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.weir.sql.expr.JsonNodes;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.fun.SqlJsonArrayAggAggFunction;
import org.apache.calcite.sql.fun.SqlJsonObjectAggAggFunction;

/**
 * Flink's JSON aggregates: JSON_OBJECTAGG([KEY] k VALUE v [NULL | ABSENT ON NULL]), NULL ON NULL by default, and
 * JSON_ARRAYAGG(v [NULL | ABSENT ON NULL]), ABSENT ON NULL by default, both retracting (a retracted row takes its key
 * out of the object, or its value's first occurrence out of the array), as Flink's run in group aggregates. A NULL key
 * fails the job, as in Flink. The accumulators hold the values themselves; the JSON text is written for each result.
 * A value built by JSON_OBJECT or JSON_ARRAY is inserted as JSON, not as a string, as Flink does.
 */
public final class JsonAggregates {
    private JsonAggregates() {
    }

    /**
     * The JSON aggregate {@code function} inserting its values as JSON (they are JSON_OBJECT's or JSON_ARRAY's text), or
     * null when it is no JSON aggregate.
     */
    public static SqlAggFunction rawValues(SqlAggFunction function) {
        if (function instanceof RawValues) {
            return null;
        }
        if (function instanceof SqlJsonObjectAggAggFunction) {
            return new RawObjectAgg((SqlJsonObjectAggAggFunction) function);
        }
        if (function instanceof SqlJsonArrayAggAggFunction) {
            return new RawArrayAgg((SqlJsonArrayAggAggFunction) function);
        }
        return null;
    }

    /** Marks a JSON aggregate whose values are JSON text to insert as JSON. */
    interface RawValues {
    }

    private static final class RawObjectAgg extends SqlJsonObjectAggAggFunction implements RawValues {
        RawObjectAgg(SqlJsonObjectAggAggFunction function) {
            super(function.getKind(), function.getNullClause());
        }
    }

    private static final class RawArrayAgg extends SqlJsonArrayAggAggFunction implements RawValues {
        RawArrayAgg(SqlJsonArrayAggAggFunction function) {
            super(function.getKind(), function.getNullClause());
        }
    }

    /** JSON_OBJECTAGG: the accumulator maps each key to its latest value, keys in order, as Flink writes them. */
    public static final class ObjectAgg extends AggCall {
        private static final long serialVersionUID = 1L;
        private final int valueArg;
        private final boolean absentOnNull;
        private final boolean timestampValue;
        private final boolean rawValue;

        public ObjectAgg(int keyArg, int valueArg, int filterArg, boolean absentOnNull, boolean timestampValue, boolean rawValue) {
            super(keyArg, filterArg);
            this.valueArg = valueArg;
            this.absentOnNull = absentOnNull;
            this.timestampValue = timestampValue;
            this.rawValue = rawValue;
        }

        @Override
        public Object createAccumulator() {
            return new TreeMap<String, Object>();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object accumulate(Object acc, Row row) {
            if (!applies(row)) {
                return acc;
            }
            Object key = row.getField(arg);
            if (key == null) {
                throw new IllegalArgumentException("JSON_OBJECTAGG's key may not be NULL");
            }
            Object value = row.getField(valueArg);
            if (value != null || !absentOnNull) {
                ((Map<String, Object>) acc).put(key.toString(), value);
            }
            return acc;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object retract(Object acc, Row row) {
            if (applies(row) && row.getField(arg) != null) {
                ((Map<String, Object>) acc).remove(row.getField(arg).toString());
            }
            return acc;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object merge(Object a, Object b) {
            Map<String, Object> merged = new TreeMap<>((Map<String, Object>) a);
            merged.putAll((Map<String, Object>) b);
            return merged;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object result(Object acc) {
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, Object> e : ((Map<String, Object>) acc).entrySet()) {
                object.set(e.getKey(), JsonNodes.of(e.getValue(), timestampValue, rawValue));
            }
            return JsonNodes.write(object);
        }
    }

    /** JSON_ARRAYAGG: the accumulator lists the values in the order they came. */
    public static final class ArrayAgg extends AggCall {
        private static final long serialVersionUID = 1L;
        private final boolean absentOnNull;
        private final boolean timestampValue;
        private final boolean rawValue;

        public ArrayAgg(int arg, int filterArg, boolean absentOnNull, boolean timestampValue, boolean rawValue) {
            super(arg, filterArg);
            this.absentOnNull = absentOnNull;
            this.timestampValue = timestampValue;
            this.rawValue = rawValue;
        }

        @Override
        public Object createAccumulator() {
            return new ArrayList<Object>();
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object accumulate(Object acc, Row row) {
            Object value = row.getField(arg);
            if (applies(row) && (value != null || !absentOnNull)) {
                ((List<Object>) acc).add(value);
            }
            return acc;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object retract(Object acc, Row row) {
            Object value = row.getField(arg);
            if (applies(row) && (value != null || !absentOnNull)) {
                List<Object> values = (List<Object>) acc;
                for (int i = 0; i < values.size(); i++) {
                    if (Objects.equals(values.get(i), value)) {
                        values.remove(i);
                        break;
                    }
                }
            }
            return acc;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object merge(Object a, Object b) {
            List<Object> merged = new ArrayList<>((List<Object>) a);
            merged.addAll((List<Object>) b);
            return merged;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object result(Object acc) {
            List<Object> values = (List<Object>) acc;
            ArrayNode array = JsonNodeFactory.instance.arrayNode(values.size());
            for (Object v : values) {
                array.add(JsonNodes.of(v, timestampValue, rawValue));
            }
            return JsonNodes.write(array);
        }
    }
}
