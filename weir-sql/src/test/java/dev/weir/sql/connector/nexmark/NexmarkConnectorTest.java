package dev.weir.sql.connector.nexmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class NexmarkConnectorTest {
    static final String DDL = "CREATE TABLE datagen (\n"
            + "  event_type INT,\n"
            + "  person ROW<id BIGINT, name VARCHAR, emailAddress VARCHAR, creditCard VARCHAR, city VARCHAR, state VARCHAR,"
            + " `dateTime` TIMESTAMP(3), extra VARCHAR>,\n"
            + "  auction ROW<id BIGINT, itemName VARCHAR, description VARCHAR, initialBid BIGINT, reserve BIGINT,"
            + " `dateTime` TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra VARCHAR>,\n"
            + "  bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel VARCHAR, url VARCHAR, `dateTime` TIMESTAMP(3),"
            + " extra VARCHAR>,\n"
            + "  `dateTime` AS CASE WHEN event_type = 0 THEN person.`dateTime` WHEN event_type = 1 THEN auction.`dateTime`"
            + " ELSE bid.`dateTime` END,\n"
            + "  WATERMARK FOR `dateTime` AS `dateTime` - INTERVAL '4' SECOND\n"
            + ") WITH ('connector' = 'nexmark', 'first-event.rate' = '1000', 'next-event.rate' = '1000',"
            + " 'events.num' = '%d')";

    private static TableEnvironment env(long events) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "1");
        env.executeSql(String.format(DDL, events));
        env.executeSql("CREATE VIEW bid AS SELECT bid.auction, bid.bidder, bid.price, bid.channel, bid.url, `dateTime`,"
                + " bid.extra FROM datagen WHERE event_type = 2");
        return env;
    }

    static List<String> rows(TableEnvironment env, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql(sql).collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @Test
    void everyFiftyEventsHoldOnePersonThreeAuctionsAndFortySixBids() throws Exception {
        assertThat(rows(env(1_000), "SELECT event_type, COUNT(*) FROM datagen GROUP BY event_type"))
                .contains("+U[0, 20]", "+U[1, 60]", "+U[2, 920]").noneMatch(r -> r.matches(".[IU]\\[0, 2[1-9]\\]"));
    }

    @Test
    void eventTimesAdvanceByTheRateFromNexmarksBaseTime() throws Exception {
        List<String> rows = rows(env(3), "SELECT event_type, `dateTime`, person.id, auction.id FROM datagen");
        assertThat(rows).containsExactly("+I[0, 2015-07-15T00:00, 1000, null]", "+I[1, 2015-07-15T00:00:00.001, null, 1000]",
                "+I[1, 2015-07-15T00:00:00.002, null, 1001]");
    }

    @Test
    void theSameEventNumberGivesTheSameEvent() {
        NexmarkGenerator a = new NexmarkGenerator(NexmarkConfig.defaults());
        NexmarkGenerator b = new NexmarkGenerator(NexmarkConfig.defaults());
        for (long n = 0; n < 500; n++) {
            assertThat(a.event(n)).isEqualTo(b.event(n));
        }
        assertThat(a.event(4).bid().auction()).isBetween(1000L, 1002L);
    }

    @Test
    void bidsComeFromTheirView() throws Exception {
        List<String> rows = rows(env(200), "SELECT auction, bidder, price, channel, url, `dateTime` FROM bid WHERE auction = 1000");
        assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(r).matches(
                "\\+I\\[1000, 10\\d\\d, \\d+, (Apple|Google|Facebook|Baidu|channel-\\d+), https://www\\.nexmark\\.com/.*, 2015-07-15T.*\\]"));
    }

    @Test
    void anUnknownOptionIsRefusedWithTheListOfOptions() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE t (event_type INT) WITH ('connector' = 'nexmark', 'events' = '5')");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM t"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Unsupported options found for 'nexmark' in table 't'.\n\nUnsupported options:\n\nevents\n\n"
                        + "Supported options:\n\nauction.proportion\nbid.proportion\nconnector\nevents.num\nfirst-event.rate\n"
                        + "next-event.rate\nperson.proportion");
    }

    @Test
    void aColumnTheSourceDoesNotProduceIsRefusedNamingIt() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE t (event_type INT, bid ROW<auction BIGINT, cost BIGINT>) WITH ('connector' = 'nexmark')");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM t"))
                .hasMessageContaining("Table 't': the nexmark source does not produce field 'cost' of column 'bid'; its fields"
                        + " are [auction, bidder, price, channel, url, dateTime, extra]");
    }

    @Test
    void twoRatesAreRefusedWhenTheTableIsRead() {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.executeSql("CREATE TABLE t (event_type INT) WITH ('connector' = 'nexmark', 'first-event.rate' = '100',"
                + " 'next-event.rate' = '200')");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM t"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Table 't' (connector 'nexmark'): 'next-event.rate' (200) differs from 'first-event.rate' (100):"
                        + " Weir's nexmark source generates at one rate; set both to the same value");
    }
}
