package dev.weir.sqlcompat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Weir's DataStream bridge against Apache Flink 2.3's, in the build: a table over a DataStream of POJOs
 * ({@code createTemporaryView(name, stream, Schema)}) has the same columns, in the same order and of the same types, and
 * gives the same rows, on both engines; a Calc over it too (Weir reads the POJOs' properties there without a row per
 * element).
 */
@Timeout(600)
class DataStreamBridgeDifferentialTest {
    /** Nexmark's bid as the bench has it: public primitive fields, a public no-argument constructor (Flink's POJO rules). */
    public static class Bid {
        public long auction;
        public long bidder;
        public long price;
        public long dateTime;

        public Bid() {
        }

        public Bid(long auction, long bidder, long price, long dateTime) {
            this.auction = auction;
            this.bidder = bidder;
            this.price = price;
            this.dateTime = dateTime;
        }
    }

    private static final List<Bid> BIDS = List.of(new Bid(1000, 7, 100, 5), new Bid(1001, 8, 200, 6), new Bid(1002, 9, 1000, 7),
            new Bid(1004, 10, 3, 1008));

    private static final List<String> QUERIES = List.of("SELECT * FROM bid",
            "SELECT auction, bidder, CAST(0.908 * price AS BIGINT) AS price, `dateTime` FROM bid WHERE MOD(auction, 2) = 0",
            "SELECT `dateTime`, rowtime, price FROM bid WHERE bidder > 7");

    /** Per query: the table's columns with their types, then its rows. */
    private static List<String> flink() throws Exception {
        List<String> out = new ArrayList<>();
        try (FlinkCluster cluster = new FlinkCluster()) {
            for (String query : QUERIES) {
                org.apache.flink.streaming.api.environment.StreamExecutionEnvironment env = cluster.streamEnvironment();
                org.apache.flink.table.api.bridge.java.StreamTableEnvironment tables =
                        org.apache.flink.table.api.bridge.java.StreamTableEnvironment.create(env);
                tables.getConfig().set("table.local-time-zone", "UTC");
                org.apache.flink.streaming.api.datastream.DataStream<Bid> bids = env.fromData(BIDS).assignTimestampsAndWatermarks(
                        org.apache.flink.api.common.eventtime.WatermarkStrategy.<Bid>forMonotonousTimestamps()
                                .withTimestampAssigner((bid, previous) -> bid.dateTime));
                tables.createTemporaryView("bid", bids, org.apache.flink.table.api.Schema.newBuilder()
                        .column("auction", org.apache.flink.table.api.DataTypes.BIGINT())
                        .column("bidder", org.apache.flink.table.api.DataTypes.BIGINT())
                        .column("price", org.apache.flink.table.api.DataTypes.BIGINT())
                        .column("dateTime", org.apache.flink.table.api.DataTypes.BIGINT())
                        .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build());
                org.apache.flink.table.api.Table table = tables.sqlQuery(query);
                out.add("columns " + table.getResolvedSchema().getColumnNames() + " " + table.getResolvedSchema().getColumnDataTypes());
                try (var it = tables.toDataStream(table).executeAndCollect()) {
                    it.forEachRemaining(r -> out.add(r.toString()));
                }
            }
        }
        return out;
    }

    private static List<String> weir() throws Exception {
        List<String> out = new ArrayList<>();
        for (String query : QUERIES) {
            dev.weir.streaming.api.environment.StreamExecutionEnvironment env =
                    dev.weir.streaming.api.environment.StreamExecutionEnvironment.createLocalEnvironment(1);
            dev.weir.table.api.bridge.java.StreamTableEnvironment tables =
                    dev.weir.table.api.bridge.java.StreamTableEnvironment.create(env);
            tables.getConfig().set("table.local-time-zone", "UTC");
            dev.weir.streaming.api.datastream.DataStream<Bid> bids = env.fromData(BIDS).assignTimestampsAndWatermarks(
                    dev.weir.api.common.eventtime.WatermarkStrategy.<Bid>forMonotonousTimestamps()
                            .withTimestampAssigner((bid, previous) -> bid.dateTime));
            tables.createTemporaryView("bid", bids, dev.weir.table.api.Schema.newBuilder()
                    .column("auction", dev.weir.table.api.DataTypes.BIGINT())
                    .column("bidder", dev.weir.table.api.DataTypes.BIGINT())
                    .column("price", dev.weir.table.api.DataTypes.BIGINT())
                    .column("dateTime", dev.weir.table.api.DataTypes.BIGINT())
                    .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build());
            dev.weir.table.api.Table table = tables.sqlQuery(query);
            out.add("columns " + table.getResolvedSchema().getColumnNames() + " " + table.getResolvedSchema().getColumnDataTypes());
            try (var it = tables.toDataStream(table).executeAndCollect()) {
                it.forEachRemaining(r -> out.add(r.toString()));
            }
        }
        return out;
    }

    @Test
    void aTableOverAPojoStreamHasFlinksColumnsTypesOrderAndRows() throws Exception {
        // Known difference, not fixed: Weir's DataType carries no time-attribute kind, so getColumnDataTypes() prints the
        // rowtime column's type without Flink's " *ROWTIME*" (ResolvedSchema's own toString and DESCRIBE do mark it).
        List<String> expected = flink().stream().map(line -> line.replace(" *ROWTIME*", "")).toList();
        assertThat(expected).hasSize(QUERIES.size() + 4 + 3 + 3);
        assertThat(weir()).isEqualTo(expected);
    }
}
