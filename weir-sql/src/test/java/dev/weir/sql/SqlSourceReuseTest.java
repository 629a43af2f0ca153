package dev.weir.sql;

import static dev.weir.sql.SqlTestSupport.csv;
import static dev.weir.sql.SqlTestSupport.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.table.api.TableEnvironment;
import dev.weir.table.api.ValidationException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two scans of one table in a query (a self-join, two views over one table) share one source, as Flink's
 * {@code table.optimizer.reuse-source-enabled} (true by default) reuses it; false gives each scan its own. Both give
 * the same rows.
 */
class SqlSourceReuseTest {
    private static final String SELF_JOIN = "SELECT a.id, b.id FROM events a JOIN events b ON a.k = b.k AND a.id < b.id";

    @TempDir
    Path dir;

    private TableEnvironment env;

    @BeforeEach
    void tables() throws Exception {
        env = SqlTestSupport.env();
        Path events = csv(dir, "events", "1,x,0", "2,y,1", "3,x,1", "4,y,0", "5,x,1");
        env.executeSql("CREATE TABLE events (id INT, k STRING, kind INT) WITH ('connector' = 'filesystem', 'path' = '"
                + events + "', 'format' = 'csv')");
        env.executeSql("CREATE VIEW zeros AS SELECT id, k FROM events WHERE kind = 0");
        env.executeSql("CREATE VIEW ones AS SELECT id, k FROM events WHERE kind = 1");
    }

    @Test
    void aSelfJoinReadsTheTableOnceAndExplainSaysTheSecondScanIsReused() throws Exception {
        String plan = env.explainSql(SELF_JOIN);
        assertThat(plan.lines().filter(l -> l.startsWith("TableSourceScan(table=[events]"))).hasSize(1);
        assertThat(plan).contains("Reused(table=[events])");
        assertThat(rows(env, SELF_JOIN)).containsExactlyInAnyOrder("+I[1, 3]", "+I[1, 5]", "+I[3, 5]", "+I[2, 4]");
    }

    @Test
    void twoViewsOverOneTableShareItsSource() throws Exception {
        String query = "SELECT z.id, o.id FROM zeros z JOIN ones o ON z.k = o.k";
        assertThat(env.explainSql(query).lines().filter(l -> l.startsWith("TableSourceScan(table=[events]"))).hasSize(1);
        assertThat(rows(env, query)).containsExactlyInAnyOrder("+I[1, 3]", "+I[1, 5]", "+I[4, 2]");
    }

    @Test
    void withReuseSwitchedOffEachScanHasItsOwnSourceAndTheRowsAreTheSame() throws Exception {
        env.getConfig().set("table.optimizer.reuse-source-enabled", "false");
        List<String> scans = env.explainSql(SELF_JOIN).lines().filter(l -> l.startsWith("TableSourceScan(table=[events]"))
                .toList();
        assertThat(scans).hasSize(2);
        assertThat(env.explainSql(SELF_JOIN)).doesNotContain("Reused");
        assertThat(rows(env, SELF_JOIN)).containsExactlyInAnyOrder("+I[1, 3]", "+I[1, 5]", "+I[3, 5]", "+I[2, 4]");
    }

    @Test
    void anInvalidReuseSettingIsRefusedNamingTheOptionAndTheValuesItTakes() {
        env.getConfig().set("table.optimizer.reuse-source-enabled", "yes");
        assertThatThrownBy(() -> env.explainSql(SELF_JOIN)).isInstanceOf(ValidationException.class)
                .hasMessage("Invalid value 'yes' for option 'table.optimizer.reuse-source-enabled': write true or false");
    }
}
