package dev.weir.bench.flink;

import dev.weir.bench.NexmarkSqlScript;
import dev.weir.bench.SourceRecordSpan;
import dev.weir.bench.Span;
import dev.weir.sql.connector.nexmark.NexmarkColumns;
import dev.weir.sql.connector.nexmark.NexmarkConfig;
import dev.weir.sql.connector.nexmark.NexmarkGenerator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
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
 * Flink's side of the Nexmark SQL workloads: a {@value NexmarkSqlScript#TIMED_CONNECTOR} table source for Flink 2.3's
 * planner over the same {@link NexmarkGenerator} that Weir's {@code nexmark} connector reads (event n is the same on
 * both engines), bounded by {@code events.num}; the mapping step's {@code open} starts the bench's {@link Span}, and its records' first and last stamp the
 * {@link SourceRecordSpan}.
 */
public final class FlinkTimedNexmarkFactory implements DynamicTableSourceFactory {
    @Override
    public String factoryIdentifier() {
        return NexmarkSqlScript.TIMED_CONNECTOR;
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
        if (config.eventsNum() == 0) {
            throw new IllegalArgumentException("The bench's nexmark source is bounded: set 'events.num'");
        }
        DataType physical = context.getPhysicalRowDataType();
        RowType rowType = (RowType) physical.getLogicalType();
        List<List<String>> nested = new ArrayList<>();
        for (RowType.RowField field : rowType.getFields()) {
            LogicalType type = field.getType();
            nested.add(type instanceof RowType ? ((RowType) type).getFieldNames() : List.of());
        }
        return new Source(new NexmarkGenerator(config), new NexmarkColumns(rowType.getFieldNames(), nested), physical);
    }

    private record Source(NexmarkGenerator generator, NexmarkColumns columns, DataType physical) implements ScanTableSource {
        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
            TypeInformation<RowData> type = context.createTypeInformation(physical);
            return new DataStreamScanProvider() {
                @Override
                public DataStream<RowData> produceDataStream(ProviderContext provider, StreamExecutionEnvironment env) {
                    return env.fromSequence(0, generator.events() - 1).map(new EventRows(generator, columns))
                            .returns(type).name("nexmark");
                }

                @Override
                public boolean isBounded() {
                    return true;
                }
            };
        }

        @Override
        public DynamicTableSource copy() {
            return new Source(generator, columns, physical);
        }

        @Override
        public String asSummaryString() {
            return NexmarkSqlScript.TIMED_CONNECTOR;
        }
    }

    /** Event number to Flink's internal row (GenericRowData, StringData, TimestampData); opening starts the span. */
    private static final class EventRows extends RichMapFunction<Long, RowData> implements NexmarkColumns.RowFactory<RowData> {
        private static final long serialVersionUID = 1L;
        private final NexmarkGenerator generator;
        private final NexmarkColumns columns;
        private final SourceRecordSpan.Stamps stamps = new SourceRecordSpan.Stamps();

        EventRows(NexmarkGenerator generator, NexmarkColumns columns) {
            this.generator = generator;
            this.columns = columns;
        }

        @Override
        public void open(OpenContext context) {
            Span.sourceOpened();
        }

        @Override
        public RowData map(Long n) {
            stamps.record();
            return columns.fill(generator, n, this);
        }

        @Override
        public void close() {
            stamps.report();
        }

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
