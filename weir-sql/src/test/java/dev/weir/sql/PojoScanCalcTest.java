package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Calc over a table of a DataStream's POJOs reads the columns straight from each element's properties (the scan fused
 * with the Calc): the rows are those of the table's rows filtered and projected, whatever the elements' classes.
 */
class PojoScanCalcTest {

    /** Nexmark's bid: public primitive fields, declared out of alphabetical order. */
    public static class Bid {
        public long auction;
        public long bidder;
        public long price;
        public long dateTime;

        public Bid() {
        }

        Bid(long auction, long bidder, long price, long dateTime) {
            this.auction = auction;
            this.bidder = bidder;
            this.price = price;
            this.dateTime = dateTime;
        }
    }

    /** A bid of another class in the same stream: the same properties, read through other handles. */
    public static final class LateBid extends Bid {
        LateBid(long auction, long bidder, long price, long dateTime) {
            super(auction, bidder, price, dateTime);
        }
    }

    /** Properties by getter, an int and a nullable Long among them. */
    public static final class Reading {
        private final String sensor;
        private final int level;
        private final Long offset;

        Reading(String sensor, int level, Long offset) {
            this.sensor = sensor;
            this.level = level;
            this.offset = offset;
        }

        public String getSensor() {
            return sensor;
        }

        public int getLevel() {
            return level;
        }

        public Long getOffset() {
            return offset;
        }
    }

    /** A class without the property {@code offset}. */
    public static final class Partial {
        public String sensor = "x";
        public int level = 1;
    }

    private static List<String> rows(StreamTableEnvironment tables, String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = tables.toDataStream(tables.sqlQuery(query)).executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    private static StreamTableEnvironment tables(StreamExecutionEnvironment env) {
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.getConfig().set("table.local-time-zone", "UTC");
        return tables;
    }

    private static Schema bidSchema() {
        return Schema.newBuilder().column("auction", DataTypes.BIGINT()).column("bidder", DataTypes.BIGINT())
                .column("price", DataTypes.BIGINT()).column("dateTime", DataTypes.BIGINT())
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").watermark("rowtime", "SOURCE_WATERMARK()").build();
    }

    @Test
    void theFilterAndProjectionOfNexmarksQ1AndQ2ReadTheBidsPropertiesByColumnName() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tables = tables(env);
        DataStream<Bid> bids = env.fromData(new Bid(1000, 7, 100, 5), new Bid(1001, 8, 200, 6), new LateBid(1002, 9, 1000, 7),
                new Bid(1004, 10, 3, 8)).assignTimestampsAndWatermarks(WatermarkStrategy.<Bid>forMonotonousTimestamps()
                        .withTimestampAssigner((bid, previous) -> bid.dateTime));
        tables.createTemporaryView("bid", bids, bidSchema());
        assertThat(rows(tables, "SELECT auction, bidder, CAST(0.908 * price AS BIGINT) AS price, `dateTime` FROM bid "
                + "WHERE MOD(auction, 2) = 0")).containsExactly("+I[1000, 7, 90, 5]", "+I[1002, 9, 908, 7]", "+I[1004, 10, 2, 8]");
        assertThat(rows(tables, "SELECT `dateTime`, auction + bidder FROM bid")).containsExactly("+I[5, 1007]", "+I[6, 1009]",
                "+I[7, 1011]", "+I[8, 1014]");
    }

    @Test
    void getterPropertiesOfIntAndNullableLongAreReadAsTheTablesRowsWouldHoldThem() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tables = tables(env);
        tables.createTemporaryView("readings", env.fromData(new Reading("a", 3, 10L), new Reading("b", 4, null),
                new Reading("c", 5, 7L)), Schema.newBuilder().column("sensor", DataTypes.STRING())
                .column("level", DataTypes.INT()).column("offset", DataTypes.BIGINT()).build());
        assertThat(rows(tables, "SELECT sensor, level * 2, `offset` + level FROM readings WHERE `offset` IS NOT NULL"))
                .containsExactly("+I[a, 6, 13]", "+I[c, 10, 12]");
        assertThat(rows(tables, "SELECT UPPER(sensor) FROM readings WHERE `offset` IS NULL")).containsExactly("+I[B]");
    }

    @Test
    void rowElementsInATableOfPhysicalColumnsTakeTheUnfusedWayWithTheSameResult() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tables = tables(env);
        tables.createTemporaryView("readings", env.fromData(Row.of("a", 3, 10L), Row.of("b", 4, null)), Schema.newBuilder()
                .column("sensor", DataTypes.STRING()).column("level", DataTypes.INT()).column("offset", DataTypes.BIGINT()).build());
        assertThat(rows(tables, "SELECT sensor, level * 2 FROM readings WHERE `offset` IS NOT NULL"))
                .containsExactly("+I[a, 6]");
    }

    @Test
    void aPojoWithoutOneOfTheColumnsFailsTheJobNamingTheClassAndTheColumn() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tables = tables(env);
        tables.createTemporaryView("readings", env.fromData(new Partial()), Schema.newBuilder()
                .column("sensor", DataTypes.STRING()).column("level", DataTypes.INT()).column("offset", DataTypes.BIGINT()).build());
        assertThatThrownBy(() -> rows(tables, "SELECT sensor FROM readings WHERE level > 0"))
                .hasStackTraceContaining("A DataStream element of " + Partial.class.getName() + " has no public getter or field "
                        + "for the column(s) [offset]: the columns of a table over a DataStream of POJOs take their properties by "
                        + "name; rename the columns in the Schema, or map the elements to Rows first");
    }
}
