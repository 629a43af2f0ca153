package dev.weir.connector.jdbc;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * How the exactly-once JDBC sink handles its XA transactions, with Flink's names and defaults.
 * <ul>
 *   <li>{@code recoveredAndRollback} (default true): on start, roll back the transactions this sink prepared that
 *       belong to no restored checkpoint (a failure between prepare and the checkpoint's completion leaves them); with
 *       false they stay prepared in the database, holding their locks, until an administrator ends them.</li>
 *   <li>{@code maxCommitAttempts} (default 3): how often a commit is tried before the job fails.</li>
 *   <li>{@code timeoutSec}: an XA transaction timeout, passed to the driver when it supports one (PostgreSQL does
 *       not).</li>
 *   <li>{@code allowOutOfOrderCommits} and {@code transactionPerConnection} are accepted for Flink's jobs: Weir
 *       always commits in checkpoint order and always runs one transaction at a time on its one XA connection per
 *       subtask, which is what PostgreSQL and MySQL require.</li>
 * </ul>
 */
public final class JdbcExactlyOnceOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final boolean DEFAULT_RECOVERED_AND_ROLLBACK = true;
    public static final int DEFAULT_MAX_COMMIT_ATTEMPTS = 3;
    public static final boolean DEFAULT_ALLOW_OUT_OF_ORDER_COMMITS = false;
    public static final boolean DEFAULT_TRANSACTION_PER_CONNECTION = false;

    private final boolean recoveredAndRollback;
    private final int maxCommitAttempts;
    private final boolean allowOutOfOrderCommits;
    private final Integer timeoutSec;
    private final boolean transactionPerConnection;

    private JdbcExactlyOnceOptions(boolean recoveredAndRollback, int maxCommitAttempts, boolean allowOutOfOrderCommits,
            Integer timeoutSec, boolean transactionPerConnection) {
        if (maxCommitAttempts < 1) {
            throw new IllegalArgumentException("JdbcExactlyOnceOptions: maxCommitAttempts must be at least 1, got " + maxCommitAttempts);
        }
        if (timeoutSec != null && timeoutSec < 1) {
            throw new IllegalArgumentException("JdbcExactlyOnceOptions: timeoutSec must be positive or empty, got " + timeoutSec);
        }
        this.recoveredAndRollback = recoveredAndRollback;
        this.maxCommitAttempts = maxCommitAttempts;
        this.allowOutOfOrderCommits = allowOutOfOrderCommits;
        this.timeoutSec = timeoutSec;
        this.transactionPerConnection = transactionPerConnection;
    }

    public boolean isRecoveredAndRollback() {
        return recoveredAndRollback;
    }

    public int getMaxCommitAttempts() {
        return maxCommitAttempts;
    }

    public boolean isAllowOutOfOrderCommits() {
        return allowOutOfOrderCommits;
    }

    public Optional<Integer> getTimeoutSec() {
        return Optional.ofNullable(timeoutSec);
    }

    public boolean isTransactionPerConnection() {
        return transactionPerConnection;
    }

    public static JdbcExactlyOnceOptions defaults() {
        return builder().build();
    }

    public static JDBCExactlyOnceOptionsBuilder builder() {
        return new JDBCExactlyOnceOptionsBuilder();
    }

    /** Builds {@link JdbcExactlyOnceOptions} (Flink's spelling of the builder's name). */
    public static final class JDBCExactlyOnceOptionsBuilder {
        private boolean recoveredAndRollback = DEFAULT_RECOVERED_AND_ROLLBACK;
        private int maxCommitAttempts = DEFAULT_MAX_COMMIT_ATTEMPTS;
        private boolean allowOutOfOrderCommits = DEFAULT_ALLOW_OUT_OF_ORDER_COMMITS;
        private Optional<Integer> timeoutSec = Optional.empty();
        private boolean transactionPerConnection = DEFAULT_TRANSACTION_PER_CONNECTION;

        public JDBCExactlyOnceOptionsBuilder withRecoveredAndRollback(boolean recoveredAndRollback) {
            this.recoveredAndRollback = recoveredAndRollback;
            return this;
        }

        public JDBCExactlyOnceOptionsBuilder withMaxCommitAttempts(int maxCommitAttempts) {
            this.maxCommitAttempts = maxCommitAttempts;
            return this;
        }

        public JDBCExactlyOnceOptionsBuilder withAllowOutOfOrderCommits(boolean allowOutOfOrderCommits) {
            this.allowOutOfOrderCommits = allowOutOfOrderCommits;
            return this;
        }

        public JDBCExactlyOnceOptionsBuilder withTimeoutSec(Optional<Integer> timeoutSec) {
            this.timeoutSec = Objects.requireNonNull(timeoutSec, "timeoutSec");
            return this;
        }

        public JDBCExactlyOnceOptionsBuilder withTransactionPerConnection(boolean transactionPerConnection) {
            this.transactionPerConnection = transactionPerConnection;
            return this;
        }

        public JdbcExactlyOnceOptions build() {
            return new JdbcExactlyOnceOptions(recoveredAndRollback, maxCommitAttempts, allowOutOfOrderCommits,
                    timeoutSec.orElse(null), transactionPerConnection);
        }
    }
}
