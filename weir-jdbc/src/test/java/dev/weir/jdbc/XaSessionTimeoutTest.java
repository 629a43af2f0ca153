package dev.weir.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.connector.jdbc.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The exactly-once sink's database calls are bounded: a write that waits for a lock another transaction never releases
 * fails with an exception instead of hanging the task (a hang once seen under heavy load left prepared transactions
 * behind). The bound is 2 s here; the sink's is {@link XaSession#CALL_TIMEOUT_MILLIS}.
 */
@Timeout(120)
class XaSessionTimeoutTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();

    @Test
    void aWriteBlockedByALockThatIsNeverReleasedFailsInsteadOfHanging() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS xa_blocked", "CREATE TABLE xa_blocked (id BIGINT PRIMARY KEY)");
        try (Connection holder = DriverManager.getConnection(SharedPostgres.url(PG), "postgres", "")) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("INSERT INTO xa_blocked VALUES (1)"); // holds the key's lock until the end of the test
            }
            XaSession session = XaSession.open(SharedPostgres.xaDataSource(PG), "INSERT INTO xa_blocked (id) VALUES (?)", 2_000);
            SinkXid xid = SinkXid.of(SinkXid.sinkId("blocked", "INSERT"), 0, 7, 0);
            try {
                session.start(xid, 0);
                session.statement().setLong(1, 1);

                assertThatThrownBy(() -> session.statement().executeUpdate()).isInstanceOf(SQLException.class)
                        .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
            } finally {
                session.abandon(xid);
                session.close();
            }
            holder.rollback();
        }
        assertThat(SharedPostgres.rows(PG, "SELECT count(*) FROM xa_blocked")).containsExactly("0");
    }
}
