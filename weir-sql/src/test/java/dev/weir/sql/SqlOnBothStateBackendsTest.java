package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.runtime.state.hashmap.HashMapStateBackend;
import dev.weir.state.rocksdb.EmbeddedRocksDBStateBackend;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.types.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SQL's keyed operators keep their state in whichever backend the job sets, as in Flink: the same queries give the same
 * rows on the heap ({@link HashMapStateBackend}) and on RocksDB ({@link EmbeddedRocksDBStateBackend}), whose state is
 * serialized on every access — the regular join's packed rows, a group aggregate's accumulators, window slices.
 */
class SqlOnBothStateBackendsTest {

    private static StreamExecutionEnvironment env(String backend, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        Supplier<dev.weir.runtime.state.StateBackend> chosen = backend.equals("rocksdb")
                ? EmbeddedRocksDBStateBackend::new : HashMapStateBackend::new;
        env.setStateBackend(chosen.get());
        return env;
    }

    private static List<String> collect(DataStream<Row> stream) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = stream.executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(r.toString()));
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aRegularJoinMatchesEveryPairOnceWhileBothSidesOfAKeyGrow(String backend) throws Exception {
        StreamExecutionEnvironment env = env(backend, 2);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        List<Row> orders = new ArrayList<>();
        List<Row> shipments = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            for (int o = 0; o < 4; o++) {
                orders.add(Row.of(id, "o" + id + o, o % 2 == 0 ? null : (long) o));
            }
            for (int s = 0; s < 3; s++) {
                shipments.add(Row.of(id, "s" + id + s));
                for (int o = 0; o < 4; o++) {
                    expected.add("+I[" + id + ", o" + id + o + ", " + (o % 2 == 0 ? "null" : o) + ", s" + id + s + "]");
                }
            }
        }
        tEnv.createTemporaryView("orders", env.fromData(orders), Schema.newBuilder()
                .column("id", DataTypes.BIGINT()).column("item", DataTypes.STRING()).column("qty", DataTypes.BIGINT()).build());
        tEnv.createTemporaryView("shipments", env.fromData(shipments), Schema.newBuilder()
                .column("oid", DataTypes.BIGINT()).column("ship", DataTypes.STRING()).build());
        Table joined = tEnv.sqlQuery("SELECT o.id, o.item, o.qty, s.ship FROM orders o JOIN shipments s ON o.id = s.oid");
        assertThat(collect(tEnv.toDataStream(joined))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aGroupAggregateRetractsItsLastResultForEachUpdate(String backend) throws Exception {
        StreamExecutionEnvironment env = env(backend, 1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.createTemporaryView("payments", env.fromData(Row.of("ann", 10), Row.of("bob", 5), Row.of("ann", 7),
                Row.of("ann", 1)), Schema.newBuilder().column("name", DataTypes.STRING()).column("amount", DataTypes.INT()).build());
        Table totals = tEnv.sqlQuery("SELECT name, COUNT(*) AS n, SUM(amount) AS total, MAX(amount) AS biggest "
                + "FROM payments GROUP BY name");
        assertThat(collect(tEnv.toChangelogStream(totals))).containsExactly(
                "+I[ann, 1, 10, 10]", "+I[bob, 1, 5, 5]", "-U[ann, 1, 10, 10]", "+U[ann, 2, 17, 10]",
                "-U[ann, 2, 17, 10]", "+U[ann, 3, 18, 10]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aTumblingWindowAggregateFiresEachWindowOnceWithItsRows(String backend) throws Exception {
        StreamExecutionEnvironment env = env(backend, 1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.createTemporaryView("clicks", env.fromData(
                Row.of("Mary", Instant.ofEpochMilli(1_000)), Row.of("Bob", Instant.ofEpochMilli(2_000)),
                Row.of("Mary", Instant.ofEpochMilli(61_000)), Row.of("Mary", Instant.ofEpochMilli(62_000))),
                Schema.newBuilder().column("name", DataTypes.STRING()).column("ts", DataTypes.TIMESTAMP_LTZ(3))
                        .watermark("ts", "ts - INTERVAL '1' SECOND").build());
        Table perMinute = tEnv.sqlQuery("SELECT name, window_start, COUNT(*) AS clicks, COUNT(DISTINCT ts) AS moments "
                + "FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY name, window_start, window_end");
        assertThat(collect(tEnv.toDataStream(perMinute))).containsExactlyInAnyOrder(
                "+I[Mary, 1970-01-01T00:00, 1, 1]", "+I[Bob, 1970-01-01T00:00, 1, 1]", "+I[Mary, 1970-01-01T00:01, 2, 2]");
    }
}
