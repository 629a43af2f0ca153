package dev.weir.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weir.connector.jdbc.SharedPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.XAConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A commit whose answer is lost (its connection broke after the database committed) is retried on a new connection;
 * the retry finds the transaction gone and takes it as committed, rather than failing the job over a transaction
 * that is in the table. A transaction the database never knew still fails the commit.
 */
@Timeout(120)
class XaSessionCommitRetryTest {
    private static final EmbeddedPostgres PG = SharedPostgres.server();

    @Test
    void aRetryThatFindsTheTransactionGoneAfterALostAnswerTakesItAsCommitted() throws Exception {
        SharedPostgres.execute(PG, "DROP TABLE IF EXISTS xa_retry", "CREATE TABLE xa_retry (id BIGINT PRIMARY KEY)");
        XaSession session = XaSession.open(SharedPostgres.xaDataSource(PG), "INSERT INTO xa_retry (id) VALUES (?)");
        SinkXid xid = SinkXid.of(SinkXid.sinkId("retry", "INSERT"), 0, 3, 0);
        try {
            session.start(xid, 0);
            session.statement().setLong(1, 42);
            session.statement().executeUpdate();
            assertThat(session.endAndPrepare(xid)).isTrue();
            assertThat(session.preparedTransactions()).contains(xid); // opens the session's committing connection

            // As when the database commits but the answer never arrives: the transaction is committed (here by
            // another connection) and the session's committing connection is broken.
            XAConnection other = SharedPostgres.xaDataSource(PG).getXAConnection();
            try {
                other.getXAResource().commit(xid, false);
            } finally {
                other.close();
            }
            SharedPostgres.execute(PG, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                    + " AND datname = current_database() AND backend_type = 'client backend'");

            session.commit(xid, 3);
        } finally {
            session.close();
        }
        assertThat(SharedPostgres.rows(PG, "SELECT id FROM xa_retry")).containsExactly("42");
    }

    @Test
    void aTransactionTheDatabaseNeverKnewFailsTheCommitAfterEveryAttempt() throws Exception {
        XaSession session = XaSession.open(SharedPostgres.xaDataSource(PG), "SELECT 1");
        SinkXid xid = SinkXid.of(SinkXid.sinkId("never", "INSERT"), 0, 5, 0);
        try {
            assertThatThrownBy(() -> session.commit(xid, 2)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Could not commit the prepared transaction " + xid + " after 2 attempts: ")
                    .hasMessageEndingWith(". It stays prepared in the database; the job's next restore from its last checkpoint"
                            + " commits it.");
        } finally {
            session.close();
        }
    }
}
