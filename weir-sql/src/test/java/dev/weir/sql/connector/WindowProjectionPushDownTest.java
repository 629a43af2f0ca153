package dev.weir.sql.connector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weir.table.api.EnvironmentSettings;
import dev.weir.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A window table function (TUMBLE, HOP, CUMULATE, SESSION) passes its input's columns through: the source is asked
 * only for the columns read above it and for its DESCRIPTOR columns, as Flink pushes the projection through it.
 * Table {@code t(k, v, s, ts)}; {@code [-, *, -, *]} reads v and ts, not k and s.
 */
@Timeout(120)
class WindowProjectionPushDownTest {
    private TableEnvironment env;

    @BeforeEach
    void createTable() {
        env = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        env.getConfig().set("table.local-time-zone", "UTC");
        env.executeSql("CREATE TABLE t (k BIGINT, v BIGINT, s VARCHAR, ts TIMESTAMP(3), "
                + "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'read-recording', 'number-of-rows' = '10')");
        ReadRecordingConnector.READS.clear();
    }

    @Test
    void aTumblingMaxReadsOnlyTheAggregatedColumnAndTheTimeColumn() {
        env.explainSql("SELECT MAX(v), window_end FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
                + "GROUP BY window_start, window_end");
        assertThat(ReadRecordingConnector.READS).containsExactly("[-, *, -, *]");
    }

    @Test
    void aHopCountReadsTheGroupKeyAndTheTimeColumn() {
        env.explainSql("SELECT k, COUNT(*) FROM TABLE(HOP(TABLE t, DESCRIPTOR(ts), INTERVAL '2' SECOND, INTERVAL '10' SECOND)) "
                + "GROUP BY k, window_start, window_end");
        assertThat(ReadRecordingConnector.READS).containsExactly("[*, -, -, *]");
    }

    @Test
    void aSessionReadsItsPartitionKeysAndTheColumnsSelected() {
        env.explainSql("SELECT s, window_start FROM TABLE(SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), INTERVAL '5' SECOND))");
        assertThat(ReadRecordingConnector.READS).containsExactly("[*, -, *, *]");
    }

    @Test
    void aWindowedSelectStarReadsEveryColumn() {
        env.explainSql("SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), INTERVAL '10' SECOND))");
        assertThat(ReadRecordingConnector.READS).containsExactly("[*, *, *, *]");
    }
}
