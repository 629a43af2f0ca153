package dev.weir.connector.jdbc;

import java.io.Serializable;

/**
 * How the JDBC sink batches and retries, with Flink's defaults: a batch of up to 5000 records, no flush interval,
 * 3 retries. A batch is written when it is full, when {@code batchIntervalMs} passed since the last write (if
 * positive), at every checkpoint and at the end of the input. A failed write is retried up to {@code maxRetries} times,
 * retry k after k - 1 seconds (Flink's schedule), on a new connection when the old one is no longer valid.
 */
public final class JdbcExecutionOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_MAX_RETRY_TIMES = 3;
    public static final int DEFAULT_SIZE = 5000;
    private static final long DEFAULT_INTERVAL_MILLIS = 0;

    private final long batchIntervalMs;
    private final int batchSize;
    private final int maxRetries;

    private JdbcExecutionOptions(long batchIntervalMs, int batchSize, int maxRetries) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("JdbcExecutionOptions: the batch size must be at least 1, got " + batchSize);
        }
        if (batchIntervalMs < 0) {
            throw new IllegalArgumentException("JdbcExecutionOptions: the batch interval must be 0 (none) or positive, got "
                    + batchIntervalMs + " ms");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("JdbcExecutionOptions: max retries must be 0 or more, got " + maxRetries);
        }
        this.batchIntervalMs = batchIntervalMs;
        this.batchSize = batchSize;
        this.maxRetries = maxRetries;
    }

    public long getBatchIntervalMs() {
        return batchIntervalMs;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Flink's defaults: batches of 5000, no interval, 3 retries. */
    public static JdbcExecutionOptions defaults() {
        return builder().build();
    }

    @Override
    public String toString() {
        return "JdbcExecutionOptions{batchSize=" + batchSize + ", batchIntervalMs=" + batchIntervalMs + ", maxRetries=" + maxRetries + '}';
    }

    /** Builds {@link JdbcExecutionOptions}; every setting starts at Flink's default. */
    public static final class Builder {
        private long intervalMs = DEFAULT_INTERVAL_MILLIS;
        private int size = DEFAULT_SIZE;
        private int maxRetries = DEFAULT_MAX_RETRY_TIMES;

        public Builder withBatchSize(int size) {
            this.size = size;
            return this;
        }

        public Builder withBatchIntervalMs(long intervalMs) {
            this.intervalMs = intervalMs;
            return this;
        }

        public Builder withMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public JdbcExecutionOptions build() {
            return new JdbcExecutionOptions(intervalMs, size, maxRetries);
        }
    }
}
