package dev.weir.bench.weir;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.api.common.functions.AggregateFunction;
import dev.weir.api.common.functions.FilterFunction;
import dev.weir.api.common.functions.MapFunction;
import dev.weir.api.connector.source.SourceReaderContext;
import dev.weir.bench.Event;
import dev.weir.bench.KeyedStats;
import dev.weir.bench.Span;
import dev.weir.bench.SqlQueries;
import dev.weir.bench.SqlShape;
import dev.weir.bench.Workload;
import dev.weir.bench.nexmark.Bid;
import dev.weir.bench.nexmark.NexmarkShape;
import dev.weir.connector.datagen.source.DataGeneratorSource;
import dev.weir.connector.datagen.source.GeneratorFunction;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.windowing.ProcessWindowFunction;
import dev.weir.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import dev.weir.streaming.api.windowing.windows.TimeWindow;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import dev.weir.util.Collector;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Weir's side of workload 12: the SQL of {@link SqlQueries} over tables registered from the bench's generators, and
 * the same queries on the DataStream API. {@code flink/FlinkSqlJobs.java} (Flink 2.x builds) is the same code with
 * Flink's imports; keep the two in step.
 */
public final class WeirSqlJobs {
    private WeirSqlJobs() {
    }

    /** Runs a SQL workload into a blackhole table; the span ends when the job's result is complete. */
    public static long measure(StreamExecutionEnvironment env, Workload workload, long events) throws Exception {
        if (workload.nexmarkQuery() != null) {
            return WeirNexmarkSql.measure(env, workload, events);
        }
        StreamTableEnvironment tables = tables(env, workload, events);
        tables.executeSql(SqlQueries.sinkTable(workload));
        Span.reset();
        tables.executeSql("INSERT INTO sink " + SqlQueries.of(workload)).await();
        Span.sinkFinished();
        return Span.nanos();
    }

    /** A SQL workload's rows as the bench's result objects, for the checksum. */
    public static DataStream<?> results(StreamExecutionEnvironment env, Workload workload, long events) {
        StreamTableEnvironment tables = tables(env, workload, events);
        Table result = tables.sqlQuery(SqlQueries.of(workload));
        DataStream<Row> rows = tables.toDataStream(result);
        return workload == Workload.SQL_TUMBLING ? rows.map(new RowToStats()) : rows.map(new RowToBid());
    }

