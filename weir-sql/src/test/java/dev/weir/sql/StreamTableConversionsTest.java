package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.api.common.eventtime.WatermarkStrategy;
import dev.weir.streaming.api.datastream.DataStream;
import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.streaming.api.functions.ProcessFunction;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.Schema;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.bridge.java.StreamStatementSet;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.table.connector.ChangelogMode;
import dev.weir.types.Row;
import dev.weir.types.RowKind;
import dev.weir.util.Collector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's DataStream API integration beyond Rows: POJOs and atomic values, changelog streams in and out by mode. */
class StreamTableConversionsTest {

    private static <T> List<String> collect(DataStream<T> stream) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var it = stream.executeAndCollect()) {
            it.forEachRemaining(r -> rows.add(String.valueOf(r)));
        }
        return rows;
    }

    private static StreamTableEnvironment tableEnv(StreamExecutionEnvironment env) {
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        tEnv.getConfig().set("table.local-time-zone", "UTC");
        return tEnv;
    }

    private static Table scores(StreamExecutionEnvironment env, StreamTableEnvironment tEnv) {
        return tEnv.fromDataStream(env.fromData(Row.of("Alice", 12), Row.of("Bob", 5)),
                Schema.newBuilder().column("name", DataTypes.STRING()).column("score", DataTypes.INT()).build());
    }

    /** A POJO with a public field and a setter, as Flink's structured types map them. */
    public static final class Score {
        public String name;
        private int score;

        public void setScore(int score) {
            this.score = score;
        }

        public int getScore() {
            return score;
        }

        static Score of(String name, int score) {
            Score s = new Score();
            s.name = name;
            s.score = score;
            return s;
        }

        @Override
        public String toString() {
            return name + "=" + score;
        }
    }

    @Test
    void toDataStreamWithAClassFillsAPojosFieldsByColumnNameOrTakesTheOneColumnsValue() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        Table table = scores(env, tEnv);
        assertThat(collect(tEnv.toDataStream(tEnv.sqlQuery("SELECT score, name FROM " + table), Score.class)))
                .containsExactly("Alice=12", "Bob=5");
        assertThat(collect(tEnv.toDataStream(tEnv.sqlQuery("SELECT UPPER(name) FROM " + table), String.class)))
                .containsExactly("ALICE", "BOB");
        assertThat(collect(tEnv.toDataStream(tEnv.sqlQuery("SELECT name, score FROM " + table), DataTypes.of(Score.class))))
                .containsExactly("Alice=12", "Bob=5");
        DataStream<Long> longs = tEnv.toDataStream(tEnv.sqlQuery("SELECT CAST(score AS BIGINT) * 2 FROM " + table), DataTypes.BIGINT());
        assertThat(collect(longs)).containsExactly("24", "10");
        assertThat(collect(tEnv.toDataStream(table, Row.class))).containsExactly("+I[Alice, 12]", "+I[Bob, 5]");
    }

    @Test
    void aDataStreamOfPojosBecomesATableOfTheirPropertiesByNameAndOfStringsATableOfOneColumn() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        Table pojos = tEnv.fromDataStream(env.fromData(Score.of("Alice", 12), Score.of("Bob", 5)),
                Schema.newBuilder().column("score", "INT").column("name", "STRING").build());
        assertThat(collect(tEnv.toDataStream(pojos))).containsExactly("+I[12, Alice]", "+I[5, Bob]");
        // String has isBlank(): a String element is still the one column's value, not a POJO of property 'blank'.
        tEnv.createTemporaryView("words", env.fromData("a", "bb"), Schema.newBuilder().column("blank", "STRING").build());
        assertThat(collect(tEnv.toDataStream(tEnv.sqlQuery("SELECT `blank`, CHAR_LENGTH(`blank`) FROM words"))))
                .containsExactly("+I[a, 1]", "+I[bb, 2]");
        assertThat(tEnv.listTemporaryViews()).containsExactly("words");
        assertThat(tEnv.dropTemporaryView("words")).isTrue();
        assertThat(tEnv.listTables()).isEmpty();
    }

    @Test
    void aPojoThatDoesNotMatchTheColumnsIsRefusedWhenTheStreamIsBuilt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        Table table = scores(env, tEnv);
        assertThatThrownBy(() -> tEnv.toDataStream(tEnv.sqlQuery("SELECT name AS who, score FROM " + table), Score.class))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Column 'who' has no public field or setter in " + Score.class.getName());
        assertThatThrownBy(() -> tEnv.toDataStream(tEnv.sqlQuery("SELECT name, CAST(score AS STRING) AS score FROM " + table),
                Score.class)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Column 'score' of type STRING cannot be assigned to Score.score of type int");
    }

    @Test
    void fromChangelogStreamReadsEveryRowKindAndAnAggregateRetractsAsFlinksDoes() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        DataStream<Row> changes = env.fromData(Row.ofKind(RowKind.INSERT, "Alice", 12), Row.ofKind(RowKind.INSERT, "Bob", 5),
                Row.ofKind(RowKind.UPDATE_BEFORE, "Alice", 12), Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 100));
        Table table = tEnv.fromChangelogStream(changes, Schema.newBuilder().column("f0", "STRING").column("f1", "INT").build());
        tEnv.createTemporaryView("InputTable", table);
        Table sums = tEnv.sqlQuery("SELECT f0 AS name, SUM(f1) AS score FROM InputTable GROUP BY f0");
        assertThat(collect(tEnv.toChangelogStream(sums))).containsExactly("+I[Alice, 12]", "+I[Bob, 5]", "-D[Alice, 12]",
                "+I[Alice, 100]");
        assertThat(collect(tEnv.toChangelogStream(tEnv.from("InputTable")))).containsExactly("+I[Alice, 12]", "+I[Bob, 5]",
                "-U[Alice, 12]", "+U[Alice, 100]");
    }

    @Test
    void anUpsertChangelogIsNormalizedByItsPrimaryKeyIntoUpdatePairs() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        DataStream<Row> upserts = env.fromData(Row.ofKind(RowKind.INSERT, "Alice", 12), Row.ofKind(RowKind.INSERT, "Bob", 5),
                Row.ofKind(RowKind.UPDATE_AFTER, "Alice", 100), Row.ofKind(RowKind.DELETE, "Bob", 5));
        Table table = tEnv.fromChangelogStream(upserts, Schema.newBuilder().column("f0", DataTypes.STRING().notNull())
                .column("f1", DataTypes.INT()).primaryKey("f0").build(), ChangelogMode.upsert());
        assertThat(collect(tEnv.toChangelogStream(table))).containsExactly("+I[Alice, 12]", "+I[Bob, 5]", "-U[Alice, 12]",
                "+U[Alice, 100]", "-D[Bob, 5]");
        assertThatThrownBy(() -> tEnv.fromChangelogStream(upserts, Schema.newBuilder().column("f0", "STRING").build(),
                ChangelogMode.upsert())).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("An upsert changelog needs a primary key");
    }

    @Test
    void toChangelogStreamPicksTheDeclaredColumnsByNameAndInUpsertModeLeavesOutUpdateBefores() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        DataStream<Row> clicks = env.fromData(Row.of("Alice", 1), Row.of("Bob", 1), Row.of("Alice", 1));
        Table table = tEnv.fromDataStream(clicks, Schema.newBuilder().column("name", "STRING").column("n", "INT").build());
        Table counts = tEnv.sqlQuery("SELECT name, SUM(n) AS clicks FROM " + table + " GROUP BY name");
        Schema reversed = Schema.newBuilder().column("clicks", "INT").column("name", "STRING").build();
        assertThat(collect(tEnv.toChangelogStream(counts, reversed, ChangelogMode.upsert()))).containsExactly("+I[1, Alice]",
                "+I[1, Bob]", "+U[2, Alice]");
        assertThat(collect(tEnv.toChangelogStream(counts, reversed))).containsExactly("+I[1, Alice]", "+I[1, Bob]",
                "-U[1, Alice]", "+U[2, Alice]");
        assertThatThrownBy(() -> tEnv.toChangelogStream(counts, reversed, ChangelogMode.insertOnly()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("doesn't support consuming update and delete changes");
    }

    @Test
    void theRowtimeMetadataColumnOfAChangelogStreamIsTheRecordsTimestamp() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        DataStream<Row> events = env.fromData(Row.of("a", Instant.ofEpochMilli(1_000)), Row.of("b", Instant.ofEpochMilli(2_500)));
        Table table = tEnv.fromDataStream(events, Schema.newBuilder().column("k", "STRING").column("ts", "TIMESTAMP_LTZ(3)")
                .watermark("ts", "ts - INTERVAL '1' SECOND").build());
        DataStream<Row> out = tEnv.toChangelogStream(table, Schema.newBuilder().column("k", "STRING")
                .columnByMetadata("rowtime", "TIMESTAMP_LTZ(3)").build());
        assertThat(collect(out.process(new ProcessFunction<Row, String>() {
            @Override
            public void processElement(Row row, Context ctx, Collector<String> collector) {
                collector.collect(row + "@" + ctx.timestamp());
            }
        }))).containsExactly("+I[a]@1000", "+I[b]@2500");
    }

    @Test
    void aStreamStatementSetAttachedAsDataStreamRunsWhenTheProgramRuns(@TempDir Path dir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        StreamTableEnvironment tEnv = tableEnv(env);
        Path out = dir.resolve("out");
        tEnv.createTemporaryTable("sink", TableDescriptor.forConnector("filesystem").schema(Schema.newBuilder()
                .column("name", DataTypes.STRING()).column("score", DataTypes.INT()).build()).option("path", out.toString())
                .format("csv").build());
        StreamStatementSet set = tEnv.createStatementSet();
        set.addInsert("sink", tEnv.sqlQuery("SELECT name, score * 2 FROM " + scores(env, tEnv)));
        set.attachAsDataStream();
        assertThat(out).doesNotExist();
        env.execute("attached");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        assertThat(lines).containsExactlyInAnyOrder("Alice,24", "Bob,10");
        assertThatThrownBy(set::attachAsDataStream).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("No statement to attach");
    }

    @Test
    void theChangelogModesAreFlinks() {
        assertThat(ChangelogMode.insertOnly().containsOnly(RowKind.INSERT)).isTrue();
        assertThat(ChangelogMode.upsert().toString()).isEqualTo("[INSERT, UPDATE_AFTER, DELETE]");
        assertThat(ChangelogMode.all().getContainedKinds()).containsExactly(RowKind.INSERT, RowKind.UPDATE_BEFORE,
                RowKind.UPDATE_AFTER, RowKind.DELETE);
        assertThat(ChangelogMode.newBuilder().addContainedKind(RowKind.INSERT).addContainedKind(RowKind.DELETE).build()
                .contains(RowKind.UPDATE_AFTER)).isFalse();
    }
}
