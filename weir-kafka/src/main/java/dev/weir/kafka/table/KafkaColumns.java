package dev.weir.kafka.table;

import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.parse.Statement;
import dev.weir.sql.types.RowTypes;
import dev.weir.sql.types.SqlTypes;
import dev.weir.table.api.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Where a Kafka table's columns go: which physical columns make the record's key (Flink's {@code key.fields}, or
 * the primary key of an upsert table) and which its value ({@code value.fields-include} ALL or EXCEPT_KEY), and,
 * for the source, which columns are metadata. Positions count the row the source delivers (physical and metadata
 * columns in declared order) or the row the sink receives (physical columns only).
 */
final class KafkaColumns {
    final int arity;
    final int[] keyPositions;
    final RelDataType keyType;
    final int[] valuePositions;
    final RelDataType valueType;
    final int[] metadataPositions;
    final KafkaMetadata[] metadata;

    private KafkaColumns(int arity, int[] keyPositions, RelDataType keyType, int[] valuePositions, RelDataType valueType,
            int[] metadataPositions, KafkaMetadata[] metadata) {
        this.arity = arity;
        this.keyPositions = keyPositions;
        this.keyType = keyType;
        this.valuePositions = valuePositions;
        this.valueType = valueType;
        this.metadataPositions = metadataPositions;
        this.metadata = metadata;
    }

    /**
     * The layout of {@code table}'s source rows (with metadata columns) or sink rows (without); {@code keyFields}
     * are column names, {@code keyPrefix} is stripped from them in the key format's field names.
     */
    static KafkaColumns of(CatalogTable table, List<String> keyFields, String keyPrefix, boolean exceptKey, boolean withMetadata) {
        List<Statement.ColumnDefinition> columns = new ArrayList<>();
        for (Statement.ColumnDefinition c : table.columns()) {
            if (c.expression() == null && (withMetadata || !c.metadata())) {
                columns.add(c);
            }
        }
        List<String> names = columns.stream().map(Statement.ColumnDefinition::name).toList();
        int[] keys = new int[keyFields.size()];
        List<String> keyNames = new ArrayList<>();
        List<RelDataType> keyTypes = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            String name = keyFields.get(i);
            int at = names.indexOf(name);
            if (at < 0 || columns.get(at).metadata()) {
                throw new ValidationException("Could not find the field '" + name + "' of 'key.fields' in the physical columns of table '"
                        + table.name() + "': " + physicalNames(columns) + "; list physical columns separated by ';'");
            }
            if (!name.startsWith(keyPrefix)) {
                throw new ValidationException("All fields in 'key.fields' of table '" + table.name() + "' must be prefixed with '"
                        + keyPrefix + "' when option 'key.fields-prefix' is set but field '" + name + "' is not prefixed");
            }
            keys[i] = at;
            keyNames.add(name.substring(keyPrefix.length()));
            keyTypes.add(type(columns.get(at)));
        }
        List<Integer> values = new ArrayList<>();
        List<String> valueNames = new ArrayList<>();
        List<RelDataType> valueTypes = new ArrayList<>();
        List<Integer> metadataPositions = new ArrayList<>();
        List<KafkaMetadata> metadata = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Statement.ColumnDefinition c = columns.get(i);
            if (c.metadata()) {
                metadataPositions.add(i);
                metadata.add(metadataOf(table, c));
            } else if (!(exceptKey && keyFields.contains(c.name()))) {
                values.add(i);
                valueNames.add(c.name());
                valueTypes.add(type(c));
            }
        }
        return new KafkaColumns(columns.size(), keys, RowTypes.FACTORY.createStructType(keyTypes, keyNames),
                values.stream().mapToInt(Integer::intValue).toArray(), RowTypes.FACTORY.createStructType(valueTypes, valueNames),
                metadataPositions.stream().mapToInt(Integer::intValue).toArray(), metadata.toArray(new KafkaMetadata[0]));
    }

    private static RelDataType type(Statement.ColumnDefinition c) {
        return SqlTypes.toRelType(RowTypes.FACTORY, c.type());
    }

    private static List<String> physicalNames(List<Statement.ColumnDefinition> columns) {
        return columns.stream().filter(c -> !c.metadata()).map(Statement.ColumnDefinition::name).toList();
    }

    static KafkaMetadata metadataOf(CatalogTable table, Statement.ColumnDefinition c) {
        String key = c.metadataKey() == null ? c.name() : c.metadataKey();
        KafkaMetadata m = KafkaMetadata.of(key);
        if (m == null) {
            throw new ValidationException("Invalid metadata key '" + key + "' in column '" + c.name() + "' of table '" + table.name()
                    + "'. The Kafka table source supports the following metadata keys for reading:\n" + KafkaMetadata.keys()
                    + (key.equals("headers") ? "\n(Weir has no MAP type yet, so 'headers' cannot be read)" : ""));
        }
        if (type(c).getSqlTypeName() != m.type) {
            throw new ValidationException("Metadata column '" + c.name() + "' of table '" + table.name() + "' reads '" + m.key
                    + "', which is " + m.typeName + ", but is declared "
                    + c.type() + "; declare it with that type (and CAST it in a computed column if needed)");
        }
        return m;
    }
}