    /** The DataStream twin of a SQL workload. */
    public static DataStream<?> dataStream(StreamExecutionEnvironment env, Workload workload, long events) {
        if (workload == Workload.TUMBLING_STATS) {
            SqlShape shape = new SqlShape(events, workload.keys, workload.parallelism);
            DataStream<Event> input = env.fromSource(new DataGeneratorSource<>(new EventGenerator(shape), events),
                    WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(100))
                            .withTimestampAssigner((e, previous) -> e.timestamp), "events");
            return input.keyBy(new WeirJobs.ByKey()).window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                    .aggregate(new CountSumMax(), new StampWindow());
        }
        return WeirNexmarkJobs.bids(env, new NexmarkShape(events, workload.parallelism)).filter(new EvenAuction())
                .map(new InEuros());
    }

    private static StreamTableEnvironment tables(StreamExecutionEnvironment env, Workload workload, long events) {
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().set("table.local-time-zone", "UTC");
        if (workload == Workload.SQL_TUMBLING) {
            SqlShape shape = new SqlShape(events, workload.keys, workload.parallelism);
            DataStream<Row> rows = env.fromSource(new DataGeneratorSource<>(new RowGenerator(shape), events),
                    WatermarkStrategy.<Row>forBoundedOutOfOrderness(Duration.ofMillis(100))
                            .withTimestampAssigner((row, previous) -> (Long) row.getField(2)), "events");
            tables.createTemporaryView("events", rows, Schema.newBuilder().column("k", DataTypes.BIGINT())
                    .column("v", DataTypes.BIGINT()).column("ts_ms", DataTypes.BIGINT())
                    .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build());
        } else {
            // The table reads the Bid POJOs themselves, columns by property name (no map to rows before it).
            DataStream<Bid> bids = WeirNexmarkJobs.bids(env, new NexmarkShape(events, workload.parallelism));
            tables.createTemporaryView("bid", bids, Schema.newBuilder().column("auction", DataTypes.BIGINT())
                    .column("bidder", DataTypes.BIGINT()).column("price", DataTypes.BIGINT())
                    .column("dateTime", DataTypes.BIGINT()).columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)")
                    .watermark("rowtime", "SOURCE_WATERMARK()").build());
        }
        return tables;
    }

    static final class RowGenerator implements GeneratorFunction<Long, Row> {
        private static final long serialVersionUID = 1L;
        private final SqlShape shape;

        RowGenerator(SqlShape shape) {
            this.shape = shape;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            Span.sourceOpened();
        }

        @Override
        public Row map(Long index) {
            long i = shape.logical(index);
            return Row.of(shape.key(i), SqlShape.value(i), SqlShape.timestamp(i));
        }
    }

    static final class EventGenerator implements GeneratorFunction<Long, Event> {
        private static final long serialVersionUID = 1L;
        private final SqlShape shape;

        EventGenerator(SqlShape shape) {
            this.shape = shape;
        }

        @Override
        public void open(SourceReaderContext readerContext) {
            Span.sourceOpened();
        }

        @Override
        public Event map(Long index) {
            long i = shape.logical(index);
            return new Event(shape.key(i), SqlShape.timestamp(i), (int) SqlShape.value(i));
        }
    }

    /** Count, sum and max of the values; the accumulator is the result (key and window stamped afterwards). */
    static final class CountSumMax implements AggregateFunction<Event, KeyedStats, KeyedStats> {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyedStats createAccumulator() {
            return new KeyedStats(0, 0, 0, 0, Long.MIN_VALUE);
        }

        @Override
        public KeyedStats add(Event event, KeyedStats acc) {
            acc.count++;
            acc.sum += event.value;
            acc.max = Math.max(acc.max, event.value);
            return acc;
        }

        @Override
        public KeyedStats getResult(KeyedStats acc) {
            return acc;
        }

        @Override
        public KeyedStats merge(KeyedStats a, KeyedStats b) {
            return new KeyedStats(0, 0, a.count + b.count, a.sum + b.sum, Math.max(a.max, b.max));
        }
    }

    static final class StampWindow extends ProcessWindowFunction<KeyedStats, KeyedStats, Long, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(Long key, Context context, Iterable<KeyedStats> elements, Collector<KeyedStats> out) {
            for (KeyedStats stats : elements) {
                out.collect(new KeyedStats(key, context.window().getStart(), stats.count, stats.sum, stats.max));
            }
        }
    }

    static final class EvenAuction implements FilterFunction<Bid> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean filter(Bid bid) {
            return bid.auction % 2 == 0;
        }
    }

    /** q1's conversion, {@code CAST(0.908 * price AS BIGINT)} for the bench's non-negative prices. */
    static final class InEuros implements MapFunction<Bid, Bid> {
        private static final long serialVersionUID = 1L;

        @Override
        public Bid map(Bid bid) {
            return new Bid(bid.auction, bid.bidder, bid.price * 908 / 1000, bid.dateTime);
        }
    }

    static final class RowToBid implements MapFunction<Row, Bid> {
        private static final long serialVersionUID = 1L;

        @Override
        public Bid map(Row row) {
            return new Bid((Long) row.getField(0), (Long) row.getField(1), (Long) row.getField(2), (Long) row.getField(3));
        }
    }

    static final class RowToStats implements MapFunction<Row, KeyedStats> {
        private static final long serialVersionUID = 1L;

        @Override
        public KeyedStats map(Row row) {
            long start = ((LocalDateTime) row.getField(1)).toInstant(ZoneOffset.UTC).toEpochMilli();
            return new KeyedStats((Long) row.getField(0), start, (Long) row.getField(2), (Long) row.getField(3),
                    (Long) row.getField(4));
        }
    }
}
