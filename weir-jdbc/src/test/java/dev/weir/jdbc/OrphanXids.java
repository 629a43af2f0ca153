package dev.weir.jdbc;

import javax.transaction.xa.Xid;

/** For tests: the XA id a JDBC sink with that task name and statement would give a transaction of subtask {@code subtask}. */
public final class OrphanXids {
    private OrphanXids() {
    }

    public static Xid of(String sql, String taskName, int subtask) {
        return SinkXid.of(SinkXid.sinkId(taskName, sql), subtask, 42, 0);
    }
}
