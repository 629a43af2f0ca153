package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.ConfigOptions;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.FormatDescriptor;
import dev.weir.table.api.Schema;
import dev.weir.table.api.StatementSet;
import dev.weir.table.api.Table;
import dev.weir.table.api.TableDescriptor;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TableDescriptor and FormatDescriptor: Flink's text forms, and tables registered, read and written through them. */
class TableDescriptorTest {
    @TempDir
    Path dir;

    private static TableDescriptor sequence(long end) {
        return TableDescriptor.forConnector("datagen")
                .schema(Schema.newBuilder().column("id", DataTypes.BIGINT()).column("name", DataTypes.STRING()).build())
                .option("fields.id.kind", "sequence").option("fields.id.start", "1").option("fields.id.end", Long.toString(end))
                .option("fields.name.length", "3").build();
    }

    @Test
    void aDescriptorPrintsAsFlinkPrintsItSchemaCommentPartitionsAndOptions() {
        TableDescriptor descriptor = TableDescriptor.forConnector("kafka")
                .schema(Schema.newBuilder().column("f0", DataTypes.STRING()).columnByExpression("f1", "UPPER(f0)")
                        .columnByMetadata("ts", "TIMESTAMP_LTZ(3)", "timestamp", true).watermark("ts", "ts - INTERVAL '1' SECOND")
                        .primaryKey("f0").build())
                .comment("Test Comment").partitionedBy("f0")
                .format(FormatDescriptor.forFormat("json").option("ignore-parse-errors", "true").build())
                .option("topic", "it's").build();
        assertThat(descriptor.toString()).isEqualTo("(\n"
                + "  `f0` STRING,\n"
                + "  `f1` AS [UPPER(f0)],\n"
                + "  `ts` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,\n"
                + "  WATERMARK FOR `ts` AS [ts - INTERVAL '1' SECOND],\n"
                + "  CONSTRAINT `PK_f0` PRIMARY KEY (`f0`) NOT ENFORCED\n"
                + ")\n"
                + "COMMENT 'Test Comment'\n"
                + "PARTITIONED BY (`f0`)\n"
                + "WITH (\n"
                + "  'connector' = 'kafka',\n"
                + "  'format' = 'json',\n"
                + "  'json.ignore-parse-errors' = 'true',\n"
                + "  'topic' = 'it''s'\n"
                + ")");
        assertThat(FormatDescriptor.forFormat("csv").option("field-delimiter", ";").build().toString())
                .isEqualTo("csv['field-delimiter' = ';']");
    }

    @Test
    void typedOptionsAndFormatsUnderAnotherKeyAreWrittenAsFlinkWritesThem() {
        ConfigOption<Duration> interval = ConfigOptions.key("source.monitor-interval").durationType().noDefaultValue();
        ConfigOption<String> keyFormat = ConfigOptions.key("key.format").stringType().noDefaultValue();
        TableDescriptor descriptor = TableDescriptor.forConnector("kafka").option(interval, Duration.ofSeconds(10))
                .format(keyFormat, FormatDescriptor.forFormat("csv").option("field-delimiter", ";").build()).build();
        assertThat(descriptor.getOptions()).containsExactly(java.util.Map.entry("connector", "kafka"),
                java.util.Map.entry("source.monitor-interval", "10 s"), java.util.Map.entry("key.format", "csv"),
                java.util.Map.entry("key.csv.field-delimiter", ";"));
    }

