package dev.weir.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 'kafka' and 'upsert-kafka' SQL connectors against the in-process broker: formats, keys, metadata, offsets, sinks. */
@Timeout(120)
class KafkaTableConnectorTest {

    private static TableEnvironment tableEnv() {
        return tableEnv(2);
    }

    /** Parallelism 1 where a test asserts the order of a changelog across keys. */
    private static TableEnvironment tableEnv(int parallelism) {
        TableEnvironment env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.getConfig().set("parallelism.default", Integer.toString(parallelism));
        return env;
    }

    private static String with(String connector, String topic, String more) throws Exception {
        return "WITH ('connector' = '" + connector + "', 'topic' = '" + topic + "', 'properties.bootstrap.servers' = '"
                + SharedKafka.bootstrap() + "'" + (more.isEmpty() ? "" : ", " + more) + ")";
    }

    /** Writes (key, value) records to partition 0 with timestamp 1000 + their index; a null value is a tombstone. */
    private static void writeKeyed(String topic, String... keysAndValues) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = SharedKafka.producer()) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                String k = keysAndValues[i];
                String v = keysAndValues[i + 1];
                p.send(new ProducerRecord<>(topic, 0, 1000L + i / 2, k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                        v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
            }
            p.flush();
        }
    }

    private static List<String> rows(TableResult result) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = result.collect()) {
            while (it.hasNext()) {
                rows.add(it.next().toString());
            }
        }
        return rows;
    }

    private static List<String> keysAndValues(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> (r.key() == null ? "null" : new String(r.key(), StandardCharsets.UTF_8)) + " -> "
                + (r.value() == null ? "null" : new String(r.value(), StandardCharsets.UTF_8))).toList();
    }

    @Test
    void aJsonTopicReadsWithMetadataColumnsUpToTheLatestOffset() throws Exception {
        String topic = SharedKafka.newTopic("sql-json", 1);
        SharedKafka.write(topic, 0, 5000, "{\"id\":1,\"item\":\"apple\",\"qty\":3}", "{\"id\":2,\"item\":\"pear\",\"qty\":null}",
                null, "{\"id\":3,\"item\":\"plum\",\"qty\":7,\"extra\":true}");
        TableEnvironment env = tableEnv();
        env.executeSql("CREATE TABLE orders (id INT, item STRING, qty INT, `partition` INT METADATA VIRTUAL, "
                + "off BIGINT METADATA FROM 'offset', ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', t STRING METADATA FROM 'topic') "
                + with("kafka", topic, "'format' = 'json', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));

        assertThat(rows(env.executeSql("SELECT id, item, qty, `partition`, off, ts, t = '" + topic + "' FROM orders")))
                .as("the tombstone at offset 2 is skipped, as Flink's json format skips it").containsExactly(
                        "+I[1, apple, 3, 0, 0, 1970-01-01T00:00:05Z, true]", "+I[2, pear, null, 0, 1, 1970-01-01T00:00:05Z, true]",
                        "+I[3, plum, 7, 0, 3, 1970-01-01T00:00:05Z, true]");
    }

    @Test
    void startupModesPickTheFirstOffsetAsFlinksDo() throws Exception {
        String topic = SharedKafka.newTopic("sql-startup", 1);
        SharedKafka.write(topic, 0, 1000, "a", "b");
        SharedKafka.write(topic, 0, 2000, "c", "d");
        TableEnvironment env = tableEnv();
        String bounded = "'format' = 'raw', 'scan.bounded.mode' = 'latest-offset'";
        env.executeSql("CREATE TABLE by_time (v STRING) " + with("kafka", topic, bounded
                + ", 'scan.startup.mode' = 'timestamp', 'scan.startup.timestamp-millis' = '1500'"));
        env.executeSql("CREATE TABLE by_offset (v STRING) " + with("kafka", topic, bounded
                + ", 'scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:3'"));
        env.executeSql("CREATE TABLE from_latest (v STRING) " + with("kafka", topic, bounded + ", 'scan.startup.mode' = 'latest-offset'"));

        assertThat(rows(env.executeSql("SELECT v FROM by_time"))).containsExactly("+I[c]", "+I[d]");
        assertThat(rows(env.executeSql("SELECT v FROM by_offset"))).containsExactly("+I[d]");
        assertThat(rows(env.executeSql("SELECT v FROM from_latest"))).isEmpty();
    }

    @Test
    void keyFieldsAreReadFromAndWrittenToTheRecordKey() throws Exception {
        String in = SharedKafka.newTopic("sql-key-in", 1);
        String out = SharedKafka.newTopic("sql-key-out", 1);
        writeKeyed(in, "7", "{\"item\":\"apple\",\"qty\":3}", "8", "{\"item\":\"pear\",\"qty\":5}");
        TableEnvironment env = tableEnv();
        String keyed = "'key.format' = 'raw', 'key.fields' = 'k', 'value.format' = 'json', 'value.fields-include' = 'EXCEPT_KEY'";
        env.executeSql("CREATE TABLE src (k STRING, item STRING, qty INT) " + with("kafka", in, keyed
                + ", 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("CREATE TABLE dst (k STRING, item STRING, qty INT) " + with("kafka", out, keyed.replace("'json'", "'csv'")));

        env.executeSql("INSERT INTO dst SELECT k, UPPER(item), qty * 10 FROM src").await();

        assertThat(keysAndValues(SharedKafka.readAll(out, "read_uncommitted"))).containsExactlyInAnyOrder("7 -> APPLE,30", "8 -> PEAR,50");
    }

    @Test
    void anExactlyOnceSinkCommitsAWindowAggregateInOneTransactionPerCheckpoint() throws Exception {
        String in = SharedKafka.newTopic("sql-eo-in", 2);
        String out = SharedKafka.newTopic("sql-eo-out", 1);
        SharedKafka.write(in, 0, 0, "{\"user\":\"a\",\"ts\":\"2020-01-01 10:00:01\"}", "{\"user\":\"b\",\"ts\":\"2020-01-01 10:00:02\"}",
                "{\"user\":\"a\",\"ts\":\"2020-01-01 10:01:30\"}");
        SharedKafka.write(in, 1, 0, "{\"user\":\"a\",\"ts\":\"2020-01-01 10:00:40\"}", "{\"user\":\"b\",\"ts\":\"2020-01-01 10:02:10\"}");
        StreamExecutionEnvironment streams = StreamExecutionEnvironment.createLocalEnvironment(2);
        streams.enableCheckpointing(50);
        StreamTableEnvironment env = StreamTableEnvironment.create(streams);
        env.getConfig().set("table.local-time-zone", "UTC");
        env.executeSql("CREATE TABLE clicks (`user` STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' MINUTE) "
                + with("kafka", in,
                "'format' = 'json', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("CREATE TABLE per_minute (`user` STRING, window_start TIMESTAMP(3), clicks BIGINT) " + with("kafka", out,
                "'format' = 'csv', 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'sql-eo-" + out + "'"));

        env.executeSql("INSERT INTO per_minute SELECT `user`, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), "
                + "INTERVAL '1' MINUTE)) GROUP BY `user`, window_start, window_end").await();

        assertThat(keysAndValues(SharedKafka.readAll(out, "read_committed"))).containsExactlyInAnyOrder(
                "null -> a,2020-01-01 10:00:00.000,2", "null -> b,2020-01-01 10:00:00.000,1", "null -> a,2020-01-01 10:01:00.000,1",
                "null -> b,2020-01-01 10:02:00.000,1");
    }

    @Test
    void anUpsertKafkaSourceIsAChangelogOfItsKeysWithTombstonesAsDeletes() throws Exception {
        String topic = SharedKafka.newTopic("sql-upsert-in", 1);
        writeKeyed(topic, "{\"id\":1}", "{\"id\":1,\"name\":\"ann\"}", "{\"id\":2}", "{\"id\":2,\"name\":\"bob\"}",
                "{\"id\":1}", "{\"id\":1,\"name\":\"anna\"}", "{\"id\":1}", "{\"id\":1,\"name\":\"anna\"}", "{\"id\":2}", null,
                "{\"id\":3}", null);
        TableEnvironment env = tableEnv(1);
        env.executeSql("CREATE TABLE users (id INT, name STRING, PRIMARY KEY (id) NOT ENFORCED) " + with("upsert-kafka", topic,
                "'key.format' = 'json', 'value.format' = 'json', 'scan.bounded.mode' = 'latest-offset'"));

        assertThat(rows(env.executeSql("SELECT * FROM users"))).as("an unchanged value emits nothing; a tombstone of an unknown key "
                + "neither").containsExactly("+I[1, ann]", "+I[2, bob]", "-U[1, ann]", "+U[1, anna]", "-D[2, bob]");
        assertThat(rows(env.executeSql("SELECT COUNT(*) FROM users"))).containsExactly("+I[1]", "-U[1]", "+U[2]", "-U[2]",
                "+U[1]", "-U[1]", "+U[2]", "-U[2]", "+U[1]");
    }

    @Test
    void anUpsertKafkaSinkWritesUpdatesAsValuesAndDeletesAsTombstones() throws Exception {
        String in = SharedKafka.newTopic("sql-upsert-src", 1);
        String out = SharedKafka.newTopic("sql-upsert-out", 1);
        SharedKafka.write(in, 0, 0, "a,1", "b,2", "a,3", "b,-2");
        TableEnvironment env = tableEnv(1);
        env.executeSql("CREATE TABLE moves (who STRING, delta INT) " + with("kafka", in,
                "'format' = 'csv', 'scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset'"));
        env.executeSql("CREATE TABLE balances (who STRING, total INT, PRIMARY KEY (who) NOT ENFORCED) " + with("upsert-kafka", out,
                "'key.format' = 'raw', 'value.format' = 'json'"));

        env.executeSql("INSERT INTO balances SELECT who, SUM(delta) FROM moves GROUP BY who").await();

        assertThat(keysAndValues(SharedKafka.readAll(out, "read_uncommitted"))).containsExactly(
                "a -> {\"who\":\"a\",\"total\":1}", "b -> {\"who\":\"b\",\"total\":2}", "a -> {\"who\":\"a\",\"total\":4}",
                "b -> {\"who\":\"b\",\"total\":0}");
    }

    private static void refused(TableEnvironment env, String table, String columns, String connector, String options,
            String message) throws Exception {
        env.executeSql("CREATE TABLE " + table + " (" + columns + ") " + with(connector, SharedKafka.newTopic("sql-errors", 1), options));
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM " + table)).isInstanceOf(ValidationException.class)
                .hasMessageContaining(message);
    }

    @Test
    void wrongTablesAreRefusedWhenAQueryPlansThemNamingTheOptionAndTheFix() throws Exception {
        TableEnvironment env = tableEnv();
        refused(env, "t1", "a STRING", "kafka", "'format' = 'json', 'topics' = 'x'", "Unsupported options:\n\ntopics\n\nSupported options:");
        assertThatThrownBy(() -> env.executeSql("SELECT * FROM t1")).hasMessageContaining("scan.startup.mode")
                .hasMessageContaining("properties.*").hasMessageContaining("value.json.ignore-parse-errors");
        refused(env, "t2", "a STRING", "kafka", "'format' = 'json', 'scan.startup.mode' = 'earliest'", "Invalid value for option "
                + "'scan.startup.mode' of table 't2': 'earliest'. Supported values are [earliest-offset, latest-offset, group-offsets, "
                + "timestamp, specific-offsets]");
        refused(env, "t3", "a STRING", "kafka", "'format' = 'json'", "Missing required option 'properties.group.id' for table 't3' "
                + "(connector 'kafka'); add e.g. 'properties.group.id' = 'my-group' to its WITH clause");
        refused(env, "t4", "a STRING", "upsert-kafka", "'key.format' = 'raw', 'value.format' = 'json'",
                "'upsert-kafka' tables require to define a PRIMARY KEY constraint.");
        refused(env, "t5", "a STRING, b STRING", "kafka", "'format' = 'raw'", "The 'raw' format of table 't5' (option 'format') "
                + "supports only one physical column, but 2 are given: [a, b]; use 'json' or 'csv' for several columns");
        refused(env, "t6", "a STRING", "kafka", "'format' = 'json', 'sink.delivery-guarantee' = 'exactly-once'",
                "sink.transactional-id-prefix must be specified when using DeliveryGuarantee.EXACTLY_ONCE (table 't6')");
        refused(env, "t7", "a STRING, h STRING METADATA FROM 'headers'", "kafka", "'format' = 'json'",
                "Invalid metadata key 'headers' in column 'h' of table 't7'");
        refused(env, "t8", "a STRING, o INT METADATA FROM 'offset'", "kafka", "'format' = 'json'",
                "Metadata column 'o' of table 't8' reads 'offset', which is BIGINT NOT NULL, but is declared INT");
        String topic = SharedKafka.newTopic("sql-errors", 1);
        env.executeSql("CREATE TABLE appends (a STRING, n BIGINT) " + with("kafka", topic, "'format' = 'json'"));
        env.executeSql("CREATE TABLE words (a STRING) " + with("kafka", topic, "'format' = 'json', 'scan.startup.mode' = 'earliest-offset'"));
        assertThatThrownBy(() -> env.executeSql("INSERT INTO appends SELECT a, COUNT(*) FROM words GROUP BY a"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("Table sink 'appends' doesn't support consuming update and "
                        + "delete changes");
    }
}
