package dev.weir.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.configuration.ConfigOption;
import dev.weir.configuration.ConfigOptions;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.ResultKind;
import dev.weir.table.api.Schema;
import dev.weir.table.api.TableConfig;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.TableResult;
import dev.weir.table.api.ValidationException;
import dev.weir.table.types.AbstractDataType;
import dev.weir.types.Row;
import dev.weir.util.CloseableIterator;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** DataTypes' factories and summary strings, TableConfig's typed options, and results whose rows are read by name. */
class TableApiTypesAndConfigTest {

    @Test
    void dataTypesPrintTheirFlinkSummaryStrings() {
        assertThat(DataTypes.MAP(DataTypes.STRING(), DataTypes.INT().notNull()).toString()).isEqualTo("MAP<STRING, INT NOT NULL>");
        assertThat(DataTypes.MULTISET(DataTypes.BIGINT()).toString()).isEqualTo("MULTISET<BIGINT>");
        assertThat(DataTypes.ARRAY(DataTypes.DECIMAL(10, 2)).notNull().toString()).isEqualTo("ARRAY<DECIMAL(10, 2)> NOT NULL");
        assertThat(DataTypes.ROW(DataTypes.FIELD("a", DataTypes.TINYINT()), DataTypes.FIELD("b", DataTypes.SMALLINT())).toString())
                .isEqualTo("ROW<`a` TINYINT, `b` SMALLINT>");
        assertThat(DataTypes.ROW(DataTypes.INT(), DataTypes.STRING()).toString()).isEqualTo("ROW<`f0` INT, `f1` STRING>");
        assertThat(DataTypes.INTERVAL(DataTypes.SECOND(3)).toString()).isEqualTo("INTERVAL SECOND(3)");
        assertThat(DataTypes.INTERVAL(DataTypes.DAY(), DataTypes.SECOND(3)).toString()).isEqualTo("INTERVAL DAY(2) TO SECOND(3)");
        assertThat(DataTypes.INTERVAL(DataTypes.YEAR(4), DataTypes.MONTH()).toString()).isEqualTo("INTERVAL YEAR(4) TO MONTH");
        assertThat(DataTypes.INTERVAL(DataTypes.MINUTE()).toString()).isEqualTo("INTERVAL MINUTE");
        assertThatThrownBy(() -> DataTypes.INTERVAL(DataTypes.SECOND(), DataTypes.DAY())).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Unsupported interval INTERVAL SECOND TO DAY");
        assertThat(DataTypes.NULL().toString()).isEqualTo("NULL");
        assertThat(DataTypes.TIME(3).toString()).isEqualTo("TIME(3)");
        assertThat(DataTypes.TIMESTAMP_LTZ(3).toString()).isEqualTo("TIMESTAMP_LTZ(3)");
        assertThat(DataTypes.TIMESTAMP_WITH_TIME_ZONE(3).toString()).isEqualTo("TIMESTAMP(3) WITH TIME ZONE");
        assertThat(DataTypes.VARBINARY(4).toString()).isEqualTo("VARBINARY(4)");
        assertThat(DataTypes.BYTES().toString()).isEqualTo("BYTES");
        assertThat(DataTypes.of(String.class).toString()).isEqualTo("[java.lang.String]");
    }

    @Test
    void schemaBuildersTakeFieldsAndAResolvedSchemaAsFlinksDo() {
        Schema fields = Schema.newBuilder().fromFields(new String[] {"a", "b"},
                new AbstractDataType<?>[] {DataTypes.INT(), DataTypes.of("DECIMAL(10, 2)")}).build();
        assertThat(fields.toString()).isEqualTo("(\n  `a` INT,\n  `b` DECIMAL(10, 2)\n)");
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE t (id BIGINT NOT NULL, ts TIMESTAMP(3), d AS id * 2, WATERMARK FOR ts AS ts - INTERVAL '1' "
                + "SECOND, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'datagen')");
        Schema copy = Schema.newBuilder().fromResolvedSchema(env.from("t").getResolvedSchema()).build();
        assertThat(copy.toString()).isEqualTo("(\n"
                + "  `id` BIGINT NOT NULL,\n"
                + "  `ts` TIMESTAMP(3),\n"
                + "  `d` AS [`id` * 2],\n"
                + "  WATERMARK FOR `ts` AS [`ts` - INTERVAL '1' SECOND],\n"
                + "  CONSTRAINT `PK_id` PRIMARY KEY (`id`) NOT ENFORCED\n"
                + ")");
        assertThatThrownBy(() -> Schema.newBuilder().column("p", DataTypes.of(Row.class))).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("Column 'p' is typed by class dev.weir.types.Row");
    }

