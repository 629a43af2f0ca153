package dev.weir.flink.sql;

import dev.weir.sql.connector.nexmark.NexmarkColumns;
import dev.weir.sql.connector.nexmark.NexmarkConfig;
import dev.weir.sql.connector.nexmark.NexmarkGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.ProviderContext;
import org.apache.flink.table.connector.source.DataStreamScanProvider;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Weir's {@code 'connector' = 'nexmark'} for Flink's planner: a table source that reads the same
 * {@link NexmarkGenerator} as Weir's, so a Weir SQL job on Flink (and the SQL differential tests) sees identical
 * events. The events are a sequence mapped through the generator, at the job's parallelism; bounded by
 * {@code events.num}, unbounded when it is 0. The rate options set the events' times, as on Weir, not the pace.
 */
public final class NexmarkTableSourceFactory implements DynamicTableSourceFactory {
    @Override
    public String factoryIdentifier() {
        return "nexmark";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        Set<ConfigOption<?>> options = new HashSet<>();
        for (String key : NexmarkConfig.OPTIONS) {
            options.add(ConfigOptions.key(key).stringType().noDefaultValue());
        }
        return options;
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        NexmarkConfig config = NexmarkConfig.fromOptions(context.getCatalogTable().getOptions());
        DataType physical = context.getPhysicalRowDataType();
        RowType rowType = (RowType) physical.getLogicalType();
        List<List<String>> nested = new ArrayList<>();
        for (RowType.RowField field : rowType.getFields()) {
            LogicalType type = field.getType();
            nested.add(type instanceof RowType ? ((RowType) type).getFieldNames() : List.of());
        }
        NexmarkColumns columns = new NexmarkColumns(rowType.getFieldNames(), nested);
        return new Source(new NexmarkGenerator(config), columns, physical);
    }

    private static final class Source implements ScanTableSource {
        private final NexmarkGenerator generator;
        private final NexmarkColumns columns;
        private final DataType physical;

        Source(NexmarkGenerator generator, NexmarkColumns columns, DataType physical) {
            this.generator = generator;
            this.columns = columns;
            this.physical = physical;
        }

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
            TypeInformation<RowData> type = context.createTypeInformation(physical);
            NexmarkGenerator gen = generator;
            NexmarkColumns cols = columns;
            return new DataStreamScanProvider() {
                @Override
                public DataStream<RowData> produceDataStream(ProviderContext provider, StreamExecutionEnvironment env) {
                    long last = gen.events() == 0 ? Long.MAX_VALUE - 1 : gen.events() - 1;
                    return env.fromSequence(0, last)
                            .map(n -> cols.fill(gen.event(n), new FlinkRows()))
                            .returns(type)
                            .name("nexmark");
                }

                @Override
                public boolean isBounded() {
                    return gen.events() > 0;
                }
            };
        }

        @Override
        public DynamicTableSource copy() {
            return new Source(generator, columns, physical);
        }

        @Override
        public String asSummaryString() {
            return "nexmark";
        }
    }

    /** Flink's internal row values: GenericRowData, StringData, TimestampData. */
    private static final class FlinkRows implements NexmarkColumns.RowFactory<RowData>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public RowData row(int arity) {
            return new GenericRowData(arity);
        }

        @Override
        public void set(RowData row, int field, Object value) {
            ((GenericRowData) row).setField(field, value);
        }

        @Override
        public Object timestamp(long epochMillis) {
            return TimestampData.fromEpochMillis(epochMillis);
        }

        @Override
        public Object string(String value) {
            return StringData.fromString(value);
        }
    }
}
