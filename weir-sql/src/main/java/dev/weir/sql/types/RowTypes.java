package dev.weir.sql.types;

import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;

/** Row types of planned queries: as a {@link ResolvedSchema}, as value conversions, and a shared type factory. */
public final class RowTypes {
    public static final RelDataTypeFactory FACTORY = new SqlTypeFactoryImpl(FlinkTypeSystem.INSTANCE);

    private RowTypes() {
    }

    public static ResolvedSchema schema(RelDataType rowType, int rowtimeIndex) {
        List<Column> columns = new ArrayList<>();
        for (RelDataTypeField f : rowType.getFieldList()) {
            columns.add(Column.physical(f.getName(), SqlTypes.toDataType(f.getType())));
        }
        String rowtime = rowtimeIndex >= 0 ? rowType.getFieldNames().get(rowtimeIndex) : null;
        return new ResolvedSchema(columns, rowtime, rowtime == null ? null : "", List.of());
    }

    public static ValueConversions conversions(RelDataType rowType) {
        List<RelDataType> types = new ArrayList<>();
        for (RelDataTypeField f : rowType.getFieldList()) {
            types.add(f.getType());
        }
        return ValueConversions.of(types);
    }
}
