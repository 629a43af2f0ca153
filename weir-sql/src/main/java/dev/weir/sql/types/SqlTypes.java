package dev.weir.sql.types;

import dev.weir.table.api.DataTypes;
import dev.weir.table.api.TableException;
import dev.weir.table.types.DataType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between the Table API's {@link DataType} and Calcite's {@link RelDataType}. */
public final class SqlTypes {
    private SqlTypes() {
    }

    public static RelDataType toRelType(RelDataTypeFactory factory, DataType type) {
        RelDataType rel;
        switch (type.getTypeRoot()) {
            case CHAR:
                rel = factory.createSqlType(SqlTypeName.CHAR, type.getPrecision());
                break;
            case VARCHAR:
                rel = factory.createSqlType(SqlTypeName.VARCHAR, type.getPrecision());
                break;
            case BOOLEAN:
                rel = factory.createSqlType(SqlTypeName.BOOLEAN);
                break;
            case BITMAP:
                // Calcite has no BITMAP; Weir plans Flink's BITMAP as OTHER, a type nothing else in Weir SQL uses.
                rel = factory.createSqlType(SqlTypeName.OTHER);
                break;
            case BINARY:
                rel = factory.createSqlType(SqlTypeName.BINARY, type.getPrecision());
                break;
            case VARBINARY:
                rel = factory.createSqlType(SqlTypeName.VARBINARY, type.getPrecision());
                break;
            case DECIMAL:
                rel = factory.createSqlType(SqlTypeName.DECIMAL, type.getPrecision(), type.getScale());
                break;
            case TINYINT:
                rel = factory.createSqlType(SqlTypeName.TINYINT);
                break;
            case SMALLINT:
                rel = factory.createSqlType(SqlTypeName.SMALLINT);
                break;
            case INTEGER:
                rel = factory.createSqlType(SqlTypeName.INTEGER);
                break;
            case BIGINT:
                rel = factory.createSqlType(SqlTypeName.BIGINT);
                break;
            case FLOAT:
                rel = factory.createSqlType(SqlTypeName.FLOAT);
                break;
            case DOUBLE:
                rel = factory.createSqlType(SqlTypeName.DOUBLE);
                break;
            case DATE:
                rel = factory.createSqlType(SqlTypeName.DATE);
                break;
            case TIME_WITHOUT_TIME_ZONE:
                rel = factory.createSqlType(SqlTypeName.TIME, type.getPrecision());
                break;
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                rel = factory.createSqlType(SqlTypeName.TIMESTAMP, type.getPrecision());
                break;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                rel = factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, type.getPrecision());
                break;
            case ARRAY:
                rel = factory.createArrayType(toRelType(factory, type.getChildren().get(0)), -1);
                break;
            case MULTISET:
                rel = factory.createMultisetType(toRelType(factory, type.getChildren().get(0)), -1);
                break;
            case MAP:
                rel = factory.createMapType(toRelType(factory, type.getChildren().get(0)),
                        toRelType(factory, type.getChildren().get(1)));
                break;
            case ROW: {
                List<RelDataType> types = new ArrayList<>();
                for (DataType child : type.getChildren()) {
                    types.add(toRelType(factory, child));
                }
                // As Flink's: a ROW column's fields are reachable as column.field without a table alias.
                rel = factory.createStructType(org.apache.calcite.rel.type.StructKind.PEEK_FIELDS_NO_EXPAND, types,
                        type.getFieldNames());
                break;
            }
            default:
                throw new TableException("Type " + type + " is not supported by Weir SQL yet");
        }
        return factory.createTypeWithNullability(rel, type.isNullable());
    }

    public static DataType toDataType(RelDataType rel) {
        DataType type;
        switch (rel.getSqlTypeName()) {
            case CHAR:
                type = DataTypes.CHAR(rel.getPrecision());
                break;
            case VARCHAR:
                type = DataTypes.VARCHAR(rel.getPrecision());
                break;
            case BOOLEAN:
                type = DataTypes.BOOLEAN();
                break;
            case OTHER:
                type = DataTypes.BITMAP();
                break;
            case BINARY:
                type = DataTypes.BINARY(rel.getPrecision());
                break;
            case VARBINARY:
                type = DataTypes.VARBINARY(rel.getPrecision());
                break;
            case DECIMAL:
                type = DataTypes.DECIMAL(rel.getPrecision(), rel.getScale());
                break;
            case TINYINT:
                type = DataTypes.TINYINT();
                break;
            case SMALLINT:
                type = DataTypes.SMALLINT();
                break;
            case INTEGER:
                type = DataTypes.INT();
                break;
            case BIGINT:
                type = DataTypes.BIGINT();
                break;
            case FLOAT:
            case REAL:
                type = DataTypes.FLOAT();
                break;
            case DOUBLE:
                type = DataTypes.DOUBLE();
                break;
            case DATE:
                type = DataTypes.DATE();
                break;
            case TIME:
                type = DataTypes.TIME(rel.getPrecision());
                break;
            case TIMESTAMP:
                type = DataTypes.TIMESTAMP(rel.getPrecision());
                break;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                type = DataTypes.TIMESTAMP_LTZ(rel.getPrecision());
                break;
            case ARRAY:
                type = DataTypes.ARRAY(toDataType(rel.getComponentType()));
                break;
            case MULTISET:
                // COLLECT's result: a Map of each value to its count, as Flink hands a MULTISET out.
                type = DataTypes.MULTISET(toDataType(rel.getComponentType()));
                break;
            case MAP:
                type = DataTypes.MAP(toDataType(rel.getKeyType()), toDataType(rel.getValueType()));
                break;
            case ROW: {
                List<DataTypes.Field> fields = new ArrayList<>();
                for (RelDataTypeField f : rel.getFieldList()) {
                    fields.add(DataTypes.FIELD(f.getName(), toDataType(f.getType())));
                }
                type = DataTypes.ROW(fields.toArray(new DataTypes.Field[0]));
                break;
            }
            case NULL:
                type = DataTypes.STRING();
                break;
            default:
                throw new TableException("Type " + rel.getFullTypeString() + " is not supported by Weir SQL yet");
        }
        return rel.isNullable() ? type : type.notNull();
    }
}