    @Test
    void createTemporaryTableRegistersTheTableItsCreateTableStatementWould() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.createTemporaryTable("seq", sequence(3));
        env.executeSql("CREATE TABLE seq_sql (id BIGINT, name STRING) WITH ('connector' = 'datagen', 'fields.id.kind' = "
                + "'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3', 'fields.name.length' = '3')");
        assertThat(rows(env, "SHOW CREATE TABLE seq").get(0).replace("`seq`", "`seq_sql`"))
                .isEqualTo(rows(env, "SHOW CREATE TABLE seq_sql").get(0));
        assertThat(rows(env, "SELECT id, CHAR_LENGTH(name) FROM seq")).containsExactlyInAnyOrder("+I[1, 3]", "+I[2, 3]", "+I[3, 3]");
        assertThat(env.listTemporaryTables()).containsExactly("seq");
        assertThat(env.listTables()).containsExactly("seq", "seq_sql");
    }

    @Test
    void aTakenPathIsRefusedUnlessIgnoredAndCreateTableReportsWhetherItCreated() {
        TableEnvironment env = SqlTestSupport.env();
        assertThat(env.createTable("default_catalog.default_database.seq", sequence(3), true)).isTrue();
        assertThat(env.createTable("seq", sequence(5), true)).isFalse();
        env.createTemporaryTable("seq", sequence(5), true);
        assertThatThrownBy(() -> env.createTemporaryTable("seq", sequence(5))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("a table or view named 'seq' already exists");
        assertThatThrownBy(() -> env.createTable("other_catalog.db.t", sequence(5))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("A catalog with name [other_catalog] does not exist.");
        assertThat(env.listTemporaryTables()).isEmpty();
    }

    @Test
    void fromADescriptorReadsItsAnonymousTable() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        Table table = env.from(sequence(2));
        assertThat(table.getResolvedSchema().getColumnNames()).containsExactly("id", "name");
        assertThat(rows(env.sqlQuery("SELECT id FROM " + table).execute())).containsExactlyInAnyOrder("+I[1]", "+I[2]");
        assertThat(env.listTables()).isEmpty();
    }

    @Test
    void insertIntoADescriptorWithoutSchemaWritesTheQuerysColumns() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.createTemporaryTable("seq", sequence(3));
        Path out = dir.resolve("out");
        TableDescriptor sink = TableDescriptor.forConnector("filesystem").option("path", out.toString())
                .format(FormatDescriptor.forFormat("csv").option("field-delimiter", "|").build()).build();
        env.sqlQuery("SELECT id, id * 10 AS tens FROM seq WHERE id > 1").executeInsert(sink).await();
        assertThat(lines(out)).containsExactly("2|20", "3|30");
    }

    @Test
    void aStatementSetRunsPipelinesAndDescriptorInsertsAsOneJob() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.createTemporaryTable("seq", sequence(4));
        Path odd = dir.resolve("odd");
        Path even = dir.resolve("even");
        Path all = dir.resolve("all");
        env.createTable("evens", TableDescriptor.forConnector("filesystem")
                .schema(Schema.newBuilder().column("id", DataTypes.BIGINT()).build()).option("path", even.toString())
                .format("csv").build());
        TableDescriptor oddSink = TableDescriptor.forConnector("filesystem").option("path", odd.toString()).format("csv").build();
        StatementSet set = env.createStatementSet();
        set.add(env.sqlQuery("SELECT id FROM seq WHERE MOD(id, 2) = 1").insertInto(oddSink));
        set.addInsert("evens", env.sqlQuery("SELECT id FROM seq WHERE MOD(id, 2) = 0"));
        set.addInsert(TableDescriptor.forConnector("filesystem").option("path", all.toString()).format("csv").build(),
                env.sqlQuery("SELECT id FROM seq"));
        set.execute().await();
        assertThat(lines(odd)).containsExactly("1", "3");
        assertThat(lines(even)).containsExactly("2", "4");
        assertThat(lines(all)).containsExactly("1", "2", "3", "4");
        assertThatThrownBy(() -> set.addInsert("evens", env.from("seq"), true)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("INSERT OVERWRITE is not supported in streaming mode");
    }

    @Test
    void partitionedByIsRefusedNamingTheCall() {
        TableEnvironment env = SqlTestSupport.env();
        TableDescriptor partitioned = sequence(3).toBuilder().partitionedBy("name").build();
        assertThatThrownBy(() -> env.createTemporaryTable("p", partitioned)).isInstanceOf(ValidationException.class)
                .hasMessage("TableDescriptor.partitionedBy(name) is not supported yet: Weir writes one directory per sink; "
                        + "remove partitionedBy");
    }

    private static List<String> lines(Path directory) throws IOException {
        List<String> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("part-"))::iterator) {
                all.addAll(Files.readAllLines(p));
            }
        }
        all.sort(null);
        return all;
    }
}