    @Test
    void conversionClassesAreFlinksDefaultsUnlessBridged() {
        assertThat(DataTypes.INT().getConversionClass()).isEqualTo(Integer.class);
        assertThat(DataTypes.INT().notNull().bridgedTo(int.class).getConversionClass()).isEqualTo(int.class);
        assertThat(DataTypes.TIMESTAMP_LTZ(3).getConversionClass()).isEqualTo(Instant.class);
        assertThat(DataTypes.ARRAY(DataTypes.STRING()).getConversionClass()).isEqualTo(String[].class);
        assertThat(DataTypes.INTERVAL(DataTypes.SECOND(3)).getConversionClass()).isEqualTo(Duration.class);
        assertThat(DataTypes.INT().bridgedTo(Integer.class)).isEqualTo(DataTypes.INT());
        assertThat(DataTypes.INT().bridgedTo(int.class)).isNotEqualTo(DataTypes.INT());
        assertThat(DataTypes.INT().nullable().bridgedTo(int.class).notNull().getConversionClass()).isEqualTo(int.class);
    }

    @Test
    void tableConfigKeepsTypedOptionsTheTimeZoneAndTheIdleStateRetention() {
        TableConfig config = TableConfig.getDefault();
        ConfigOption<Integer> parallelism = ConfigOptions.key("parallelism.default").intType().defaultValue(1);
        assertThat(config.getOptional(parallelism)).isEmpty();
        config.set(parallelism, 3);
        assertThat(config.get(parallelism)).isEqualTo(3);
        config.set("table.exec.state.ttl", "90 s");
        assertThat(config.getIdleStateRetention()).isEqualTo(Duration.ofSeconds(90));
        config.setIdleStateRetention(Duration.ofHours(1));
        assertThat(config.getConfiguration().getString("table.exec.state.ttl", null)).isEqualTo("1 h");
        assertThat(config.getIdleStateRetention()).isEqualTo(Duration.ofHours(1));
        config.setLocalTimeZone(ZoneId.of("Europe/Berlin"));
        assertThat(config.getLocalTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(TableConfig.getDefault().getIdleStateRetention()).isEqualTo(Duration.ZERO);
    }

    @Test
    void environmentSettingsNameFlinksDefaultCatalogAndRefuseAnother() {
        assertThat(EnvironmentSettings.inStreamingMode().getBuiltInCatalogName()).isEqualTo("default_catalog");
        assertThat(EnvironmentSettings.inStreamingMode().getBuiltInDatabaseName()).isEqualTo("default_database");
        assertThatThrownBy(() -> TableEnvironment.create(EnvironmentSettings.newInstance().withBuiltInCatalogName("mine").build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("Weir's one catalog and database are named "
                        + "default_catalog.default_database");
    }

    @Test
    void aQuerysRowsAreReadByColumnNameAsFlinksAreAndItsResultHasAJob() throws Exception {
        TableEnvironment env = SqlTestSupport.env();
        env.executeSql("CREATE TABLE seq (id BIGINT) WITH ('connector' = 'datagen', 'fields.id.kind' = 'sequence', "
                + "'fields.id.start' = '1', 'fields.id.end' = '2')");
        TableResult result = env.executeSql("SELECT id, id * 10 AS tens FROM seq");
        assertThat(result.getResultKind()).isEqualTo(ResultKind.SUCCESS_WITH_CONTENT);
        assertThat(result.getJobClient()).isPresent();
        List<String> read = new ArrayList<>();
        try (CloseableIterator<Row> rows = result.collect()) {
            rows.forEachRemaining(row -> read.add(row.<Long>getFieldAs("id") + ":" + row.<Long>getFieldAs("tens") + ":"
                    + row.getFieldNames(true)));
        }
        assertThat(read).containsExactlyInAnyOrder("1:10:[id, tens]", "2:20:[id, tens]");
        result.await(1, TimeUnit.MINUTES);
        TableResult ddl = env.executeSql("CREATE VIEW v AS SELECT id FROM seq");
        assertThat(ddl.getResultKind()).isEqualTo(ResultKind.SUCCESS);
        assertThat(ddl.getJobClient()).isEmpty();
    }
}
