package dev.weir.bench.weir;

import dev.weir.api.common.functions.OpenContext;
import dev.weir.api.common.functions.RichMapFunction;
import dev.weir.bench.NexmarkSqlScript;
import dev.weir.bench.SourceRecordSpan;
import dev.weir.bench.Span;
import dev.weir.sql.catalog.CatalogTable;
import dev.weir.sql.connector.ReadFields;
import dev.weir.sql.connector.TableConnector;
import dev.weir.sql.connector.nexmark.NexmarkConnector;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.types.Row;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;

/**
 * Weir SQL's {@code nexmark} connector under the name {@value NexmarkSqlScript#TIMED_CONNECTOR}, with one chained
 * pass-through step whose {@code open} starts the bench's {@link Span}, as the bench's generator functions do;
 * registered through {@code META-INF/services}.
 */
public final class TimedNexmarkConnector implements TableConnector {
    private final NexmarkConnector nexmark = new NexmarkConnector();

    @Override
    public String identifier() {
        return NexmarkSqlScript.TIMED_CONNECTOR;
    }

    @Override
    public boolean supportsOption(String key) {
        return nexmark.supportsOption(key);
    }

    @Override
    public Set<String> describeOptions() {
        return nexmark.describeOptions();
    }

    @Override
    public void validate(CatalogTable table) {
        nexmark.validate(table);
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType) {
        return nexmark.createSource(env, table, physicalType).map(new OpensSpan()).name("Span");
    }

    @Override
    public DataStream<Row> createSource(StreamExecutionEnvironment env, CatalogTable table, RelDataType physicalType,
            ReadFields read) {
        return nexmark.createSource(env, table, physicalType, read).map(new OpensSpan()).name("Span");
    }

    /** Passes rows on; opening starts the span, and its records' first and last stamp the steady-state span. */
    static final class OpensSpan extends RichMapFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final SourceRecordSpan.Stamps stamps = new SourceRecordSpan.Stamps();

        @Override
        public void open(OpenContext context) {
            Span.sourceOpened();
        }

        @Override
        public Row map(Row row) {
            stamps.record();
            return row;
        }

        @Override
        public void close() {
            stamps.report();
        }
    }
}
