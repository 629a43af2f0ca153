package dev.weir.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.examples.kafka.MovingAverage;
import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A SQL job over {@code 'connector' = 'kafka'} tables runs on Weir's planner (weir-kafka's connector) and, through the
 * runner, on Flink's planner with Flink's own Kafka table connector (flink-sql-connector-kafka, built for Flink 2.2,
 * on Flink 2.3), both at parallelism 2 against the same embedded broker: the output topics hold the same rows. Each
 * job reads the whole input topic as it is when the job starts ({@code scan.bounded.mode}), so it ends by itself.
 */
class KafkaSqlOnWeirAndFlinkTest {
    private static final List<String> TARGETS = List.of("local", "flink-minicluster");
    /** user, amount, event time (seconds after midnight): never more than the watermark's 2 s out of order. */
    private static final Object[][] CLICKS = {
            {"alice", 3, 1}, {"bob", 5, 2}, {"alice", 1, 4}, {"carol", 7, 3}, {"bob", 2, 9}, {"alice", 4, 12},
            {"carol", 1, 11}, {"bob", 6, 15}, {"alice", 2, 19}, {"bob", 1, 18}, {"carol", 5, 24}, {"alice", 8, 26},
            {"bob", 3, 25}, {"alice", 1, 33}, {"carol", 2, 38}, {"bob", 4, 37}};

    private static EmbeddedKafka kafka;
    private static String bootstrap;

    @BeforeAll
    static void startBrokerWithClicks() throws Exception {
        kafka = EmbeddedKafka.start();
        bootstrap = kafka.bootstrapServers();
        MovingAverage.createTopic(bootstrap, "clicks", 2);
        produceClicks();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aTumbleWindowAggregateFromOneKafkaTopicToAnotherWritesTheSameRowsOnWeirAndOnFlinksPlanner() throws Exception {
        for (String target : TARGETS) {
            MovingAverage.createTopic(bootstrap, "totals-" + target, 1);
            run(target, "CREATE TABLE totals (window_start TIMESTAMP(3), window_end TIMESTAMP(3), user_name STRING, total INT) "
                            + "WITH (" + kafka("totals-" + target) + ", 'format' = 'json')",
                    "INSERT INTO totals SELECT window_start, window_end, user_name, SUM(amount) FROM TABLE(TUMBLE(TABLE clicks, "
                            + "DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, user_name");
        }

        List<String> onWeir = MovingAverage.readCommitted(bootstrap, "totals-local");
        // Weir's json format writes timestamps as Flink's does: a whole second without its zero milliseconds.
        List<String> onFlink = MovingAverage.readCommitted(bootstrap, "totals-flink-minicluster");
        // Four 10 s windows, three users each.
        assertThat(onWeir).hasSize(12).contains(
                "{\"window_start\":\"2026-01-01 00:00:10\",\"window_end\":\"2026-01-01 00:00:20\",\"user_name\":\"bob\",\"total\":7}");
        assertThat(onFlink).containsExactlyInAnyOrderElementsOf(onWeir);
    }

    @Test
    void anUnboundedGroupByIntoAnUpsertKafkaTableEndsWithTheSameLatestValuePerKeyOnWeirAndOnFlinksPlanner() throws Exception {
        for (String target : TARGETS) {
            MovingAverage.createTopic(bootstrap, "per-user-" + target, 1);
            run(target, "CREATE TABLE per_user (user_name STRING, clicks BIGINT, total INT, PRIMARY KEY (user_name) NOT ENFORCED) "
                            + "WITH ('connector' = 'upsert-kafka', 'topic' = 'per-user-" + target + "', 'properties.bootstrap.servers' = '"
                            + bootstrap + "', 'key.format' = 'json', 'value.format' = 'json')",
                    "INSERT INTO per_user SELECT user_name, COUNT(*), SUM(amount) FROM clicks GROUP BY user_name");
        }

        // The updates in between depend on how the two subtasks interleave; the latest value of each key does not.
        Map<String, String> onWeir = latestPerUser(MovingAverage.readCommitted(bootstrap, "per-user-local"));
        assertThat(onWeir).containsExactlyInAnyOrderEntriesOf(Map.of(
                "alice", "{\"user_name\":\"alice\",\"clicks\":6,\"total\":19}",
                "bob", "{\"user_name\":\"bob\",\"clicks\":6,\"total\":21}",
                "carol", "{\"user_name\":\"carol\",\"clicks\":4,\"total\":15}"));
        assertThat(latestPerUser(MovingAverage.readCommitted(bootstrap, "per-user-flink-minicluster"))).isEqualTo(onWeir);
    }

    /** The last value of each user in a one-partition upsert topic (values hold the key column: value.fields-include ALL). */
    private static Map<String, String> latestPerUser(List<String> values) {
        Map<String, String> latest = new TreeMap<>();
        for (String value : values) {
            latest.put(value.substring(value.indexOf(":\"") + 2, value.indexOf("\",")), value);
        }
        return latest;
    }

    /** The clicks as JSON rows, alice and carol in partition 0, bob in partition 1, each row at its event time. */
    private static void produceClicks() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (Object[] click : CLICKS) {
                String json = String.format("{\"user_name\":\"%s\",\"amount\":%d,\"ts\":\"2026-01-01 00:00:%02d\"}", click);
                producer.send(new ProducerRecord<>("clicks", click[0].equals("bob") ? 1 : 0, null, (String) click[0], json));
            }
            producer.flush();
        }
    }

    private static String kafka(String topic) {
        return "'connector' = 'kafka', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '" + bootstrap + "'";
    }

    /** The 'clicks' table and {@code statements} on {@code target} at parallelism 2; waits for the last statement's job. */
    private static void run(String target, String... statements) throws Exception {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.getConfig().set("execution.target", target);
        tables.getConfig().set("parallelism.default", "2");
        tables.getConfig().set("table.local-time-zone", "UTC");
        tables.executeSql("CREATE TABLE clicks (user_name STRING, amount INT, ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH (" + kafka("clicks") + ", 'format' = 'json', "
                + "'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset')");
        TableResult last = null;
        for (String statement : statements) {
            last = tables.executeSql(statement);
        }
        last.await(180, TimeUnit.SECONDS);
    }
}
