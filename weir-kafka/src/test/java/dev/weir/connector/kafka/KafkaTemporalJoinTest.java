package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@code upsert-kafka} table with a WATERMARK is a versioned table (its changelog, normalized per key, gives the
 * versions): an event-time temporal join against it on the in-process broker joins each order with the rate valid at
 * the order's time.
 */
@Timeout(120)
class KafkaTemporalJoinTest {
    @TempDir
    Path dir;

    @Test
    void anUpsertKafkaTableWithAWatermarkIsAVersionedTableForEventTimeTemporalJoins() throws Exception {
        String topic = SharedKafka.newTopic("sql-versioned-rates", 1);
        String[][] rates = {{"EUR", "114", "00:00:00"}, {"USD", "100", "00:00:02"}, {"EUR", "116", "00:00:10"},
                {"USD", "99", "00:00:30"}};
        try (KafkaProducer<byte[], byte[]> p = SharedKafka.producer()) {
            for (String[] r : rates) {
                p.send(new ProducerRecord<>(topic, 0, null, ("{\"currency\":\"" + r[0] + "\"}").getBytes(StandardCharsets.UTF_8),
                        ("{\"currency\":\"" + r[0] + "\",\"rate\":" + r[1] + ",\"update_time\":\"2020-01-01 " + r[2] + "\"}")
                                .getBytes(StandardCharsets.UTF_8)));
            }
            p.flush();
        }
        Path orders = Files.write(dir.resolve("orders.csv"), List.of("1,EUR,10,2020-01-01 00:00:05",
                "2,EUR,20,2020-01-01 00:00:15", "3,USD,30,2020-01-01 00:00:20", "4,USD,40,2020-01-01 00:00:35"));
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", "1");
        env.executeSql("CREATE TABLE orders (id INT, currency STRING, amount INT, order_time TIMESTAMP(3), WATERMARK FOR "
                + "order_time AS order_time) WITH ('connector' = 'filesystem', 'path' = '" + orders + "', 'format' = 'csv')");
        env.executeSql("CREATE TABLE rates (currency STRING, rate INT, update_time TIMESTAMP(3), PRIMARY KEY (currency) NOT "
                + "ENFORCED, WATERMARK FOR update_time AS update_time) WITH ('connector' = 'upsert-kafka', 'topic' = '" + topic
                + "', 'properties.bootstrap.servers' = '" + SharedKafka.bootstrap() + "', 'key.format' = 'json', "
                + "'value.format' = 'json', 'scan.bounded.mode' = 'latest-offset')");

        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = env.executeSql("SELECT o.id, o.amount * r.rate, r.update_time FROM orders AS o "
                + "JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency").collect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }

        assertThat(rows).containsExactlyInAnyOrder("+I[1, 1140, 2020-01-01T00:00]", "+I[2, 2320, 2020-01-01T00:00:10]",
                "+I[3, 3000, 2020-01-01T00:00:02]", "+I[4, 3960, 2020-01-01T00:00:30]");
    }
}
