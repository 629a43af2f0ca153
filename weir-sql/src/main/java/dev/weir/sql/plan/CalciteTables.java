package dev.weir.sql.plan;

import dev.weir.sql.types.SqlTypes;
import dev.weir.table.catalog.Column;
import dev.weir.table.catalog.ResolvedSchema;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TemporalTable;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** The catalog's tables and views as Calcite sees them while planning. */
final class CalciteTables {
    private CalciteTables() {
    }

    static RelDataType rowType(RelDataTypeFactory factory, ResolvedSchema schema) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (Column c : schema.getColumns()) {
            builder.add(c.getName(), SqlTypes.toRelType(factory, c.getDataType()));
        }
        return builder.build();
    }

    /**
     * A table Calcite lets {@code FOR SYSTEM_TIME AS OF} name. Calcite's system-time period columns are left empty:
     * Weir's temporal tables have none (the period is the AS OF expression; the translator decides what it means).
     */
    interface AsOfTable extends TemporalTable {
        @Override
        default String getSysStartFieldName() {
            return "";
        }

        @Override
        default String getSysEndFieldName() {
            return "";
        }
    }

    /**
     * A table: a scan of it is translated to its connector or DataStream by Weir's translator. Every table may be
     * named in {@code FOR SYSTEM_TIME AS OF}: the translator decides whether it is a lookup or a versioned table.
     */
    static final class Source extends AbstractTable implements AsOfTable {
        private final ResolvedSchema schema;

        Source(ResolvedSchema schema) {
            this.schema = schema;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return rowType(typeFactory, schema);
        }
    }

    /** A view: expanded into its query wherever it is used. */
    static final class View extends AbstractTable implements TranslatableTable, AsOfTable {
        private final String name;
        private final String query;
        private final ResolvedSchema schema;

        View(String name, String query, ResolvedSchema schema) {
            this.name = name;
            this.query = query;
            this.schema = schema;
        }

        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
            return rowType(typeFactory, schema);
        }

        @Override
        public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
            return context.expandView(relOptTable.getRowType(), GroupWindowRewrite.rewriteView(query), List.of(), List.of(name))
                    .project();
        }
    }
}
