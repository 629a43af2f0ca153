package dev.weir.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * One subtask's XA connections: the writing one, with the statement the sink writes with, which starts, ends and
 * prepares the sink's transactions one at a time; and the committing one, which commits or rolls back prepared
 * transactions and lists them on recovery, reopened when it broke. Every database call on either is bounded by
 * {@link #CALL_TIMEOUT_MILLIS}: a call that waits longer (a stalled server, a lost network, a lock that is never
 * released) fails with an exception naming the wait instead of hanging the task, and the job restarts and recovers.
 */
final class XaSession {
    /**
     * The longest any one database call of the sink may wait. Generous, because a checkpoint's batch on a loaded
     * database can be slow; finite, because PostgreSQL's driver waits forever by default.
     */
    static final int CALL_TIMEOUT_MILLIS = 120_000;

    private final XADataSource dataSource;
    private final String sql;
    private final int callTimeoutMillis;
    private XAConnection xaConnection;
    private XAResource resource;
    private Connection connection;
    private PreparedStatement statement;
    /**
     * A second connection for commits, rollbacks and recovery: PostgreSQL's driver refuses a second-phase commit on a
     * connection that has a transaction open, and the writing connection always may have the next one open.
     */
    private XAConnection committerConnection;
    private XAResource committer;

    private XaSession(XADataSource dataSource, String sql, int callTimeoutMillis) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.callTimeoutMillis = callTimeoutMillis;
    }

    /** Connects, checks the database can prepare transactions, and prepares the statement. */
    static XaSession open(XADataSource dataSource, String sql) throws SQLException {
        return open(dataSource, sql, CALL_TIMEOUT_MILLIS);
    }

    /** As {@link #open(XADataSource, String)}, with another bound on each call (tests). */
    static XaSession open(XADataSource dataSource, String sql, int callTimeoutMillis) throws SQLException {
        if (dataSource == null) {
            throw new IllegalArgumentException("The exactly-once JDBC sink's XADataSource supplier returned null; return a configured "
                    + "XADataSource, e.g. an org.postgresql.xa.PGXADataSource with its URL, user and password set");
        }
        XaSession session = new XaSession(dataSource, sql, callTimeoutMillis);
        session.connect();
        session.requirePreparedTransactions();
        return session;
    }

    private void connect() throws SQLException {
        xaConnection = dataSource.getXAConnection();
        resource = xaConnection.getXAResource();
        // One logical connection for the session's life: the XA connection closes the previous one on every call.
        connection = xaConnection.getConnection();
        bound(connection);
        statement = connection.prepareStatement(sql);
    }

    private XAResource committer() throws SQLException {
        if (committerConnection == null) {
            committerConnection = dataSource.getXAConnection();
            // The logical connection is only opened to bound the physical one's calls, the XA resource's included.
            bound(committerConnection.getConnection());
            committer = committerConnection.getXAResource();
        }
        return committer;
    }

    private void closeCommitter() {
        try {
            if (committerConnection != null) {
                committerConnection.close();
            }
        } catch (SQLException ignored) {
            // Nothing left to release.
        }
        committerConnection = null;
        committer = null;
    }

    /** Bounds every call on {@code c}'s physical connection (JDBC's network timeout; the executor aborts it if the driver needs one). */
    private void bound(Connection c) throws SQLException {
        try {
            c.setNetworkTimeout(java.util.concurrent.ForkJoinPool.commonPool(), callTimeoutMillis);
        } catch (java.sql.SQLFeatureNotSupportedException e) {
            // A driver without network timeouts keeps its own behaviour.
        }
    }

    /** PostgreSQL refuses PREPARE TRANSACTION when max_prepared_transactions is 0 (its default): say so before the first checkpoint. */
    private void requirePreparedTransactions() throws SQLException {
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement show = connection.createStatement(); ResultSet rs = show.executeQuery("SHOW max_prepared_transactions")) {
            rs.next();
            if (Integer.parseInt(rs.getString(1)) == 0) {
                String url = connection.getMetaData().getURL();
                url = url.indexOf('?') < 0 ? url : url.substring(0, url.indexOf('?'));
                close();
                throw new IllegalStateException("The exactly-once JDBC sink needs prepared transactions, but PostgreSQL at " + url
                        + " has max_prepared_transactions = 0 (the default). Set max_prepared_transactions in postgresql.conf to at "
                        + "least the sink's parallelism times (max concurrent checkpoints + 1), e.g. 100, and restart the server; "
                        + "or use JdbcSink.sink with an upsert statement (at-least-once, idempotent).");
            }
        }
    }

    /** The session's connection, for statements outside the XA transactions. */
    Connection connection() {
        return connection;
    }

    PreparedStatement statement() {
        return statement;
    }

    /** The ids of the Weir sinks' transactions prepared in the database. */
    List<SinkXid> preparedTransactions() throws XAException, SQLException {
        List<SinkXid> ours = new ArrayList<>();
        for (Xid xid : committer().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            SinkXid sinkXid = SinkXid.from(xid);
            if (sinkXid != null) {
                ours.add(sinkXid);
            }
        }
        return ours;
    }

    void start(SinkXid xid, int timeoutSeconds) throws XAException {
        if (timeoutSeconds > 0) {
            resource.setTransactionTimeout(timeoutSeconds);
        }
        resource.start(xid, XAResource.TMNOFLAGS);
    }

    /** Ends and prepares the transaction; false when it wrote nothing (read-only), so there is nothing to commit. */
    boolean endAndPrepare(SinkXid xid) throws XAException {
        resource.end(xid, XAResource.TMSUCCESS);
        try {
            return resource.prepare(xid) == XAResource.XA_OK;
        } catch (XAException e) {
            throw describe(e, "prepare", xid);
        }
    }

    /**
     * Commits a prepared transaction, reconnecting between attempts; a retry that finds the transaction gone after an
     * attempt whose outcome was lost (a broken connection, a timeout) takes it as committed by that attempt.
     */
    void commit(SinkXid xid, int attempts) throws Exception {
        boolean outcomeUnknown = false;
        for (int attempt = 1; ; attempt++) {
            try {
                committer().commit(xid, false);
                return;
            } catch (XAException | SQLException e) {
                boolean unknownXid = e instanceof XAException xa && xa.errorCode == XAException.XAER_NOTA;
                if (unknownXid && outcomeUnknown) {
                    // The database no longer knows the transaction: the attempt before, whose answer was lost with its
                    // connection, committed it. Only this sink ends its own prepared transactions between restores.
                    return;
                }
                outcomeUnknown = !unknownXid;
                if (attempt >= attempts) {
                    throw new IllegalStateException("Could not commit the prepared transaction " + xid + " after " + attempts
                            + " attempts: " + message(e) + ". It stays prepared in the database; the job's next restore from its "
                            + "last checkpoint commits it.", e);
                }
                closeCommitter();
                Thread.sleep(100L * attempt);
            }
        }
    }

    void rollback(SinkXid xid) throws XAException, SQLException {
        try {
            committer().rollback(xid);
        } catch (XAException e) {
            throw describe(e, "roll back", xid);
        }
    }

    /** Ends and rolls back a transaction that was never prepared; on a broken connection the database drops it anyway. */
    void abandon(SinkXid xid) {
        try {
            resource.end(xid, XAResource.TMFAIL);
        } catch (XAException ignored) {
            // Already ended, or the connection is gone.
        }
        try {
            resource.rollback(xid);
        } catch (XAException ignored) {
            // An unprepared transaction dies with its connection.
        }
    }

    /** Closes the writing connection; commits still work (on the committing connection). */
    void closeConnection() {
        try {
            if (xaConnection != null) {
                xaConnection.close();
            }
        } catch (SQLException ignored) {
            // Nothing left to release.
        }
        xaConnection = null;
        resource = null;
        connection = null;
        statement = null;
    }

    void close() {
        closeConnection();
        closeCommitter();
    }

    private static XAException describe(XAException e, String what, SinkXid xid) {
        XAException described = new XAException("Could not " + what + " the XA transaction " + xid + ": " + message(e));
        described.errorCode = e.errorCode;
        described.initCause(e);
        return described;
    }

    private static String message(Exception e) {
        String message = e.getMessage();
        if (e instanceof XAException xa) {
            message = message + " (XA error code " + xa.errorCode + ")";
        }
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? message + ": " + cause.getMessage() : message;
    }
}
