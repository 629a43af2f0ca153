package dev.weir.flink.sql;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.streaming.api.environment.StreamExecutionEnvironment;
import dev.weir.table.api.DataTypes;
import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.Schema;
import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import dev.weir.table.api.bridge.java.StreamTableEnvironment;
import dev.weir.table.functions.ScalarFunction;
import org.junit.jupiter.api.Test;

/**
 * What a SQL job with the Flink target cannot run on Flink's planner is refused before anything is submitted, with a
 * message naming it and what to do. No job runs in these tests: each refusal comes before Flink's MiniCluster starts.
 */
class SqlRefusedBeforeSubmissionOnFlinkTest {
    private static final String SINK = "CREATE TABLE sink (word STRING) WITH ('connector' = 'blackhole')";
    private static final String SOURCE = "CREATE TABLE words (word STRING) WITH ('connector' = 'datagen', 'number-of-rows' = '10')";

    /** A Weir scalar function. */
    public static class Twice extends ScalarFunction {
        public String eval(String s) {
            return s + s;
        }
    }

    private static TableEnvironment onFlink() {
        TableEnvironment tables = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        tables.getConfig().set("execution.target", "flink-minicluster");
        return tables;
    }

    @Test
    void aTableWhoseConnectorFlinkLacksIsNamedWithItsConnector() {
        TableEnvironment tables = onFlink();
        tables.executeSql("CREATE TABLE clicks (word STRING) WITH ('connector' = 'jdbc', "
                + "'url' = 'jdbc:postgresql://localhost:5432/shop', 'table-name' = 'clicks')");
        tables.executeSql(SINK);

        assertThatThrownBy(() -> tables.executeSql("INSERT INTO sink SELECT word FROM clicks"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The SQL job 'insert-into_default_catalog.default_database.sink' cannot run on Flink: table 'clicks' "
                        + "uses connector 'jdbc', which Flink's planner does not have (a connector Weir has and Flink lacks, or "
                        + "a Flink connector whose jar is missing); add the Flink connector's jar of the cluster's version to the "
                        + "job, or run the job on Weir (execution.target 'local')");
    }

    @Test
    void aWeirFunctionIsRefusedNamingTheFunction() {
        TableEnvironment tables = onFlink();
        tables.createTemporarySystemFunction("twice", Twice.class);
        tables.executeSql(SOURCE);
        tables.executeSql(SINK);

        assertThatThrownBy(() -> tables.executeSql("INSERT INTO sink SELECT twice(word) FROM words"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The SQL job 'insert-into_default_catalog.default_database.sink' cannot run on execution.target "
                        + "'flink-minicluster': function 'twice' is a Weir function (dev.weir.table.functions), which Flink's "
                        + "planner cannot call; run the job on Weir (execution.target 'local'), or create it with what Flink has "
                        + "(a Flink function class, a table with a connector)");
    }

    @Test
    void aQueryWhoseRowsWouldBeCollectedIsRefused() {
        TableEnvironment tables = onFlink();
        tables.executeSql(SOURCE);

        assertThatThrownBy(() -> tables.executeSql("SELECT word FROM words"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("A query's rows are collected in this process, which Weir does on execution.target 'local' only; "
                        + "on 'flink-minicluster' (Flink's planner) write them to a table instead: INSERT INTO a 'print' or "
                        + "'filesystem' table");
    }

    @Test
    void aDataStreamTableIsRefusedNamingTheTable() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure("execution.target", "flink-minicluster");
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.createTemporaryView("typed", env.fromData("a", "b"), Schema.newBuilder().column("f0", DataTypes.STRING()).build());
        tables.executeSql(SINK);

        assertThatThrownBy(() -> tables.executeSql("INSERT INTO sink SELECT f0 FROM typed"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("The SQL job 'insert-into_default_catalog.default_database.sink' cannot run on execution.target "
                        + "'flink-minicluster': table 'typed' is a table over a Weir DataStream (fromDataStream / "
                        + "createTemporaryView), which Flink's planner cannot read; run the job on Weir (execution.target "
                        + "'local'), or create it with what Flink has (a Flink function class, a table with a connector)");
    }

    @Test
    void aTableTurnedBackIntoADataStreamIsRefused() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.configure("execution.target", "flink-minicluster");
        StreamTableEnvironment tables = StreamTableEnvironment.create(env);
        tables.executeSql(SOURCE);

        assertThatThrownBy(() -> tables.toDataStream(tables.from("words")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("toDataStream and toChangelogStream cannot run on execution.target 'flink-minicluster': there a "
                        + "SQL job runs on Flink's planner, which hands no table back to a Weir DataStream; run the job on Weir "
                        + "(execution.target 'local'), or write the table with INSERT INTO a connector table");
    }
}
