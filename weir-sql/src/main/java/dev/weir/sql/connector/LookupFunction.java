package dev.weir.sql.connector;

import dev.weir.types.Row;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Finds a table's rows by key for a lookup join, as Flink's {@code LookupFunction}: opened once on each subtask of the
 * join, then asked synchronously for every key the cache does not hold. It returns rows of the table's physical
 * columns in internal form, an empty list when no row has the key, and retries or fails loudly: a failed lookup is
 * an {@link IOException} naming the table and the key, never an empty result.
 */
public interface LookupFunction extends Serializable {
    /** Opens connections; called on the task before the first lookup. */
    void open() throws Exception;

    /** The rows whose key columns equal {@code key}'s fields, in the order the connector was asked for them. */
    List<Row> lookup(Row key) throws IOException;

    /**
     * {@link #lookup(Row)} at the task's processing time {@code now}, for functions that reload the table on a schedule
     * (the filesystem connector's full cache); the others ignore the time.
     */
    default List<Row> lookup(Row key, long now) throws IOException {
        return lookup(key);
    }

    /** Releases what {@link #open()} acquired; called once, also after a failure. */
    void close() throws Exception;
}
