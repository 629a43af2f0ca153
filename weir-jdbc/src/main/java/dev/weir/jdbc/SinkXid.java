package dev.weir.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.transaction.xa.Xid;

/**
 * The XA transaction id of one transaction of an exactly-once JDBC sink. Its global id says whose it is, so that a
 * restarted sink finds its own prepared transactions among all of the database's: the sink's id (a hash of its task
 * name and statement), the subtask, a random number drawn when the subtask opened (ids stay unique across restarts)
 * and a counter.
 */
final class SinkXid implements Xid {
    /** "Weir" in ASCII: the format id of every transaction Weir's JDBC sink starts. */
    static final int FORMAT_ID = 0x57656972;
    private static final int GLOBAL_ID_LENGTH = 28;
    private static final byte[] BRANCH = {0};

    private final byte[] globalId;

    private SinkXid(byte[] globalId) {
        this.globalId = globalId;
    }

    static SinkXid of(long sinkId, int subtask, long run, long counter) {
        return new SinkXid(ByteBuffer.allocate(GLOBAL_ID_LENGTH).putLong(sinkId).putInt(subtask).putLong(run).putLong(counter).array());
    }

    /** The id from its encoding in the sink's state (see {@link #encoded}). */
    static SinkXid decode(byte[] encoded) {
        return new SinkXid(Arrays.copyOf(encoded, GLOBAL_ID_LENGTH));
    }

    /** This id as one of the database's prepared transactions, or null when that transaction is not a Weir sink's. */
    static SinkXid from(Xid xid) {
        if (xid.getFormatId() != FORMAT_ID || xid.getGlobalTransactionId().length != GLOBAL_ID_LENGTH) {
            return null;
        }
        return new SinkXid(xid.getGlobalTransactionId().clone());
    }

    /** A stable id of a sink: FNV-1a over its task name and statement, the same in every run of the job. */
    static long sinkId(String taskName, String sql) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : (taskName + '\n' + sql).getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    long sinkId() {
        return ByteBuffer.wrap(globalId).getLong(0);
    }

    int subtask() {
        return ByteBuffer.wrap(globalId).getInt(8);
    }

    byte[] encoded() {
        return globalId.clone();
    }

    @Override
    public int getFormatId() {
        return FORMAT_ID;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return BRANCH.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SinkXid other && Arrays.equals(globalId, other.globalId);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(globalId);
    }

    @Override
    public String toString() {
        return "xid(sink " + Long.toHexString(sinkId()) + ", subtask " + subtask() + ", " + Long.toHexString(ByteBuffer.wrap(globalId).getLong(12))
                + "/" + ByteBuffer.wrap(globalId).getLong(20) + ")";
    }
}
