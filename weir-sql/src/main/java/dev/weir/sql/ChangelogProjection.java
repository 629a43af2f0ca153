package dev.weir.sql;

import dev.weir.api.common.functions.FlatMapFunction;
import dev.weir.sql.parse.DataTypeParser;
import dev.weir.sql.plan.Translated;
import dev.weir.sql.types.ValueConversions;
import dev.weir.table.api.Schema;
import dev.weir.table.api.ValidationException;
import dev.weir.table.catalog.ResolvedSchema;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.table.types.DataType;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.types.RowUtils;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import dev.weir.util.Collector;

/**
 * A table's rows as {@code toChangelogStream(table, schema, mode)} hands them out: the declared columns, picked by name
 * and in external form, one new row per input row; in upsert mode without the update-before rows.
 */
final class ChangelogProjection implements FlatMapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final int[] fields;
    private final ValueConversions conversions;
    private final boolean dropUpdateBefore;
    private final LinkedHashMap<String, Integer> positionByName = new LinkedHashMap<>();

    /**
     * The projection of {@code translated}'s rows (of schema {@code tableSchema}) onto {@code targetSchema}'s physical
     * columns, by name and of the same Java class; a metadata column {@code rowtime} needs the table's time attribute
     * (the records' timestamps); in {@code mode} without update-before rows those are left out.
     */
    static ChangelogProjection of(Translated translated, ResolvedSchema tableSchema, Schema targetSchema, ChangelogMode mode) {
        List<String> names = translated.rowType().getFieldNames();
        int[] fields = new int[targetSchema.getColumns().size()];
        int n = 0;
        List<String> declaredNames = new ArrayList<>();
        List<org.apache.calcite.rel.type.RelDataType> types = new ArrayList<>();
        for (Schema.UnresolvedColumn c : targetSchema.getColumns()) {
            if (c.getExpression() != null || c.isMetadata() && !"rowtime".equals(c.getMetadataKey() == null ? c.getName() : c.getMetadataKey())) {
                throw new ValidationException("Column '" + c.getName() + "' of the target schema is " + (c.isMetadata()
                        ? "an unknown metadata column; a changelog stream has one, 'rowtime' (the records' timestamps)"
                        : "computed; a changelog stream's schema declares physical columns and the metadata column 'rowtime'"));
            }
            if (c.isMetadata()) {
                if (translated.rowtimeIndex() < 0) {
                    throw new ValidationException("The metadata column 'rowtime' needs a time attribute in the table, which "
                            + "it has none of; declare a watermark on the source, or leave the column out");
                }
                continue;
            }
            int index = names.indexOf(c.getName());
            if (index < 0) {
                throw new ValidationException("Column '" + c.getName() + "' of the target schema is not in the table, whose "
                        + "columns are " + names);
            }
            DataType declared = c.getDataType() != null ? c.getDataType() : DataTypeParser.parse(c.getSqlType());
            DataType actual = tableSchema.getColumnDataTypes().get(index);
            if (!declared.getConversionClass().equals(actual.getConversionClass())) {
                throw new ValidationException("Column '" + c.getName() + "' is " + actual + " in the table and " + declared
                        + " in the target schema; Weir does not cast here: declare " + actual + ", or CAST the column in the query");
            }
            fields[n++] = index;
            declaredNames.add(c.getName());
            types.add(translated.rowType().getFieldList().get(index).getType());
        }
        return new ChangelogProjection(Arrays.copyOf(fields, n), declaredNames, ValueConversions.of(types),
                !mode.contains(RowKind.UPDATE_BEFORE));
    }

    private ChangelogProjection(int[] fields, List<String> names, ValueConversions conversions, boolean dropUpdateBefore) {
        this.fields = fields.clone();
        for (int i = 0; i < names.size(); i++) {
            positionByName.put(names.get(i), i);
        }
        this.conversions = conversions;
        this.dropUpdateBefore = dropUpdateBefore;
    }

    @Override
    public void flatMap(Row row, Collector<Row> out) {
        if (dropUpdateBefore && row.getKind() == RowKind.UPDATE_BEFORE) {
            return;
        }
        Object[] values = new Object[fields.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.getField(fields[i]);
        }
        out.collect(conversions.toExternal(RowUtils.createRowWithNamedPositions(row.getKind(), values, positionByName)));
    }
}
