package dev.weir.flink.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.examples.kafka.MovingAverage;
import dev.weir.kafka.embedded.EmbeddedKafka;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A SQL job over {@code 'connector' = 'kafka'} tables runs on Weir's planner (weir-kafka's connector) and, through the
 * runner, on Flink's planner with Flink's own Kafka table connector (flink-sql-connector-kafka, built for Flink 2.2,
 * on Flink 2.3), both at parallelism 2 against the same embedded broker: the output topics hold the same rows.
 */
class KafkaSqlOnWeirAndFlinkTest {
    /** user, amount, event time (seconds after midnight): never more than the watermark's 2 s out of order. */
    private static final Object[][] CLICKS = {
            {"alice", 3, 1}, {"bob", 5, 2}, {"alice", 1, 4}, {"carol", 7, 3}, {"bob", 2, 9}, {"alice", 4, 12},
            {"carol", 1, 11}, {"bob", 6, 15}, {"alice", 2, 19}, {"bob", 1, 18}, {"carol", 5, 24}, {"alice", 8, 26},
            {"bob", 3, 25}, {"alice", 1, 33}, {"carol", 2, 38}, {"bob", 4, 37}};

    /**
     * A timestamp Flink's json format writes without its zero milliseconds ({@code "2026-01-01 00:00:10"}), where
     * Weir's writes {@code "2026-01-01 00:00:10.000"}: a difference of Weir's json writer that this test is not about
     * (docs/flink-runner.md lists it).
     */
    private static final Pattern FLINK_JSON_WHOLE_SECOND = Pattern.compile("( \\d\\d:\\d\\d:\\d\\d)\"");

    @Test
    void aTumbleWindowAggregateFromOneKafkaTopicToAnotherWritesTheSameRowsOnWeirAndOnFlinksPlanner() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            String bootstrap = kafka.bootstrapServers();
            MovingAverage.createTopic(bootstrap, "clicks", 2);
            produceClicks(bootstrap);
            for (String target : List.of("local", "flink-minicluster")) {
                MovingAverage.createTopic(bootstrap, "totals-" + target, 1);
                run(target, bootstrap);
            }

            List<String> onWeir = MovingAverage.readCommitted(bootstrap, "totals-local");
            List<String> onFlink = MovingAverage.readCommitted(bootstrap, "totals-flink-minicluster").stream()
                    .map(row -> FLINK_JSON_WHOLE_SECOND.matcher(row).replaceAll("$1.000\"")).toList();
            // Four 10 s windows, three users each.
            assertThat(onWeir).hasSize(12).contains(
                    "{\"window_start\":\"2026-01-01 00:00:10.000\",\"window_end\":\"2026-01-01 00:00:20.000\",\"user_name\":\"bob\",\"total\":7}");
            assertThat(onFlink).containsExactlyInAnyOrderElementsOf(onWeir);
        }
    }

    /** The clicks as JSON rows, alice and carol in partition 0, bob in partition 1, each row at its event time. */
    private static void produceClicks(String bootstrap) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap),
                new StringSerializer(), new StringSerializer())) {
            for (Object[] click : CLICKS) {
                String json = String.format("{\"user_name\":\"%s\",\"amount\":%d,\"ts\":\"2026-01-01 00:00:%02d\"}", click);
                producer.send(new ProducerRecord<>("clicks", click[0].equals("bob") ? 1 : 0, null, (String) click[0], json));
            }
            producer.flush();
        }
    }

    /** The same statements on {@code target} at parallelism 2, reading the whole topic as it is now (bounded), into {@code totals-<target>}. */
    private static void run(String target, String bootstrap) throws Exception {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.getConfig().set("execution.target", target);
        tables.getConfig().set("parallelism.default", "2");
        tables.getConfig().set("table.local-time-zone", "UTC");
        String kafka = "'connector' = 'kafka', 'properties.bootstrap.servers' = '" + bootstrap + "', 'format' = 'json'";
        tables.executeSql("CREATE TABLE clicks (user_name STRING, amount INT, ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) WITH (" + kafka + ", 'topic' = 'clicks', "
                + "'properties.group.id' = 'totals-" + target + "', 'scan.startup.mode' = 'earliest-offset', "
                + "'scan.bounded.mode' = 'latest-offset')");
        tables.executeSql("CREATE TABLE totals (window_start TIMESTAMP(3), window_end TIMESTAMP(3), user_name STRING, total INT) "
                + "WITH (" + kafka + ", 'topic' = 'totals-" + target + "')");
        tables.executeSql("INSERT INTO totals SELECT window_start, window_end, user_name, SUM(amount) "
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end, user_name")
                .await(180, TimeUnit.SECONDS);
    }
}
